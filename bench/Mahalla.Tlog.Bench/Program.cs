using System.Globalization;

namespace Mahalla.Tlog.Bench;

// Benchmarks of the transparency log in the platform. bench/tlog.sh runs it on SQLite and PostgreSQL.
//   dotnet run -c Release --project bench/Mahalla.Tlog.Bench -- --provider Postgres --server "Host=…" [options]
// Options: --parts append,proofs,verify,filing   --append 200000   --batch 2000
//          --sizes 1000000,10000000   --proofs 2000   --clients 8   --rounds 3   --seconds 8   --work DIR (SQLite files)
internal static class TlogBench
{
    public static async Task<int> Main(string[] args)
    {
        var options = BenchOptions.Parse(args);
        // WebApplicationFactory finds the app's content root through the manifest next to this program.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        Directory.CreateDirectory(options.Work);
        Report.Progress($"provider {options.Provider}, parts {string.Join(",", options.Parts)}");

        if (options.Parts.Contains("append") || options.Parts.Contains("proofs") || options.Parts.Contains("verify"))
        {
            using var database = Database.Create(options.Provider, options.Server, options.Work, "log");
            await using var app = new BenchApp(database);
            _ = app.Services;
            if (options.Parts.Contains("append"))
            {
                await AppendBench.RunAsync(app, options.Append, options.BatchSizes);
            }

            if (options.Parts.Contains("proofs") || options.Parts.Contains("verify"))
            {
                var material = await ProofBench.RunAsync(app, options.Sizes, options.Proofs, measure: options.Parts.Contains("proofs"));
                if (options.Parts.Contains("verify"))
                {
                    VerifyBench.Run(options.Provider, material);
                }
            }

            Report.Line($"size|{options.Provider}|{Fmt.Mb(database.SizeBytes())}");
        }

        if (options.Parts.Contains("filing"))
        {
            await FilingBench.RunAsync(options);
        }

        return 0;
    }
}

internal sealed record BenchOptions(
    string Provider, string? Server, string Work, HashSet<string> Parts, int Append, IReadOnlyList<int> BatchSizes,
    IReadOnlyList<long> Sizes, int Proofs, int Clients, int Rounds, int Seconds)
{
    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        var provider = values.GetValueOrDefault("provider", "Sqlite");
        provider = provider.Equals("postgres", StringComparison.OrdinalIgnoreCase) ? "Postgres" : "Sqlite";
        if (provider == "Postgres" && !values.ContainsKey("server"))
        {
            throw new ArgumentException("--server \"Host=…;Username=…;Database=postgres\" is required for PostgreSQL");
        }

        static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);
        return new BenchOptions(
            provider,
            values.GetValueOrDefault("server"),
            Path.GetFullPath(values.GetValueOrDefault("work", Path.Combine(Path.GetTempPath(), "mahalla-tlog-bench"))),
            [.. values.GetValueOrDefault("parts", "append,proofs,verify,filing").Split(',')],
            Int(values.GetValueOrDefault("append", "200000")),
            [.. values.GetValueOrDefault("batch", "2000").Split(',').Select(Int)],
            [.. values.GetValueOrDefault("sizes", "1000000,10000000").Split(',').Select(s => long.Parse(s, CultureInfo.InvariantCulture))],
            Int(values.GetValueOrDefault("proofs", "2000")),
            Int(values.GetValueOrDefault("clients", "8")),
            Int(values.GetValueOrDefault("rounds", "3")),
            Int(values.GetValueOrDefault("seconds", "8")));
    }
}
