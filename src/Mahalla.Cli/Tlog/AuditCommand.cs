using Mahalla.Web.Modules.Transparency.Contracts;
using Mahalla.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Cli;

/// <summary>
/// <c>mahalla tlog audit</c>: runs the platform's own audit (<see cref="LogAudit"/>) against its database, prints
/// every finding and records the run for the auditors' page. Exit 1 when a row was changed behind the platform's back.
/// </summary>
internal static class AuditCommand
{
    public static async Task<int> RunAsync(CommandLine options)
    {
        var provider = options.Required("provider");
        var connection = options.Required("connection");
        var builder = new DbContextOptionsBuilder<MahallaDb>();
        if (provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase) || provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase))
        {
            builder.UseNpgsql(connection);
        }
        else if (provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            builder.UseSqlite(connection);
        }
        else
        {
            throw new UsageException($"--provider must be Sqlite or Postgres, not \"{provider}\"");
        }

        await using var db = new MahallaDb(builder.Options);
        var report = await LogAudit.RunAsync(db, TimeProvider.System, $"cli:{Environment.UserName}", CancellationToken.None);
        foreach (var finding in report.Findings)
        {
            Console.WriteLine(finding);
        }

        Console.WriteLine($"{(report.Passed ? "OK" : "FAILED")}: {report.EventsChecked} events and {report.EntriesChecked} entries checked, "
            + $"{report.CommitmentsChecked} content commitments rechecked ({report.CommitmentsNotCheckable} erased or superseded), "
            + $"root of the signed tree of size {report.TreeSize} recomputed; {report.Findings.Count} findings");
        return report.Passed ? 0 : 1;
    }
}
