using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Mahalla.Bench;

// An HTTP load tool: N clients, for a warm-up and then a measured window per scenario. Only 127.0.0.1/localhost.
// Closed loop by default: each client sends its next request as soon as the previous one is answered.
// With --rate R, open loop: the clients together start R requests a second on a fixed schedule, and each
// latency runs from the moment its request was due, so a slow answer that holds up the next requests
// counts against them too (no coordinated omission).
//
//   dotnet Mahalla.Bench.dll --url http://127.0.0.1:5000 --target app [--clients 32] [--warmup 10] [--duration 20] [--rate 0]
//       [--scenarios signin,file,track,inbox (default; also: categories)] [--label SQLite] [--results results.tsv] [--password Mahalla-2026]
//       [--staff demo-operator,demo-region,demo-district,demo-mahalla (default: the inboxes listed, client by client in turn)]
//   dotnet Mahalla.Bench.dll --url http://127.0.0.1:5001 --target baseline [--scenarios hello,insert,select] ...
//
// Prints per scenario: requests/s (successful answers in the measured window), p50/p99/max latency,
// error count; with --results, appends one tab-separated line per scenario for bench/run.sh.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
Options options;
try
{
    options = Options.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(Options.Usage);
    return 2;
}

// Bounded: whatever happens, the run ends after its planned time plus a margin for set-up.
var planned = TimeSpan.FromSeconds((options.Warmup + options.Duration) * options.Scenarios.Count + 180);
using var stop = new CancellationTokenSource(planned);
using var handler = new SocketsHttpHandler
{
    MaxConnectionsPerServer = options.Clients + 8,
    UseCookies = false,
    AutomaticDecompression = DecompressionMethods.None,
    PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
    UseProxy = false,
};
using var http = new HttpClient(handler) { BaseAddress = options.Url, Timeout = TimeSpan.FromSeconds(30) };

try
{
    IScenarioSet set = options.Target == "baseline" ? new BaselineScenarios(http, options) : new AppScenarios(http, options);
    await set.PrepareAsync(stop.Token);
    var load = options.Rate > 0 ? $"open loop, {options.Rate} requests/s due" : "closed loop";
    Console.WriteLine($"{options.Label} {options.Target} at {options.Url}: {options.Clients} clients, {load}, warm-up {options.Warmup} s, measured {options.Duration} s per scenario");
    Console.WriteLine($"{"scenario",-10} {"req/s",9} {"p50 ms",8} {"p99 ms",8} {"max ms",8} {"ok",8} {"errors",7}  note");
    foreach (var name in options.Scenarios)
    {
        var scenario = set.Get(name);
        var result = await LoadRunner.RunAsync(scenario, options, stop.Token);
        var note = set.Note(name);
        Console.WriteLine($"{name,-10} {result.RequestsPerSecond,9:F1} {result.P50,8:F1} {result.P99,8:F1} {result.Max,8:F1} {result.Ok,8} {result.Errors,7}  {result.ErrorDetail}{(note.Length > 0 ? " " + note : "")}");
        if (options.Results is { } file)
        {
            await File.AppendAllTextAsync(file, string.Join('\t', options.Label, options.Target, options.Clients, name,
                result.RequestsPerSecond.ToString("F1"), result.P50.ToString("F1"), result.P99.ToString("F1"), result.Max.ToString("F1"),
                result.Ok, result.Errors, (result.ErrorDetail + " " + note).Trim()) + "\n", CancellationToken.None);
        }
    }

    return 0;
}
catch (Exception ex) when (ex is HttpRequestException or BenchException or OperationCanceledException)
{
    Console.Error.WriteLine($"bench: {ex.Message}");
    return 1;
}

namespace Mahalla.Bench
{
    internal sealed class BenchException(string message) : Exception(message);

    internal sealed record Options(Uri Url, string Target, int Clients, int Warmup, int Duration, IReadOnlyList<string> Scenarios,
        string Label, string? Results, string Password, int Rate = 0, IReadOnlyList<string>? Staff = null)
    {
        public const string Usage =
            "usage: Mahalla.Bench --url http://127.0.0.1:PORT --target app|baseline [--clients 32] [--warmup 10] [--duration 20] [--rate REQUESTS-PER-SECOND] " +
            "[--scenarios signin,file,track,inbox | hello,insert,select] [--label NAME] [--results FILE.tsv] [--password DEMO-PASSWORD] " +
            "[--staff demo-operator,demo-region,demo-district,demo-mahalla (whose inboxes the clients list, in turn)]";

        public static Options Parse(string[] args)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < args.Length; i++)
            {
                if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                {
                    throw new ArgumentException($"unexpected argument '{args[i]}'");
                }

                values[args[i][2..]] = args[++i];
            }

            var url = new Uri(values.GetValueOrDefault("url") ?? throw new ArgumentException("--url is required"));
            // Traffic goes only to this machine.
            if (url.Scheme != Uri.UriSchemeHttp || !(url.Host is "127.0.0.1" or "localhost" or "[::1]"))
            {
                throw new ArgumentException("--url must be http://127.0.0.1:PORT (the benchmark never sends traffic elsewhere)");
            }

            var target = values.GetValueOrDefault("target", "app");
            if (target is not ("app" or "baseline"))
            {
                throw new ArgumentException("--target must be app or baseline");
            }

            var clients = Int(values, "clients", 32, 1, 512);
            var warmup = Int(values, "warmup", 10, 0, 600);
            var duration = Int(values, "duration", 20, 1, 600);
            var rate = Int(values, "rate", 0, 0, 100_000);
            var scenarios = (values.GetValueOrDefault("scenarios") ?? (target == "app" ? "signin,file,track,inbox" : "hello,insert,select"))
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var known = target == "app" ? AppScenarios.Names : BaselineScenarios.Names;
            if (scenarios.Length == 0 || scenarios.Any(s => !known.Contains(s)))
            {
                throw new ArgumentException($"--scenarios for {target}: a comma-separated subset of {string.Join(',', known)}");
            }

            var staff = values.TryGetValue("staff", out var staffList)
                ? staffList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : AppScenarios.StaffAccounts;
            if (staff.Length == 0)
            {
                throw new ArgumentException("--staff: a comma-separated list of staff user names");
            }

            return new Options(url, target, clients, warmup, duration, scenarios, values.GetValueOrDefault("label", target),
                values.GetValueOrDefault("results"), values.GetValueOrDefault("password", "Mahalla-2026"), rate, staff);
        }

        private static int Int(Dictionary<string, string> values, string key, int fallback, int min, int max)
        {
            if (!values.TryGetValue(key, out var text))
            {
                return fallback;
            }

            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
                ? v
                : throw new ArgumentException($"--{key} must be a whole number from {min} to {max}");
        }
    }

    /// <summary>One request of a scenario for client <c>client</c>; returns the HTTP status (0 for a transport failure).</summary>
    internal delegate Task<int> Operation(int client, CancellationToken ct);

    internal sealed record Scenario(string Name, Operation Send, int ExpectedStatus);

    internal interface IScenarioSet
    {
        Task PrepareAsync(CancellationToken ct);

        Scenario Get(string name);

        string Note(string name);
    }

    internal sealed record ScenarioResult(double RequestsPerSecond, double P50, double P99, double Max, long Ok, long Errors, string ErrorDetail);

    internal static class LoadRunner
    {
        /// <summary>
        /// All clients run from the start of the warm-up to the end of the window.
        /// <para>Closed loop (no rate): a client sends as soon as its previous answer arrives. A request counts when it
        /// starts after the warm-up and ends inside the window; its latency is time to the last byte of the answer.</para>
        /// <para>Open loop (<c>--rate</c>): request k of client c is due at <c>(k × clients + c) / rate</c> seconds after the
        /// start, so the clients together start <c>rate</c> requests a second, evenly spaced; a client whose previous
        /// answer came late sends at once. A request counts when it was due inside the window, however late it ends;
        /// its latency runs from when it was due to the last byte of the answer.</para>
        /// </summary>
        public static async Task<ScenarioResult> RunAsync(Scenario scenario, Options options, CancellationToken ct)
        {
            var frequency = (double)Stopwatch.Frequency;
            var start = Stopwatch.GetTimestamp();
            var windowStart = start + (long)(options.Warmup * frequency);
            var windowEnd = windowStart + (long)(options.Duration * frequency);
            var open = options.Rate > 0;
            var spacing = open ? frequency / options.Rate : 0;
            var latencies = new List<long>[options.Clients];
            var errors = new ConcurrentDictionary<int, long>();
            var workers = Enumerable.Range(0, options.Clients).Select(client => Task.Run(async () =>
            {
                var mine = new List<long>(4096);
                latencies[client] = mine;
                for (long k = 0; !ct.IsCancellationRequested; k++)
                {
                    var due = open ? start + (long)((k * options.Clients + client) * spacing) : Stopwatch.GetTimestamp();
                    if (due >= windowEnd)
                    {
                        break;
                    }

                    if (open && Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due) is { Ticks: > 0 } early)
                    {
                        await Task.Delay(early, ct);
                    }

                    int status;
                    try
                    {
                        status = await scenario.Send(client, ct);
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
                    {
                        status = 0;
                    }

                    var end = Stopwatch.GetTimestamp();
                    if (due < windowStart || (!open && end > windowEnd))
                    {
                        continue;
                    }

                    if (status == scenario.ExpectedStatus)
                    {
                        mine.Add(end - due);
                    }
                    else
                    {
                        errors.AddOrUpdate(status, 1, (_, n) => n + 1);
                        if (status == 0 && !open)
                        {
                            // A refused connection would otherwise spin: back off a little.
                            await Task.Delay(10, ct);
                        }
                    }
                }
            }, ct)).ToArray();
            await Task.WhenAll(workers);
            ct.ThrowIfCancellationRequested();
            return Summarize(latencies, errors, options);
        }

        private static ScenarioResult Summarize(List<long>[] latencies, ConcurrentDictionary<int, long> errors, Options options)
        {
            var frequency = (double)Stopwatch.Frequency;
            var all = latencies.SelectMany(l => l).ToArray();
            Array.Sort(all);
            double Ms(long ticks) => ticks * 1000.0 / frequency;
            double Percentile(double p) => all.Length == 0 ? double.NaN : Ms(all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)]);
            var errorCount = errors.Values.Sum();
            var detail = errorCount == 0 ? "" : "errors by status: " + string.Join(", ", errors.OrderBy(e => e.Key).Select(e => $"{(e.Key == 0 ? "transport" : e.Key)}×{e.Value}"));
            return new ScenarioResult(all.Length / (double)options.Duration, Percentile(0.50), Percentile(0.99),
                all.Length == 0 ? double.NaN : Ms(all[^1]), all.Length, errorCount, detail);
        }
    }

    internal static class Http
    {
        public static async Task<int> SendAsync(HttpClient http, HttpRequestMessage request, CancellationToken ct, Action<byte[]>? onBody = null)
        {
            using (request)
            {
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
                if (onBody is not null && response.IsSuccessStatusCode)
                {
                    onBody(await response.Content.ReadAsByteArrayAsync(ct));
                }

                return (int)response.StatusCode;
            }
        }

        public static HttpRequestMessage Json(HttpMethod method, string path, string json, string? token = null)
        {
            var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            return request;
        }

        public static HttpRequestMessage Get(string path, string? token = null)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            return request;
        }

        public static string Body(string text) => JsonSerializer.Serialize(new Dictionary<string, string> { ["text"] = text });
    }

    /// <summary>Texts of about 200 characters, different per client and request.</summary>
    internal static class Texts
    {
        private const string Filler =
            "Ko'chamizda uch kundan beri suv yo'q, bosim juda past. Qo'shnilar ham shikoyat qilmoqda; iltimos, sababini aniqlab, " +
            "qachon tiklanishini ma'lum qiling. Bolalar va keksalar qiynalmoqda. Rahmat.";

        public static string Make(int client, long n) => $"[bench {client}/{n}] {Filler}";
    }

    /// <summary>The Mahalla API: sign in, file an appeal, track it, list the staff inbox.</summary>
    internal sealed class AppScenarios(HttpClient http, Options options) : IScenarioSet
    {
        // "categories" (GET /api/categories: the app's pipeline plus one small EF query, no auth) is a
        // diagnostic, not one of the issue's scenarios, and not run by default.
        public static readonly string[] Names = ["signin", "file", "track", "inbox", "categories"];
        private const string CitizenPassword = "Bench-Citizen-2026";
        public static readonly string[] StaffAccounts = ["demo-operator", "demo-region", "demo-district", "demo-mahalla"];

        private readonly ConcurrentQueue<(string Number, string Code)> _filed = new();
        private Guid[] _mahallas = [];
        private string[] _citizens = [];
        private string[] _citizenTokens = [];
        private string[] _staffTokens = [];
        private (string Number, string Code)[] _trackable = [];
        private long _sequence;
        private int _inboxTotal = -1;
        private bool _inboxTotalIsExact = true;

        public async Task PrepareAsync(CancellationToken ct)
        {
            using (var response = await http.GetAsync("/api/territories?kind=mahalla", ct))
            {
                response.EnsureSuccessStatusCode();
                using var doc = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(ct));
                _mahallas = doc.RootElement.EnumerateArray().Select(t => t.GetProperty("id").GetGuid()).ToArray();
            }

            if (_mahallas.Length == 0)
            {
                throw new BenchException("no mahallas in GET /api/territories?kind=mahalla (is Demo:Enabled=true?)");
            }

            // One citizen account per client (registered here, or already there from an earlier run).
            var salt = Random.Shared.Next(100, 999);
            _citizens = Enumerable.Range(0, options.Clients).Select(i => $"+99890{salt}{i:D4}").ToArray();
            _citizenTokens = new string[options.Clients];
            await Parallel.ForEachAsync(Enumerable.Range(0, options.Clients), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (i, token) =>
            {
                var json = JsonSerializer.Serialize(new Dictionary<string, string> { ["login"] = _citizens[i], ["password"] = CitizenPassword });
                var status = await Http.SendAsync(http, Http.Json(HttpMethod.Post, "/api/auth/register", json), token);
                if (status is not (201 or 409))
                {
                    throw new BenchException($"registering {_citizens[i]} answered {status}");
                }

                _citizenTokens[i] = await SignInAsync(_citizens[i], CitizenPassword, token);
            });
            var staff = options.Staff ?? StaffAccounts;
            _staffTokens = new string[staff.Count];
            for (var i = 0; i < staff.Count; i++)
            {
                _staffTokens[i] = await SignInAsync(staff[i], options.Password, ct);
            }

            Console.WriteLine($"set-up: {_mahallas.Length} mahallas, {_citizens.Length} citizen accounts, staff {string.Join(", ", staff)}");
        }

        private async Task<string> SignInAsync(string userName, string password, CancellationToken ct)
        {
            var json = JsonSerializer.Serialize(new Dictionary<string, string> { ["userName"] = userName, ["password"] = password });
            string? token = null;
            var status = await Http.SendAsync(http, Http.Json(HttpMethod.Post, "/api/auth/login", json), ct,
                body =>
                {
                    using var doc = JsonDocument.Parse(body);
                    token = doc.RootElement.GetProperty("accessToken").GetString();
                });
            return token ?? throw new BenchException($"signing in as {userName} answered {status}");
        }

        public Scenario Get(string name) => name switch
        {
            "signin" => new Scenario(name, SignInOnceAsync, 200),
            "file" => new Scenario(name, FileAsync, 201),
            "track" => PrepareTracking(),
            "inbox" => new Scenario(name, InboxAsync, 200),
            "categories" => new Scenario(name, (_, ct) => Http.SendAsync(http, Http.Get("/api/categories"), ct), 200),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

        public string Note(string name) => name switch
        {
            "signin" => "(password check: PBKDF2 by design)",
            "track" => $"({_trackable.Length} appeals to pick from)",
            "inbox" => _inboxTotal >= 0 ? $"(page of 50; {_inboxTotal}{(_inboxTotalIsExact ? "" : "+, the count's limit,")} appeals in {(options.Staff ?? StaffAccounts)[0]}'s scope at the end)" : "",
            _ => "",
        };

        private Task<int> SignInOnceAsync(int client, CancellationToken ct)
        {
            var json = JsonSerializer.Serialize(new Dictionary<string, string> { ["userName"] = _citizens[client], ["password"] = CitizenPassword });
            return Http.SendAsync(http, Http.Json(HttpMethod.Post, "/api/auth/login", json), ct);
        }

        private Task<int> FileAsync(int client, CancellationToken ct)
        {
            var n = Interlocked.Increment(ref _sequence);
            var json = JsonSerializer.Serialize(new FilingBody("complaint", "water-supply", _mahallas[n % _mahallas.Length], Texts.Make(client, n)), FilingBody.Json);
            return Http.SendAsync(http, Http.Json(HttpMethod.Post, "/api/appeals", json, _citizenTokens[client]), ct, body =>
            {
                using var doc = JsonDocument.Parse(body);
                _filed.Enqueue((doc.RootElement.GetProperty("trackingNumber").GetString()!, doc.RootElement.GetProperty("accessCode").GetString()!));
            });
        }

        private Scenario PrepareTracking()
        {
            _trackable = _filed.ToArray();
            if (_trackable.Length == 0)
            {
                // Tracking alone: file a few first.
                for (var i = 0; i < 50; i++)
                {
                    FileAsync(0, CancellationToken.None).GetAwaiter().GetResult();
                }

                _trackable = _filed.ToArray();
            }

            return new Scenario("track", (client, ct) =>
            {
                var (number, code) = _trackable[Random.Shared.Next(_trackable.Length)];
                return Http.SendAsync(http, Http.Get($"/api/track/{Uri.EscapeDataString(number)}?code={Uri.EscapeDataString(code)}"), ct);
            }, 200);
        }

        private Task<int> InboxAsync(int client, CancellationToken ct)
        {
            var staff = client % _staffTokens.Length;
            return Http.SendAsync(http, Http.Get("/api/inbox", _staffTokens[staff]), ct, staff == 0
                ? body =>
                {
                    using var doc = JsonDocument.Parse(body);
                    _inboxTotal = doc.RootElement.GetProperty("total").GetInt32();
                    // Since ADR 0065 the inbox counts up to a limit (1,000 by default) and says whether it stopped there.
                    _inboxTotalIsExact = !doc.RootElement.TryGetProperty("totalIsExact", out var exact) || exact.GetBoolean();
                }
                : null);
        }
    }

    internal sealed record FilingBody(string Type, string CategoryCode, Guid TerritoryId, string Text)
    {
        public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    }

    /// <summary>The bare endpoints of Mahalla.Bench.Baseline: hello, one INSERT, one SELECT by key.</summary>
    internal sealed class BaselineScenarios(HttpClient http, Options options) : IScenarioSet
    {
        public static readonly string[] Names = ["hello", "insert", "select"];
        private readonly ConcurrentQueue<Guid> _inserted = new();
        private Guid[] _selectable = [];
        private long _sequence;

        public Task PrepareAsync(CancellationToken ct) => Task.CompletedTask;

        public Scenario Get(string name) => name switch
        {
            "hello" => new Scenario(name, (_, ct) => Http.SendAsync(http, Http.Get("/"), ct), 200),
            "insert" => new Scenario(name, InsertAsync, 201),
            "select" => PrepareSelect(),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

        public string Note(string name) => name == "select" ? $"({_selectable.Length} rows to pick from)" : "";

        private Task<int> InsertAsync(int client, CancellationToken ct)
        {
            var n = Interlocked.Increment(ref _sequence);
            return Http.SendAsync(http, Http.Json(HttpMethod.Post, "/insert", Http.Body(Texts.Make(client, n))), ct, body =>
            {
                using var doc = JsonDocument.Parse(body);
                _inserted.Enqueue(doc.RootElement.GetProperty("id").GetGuid());
            });
        }

        private Scenario PrepareSelect()
        {
            _selectable = _inserted.ToArray();
            if (_selectable.Length == 0)
            {
                for (var i = 0; i < 50; i++)
                {
                    InsertAsync(0, CancellationToken.None).GetAwaiter().GetResult();
                }

                _selectable = _inserted.ToArray();
            }

            return new Scenario("select", (_, ct) => Http.SendAsync(http, Http.Get($"/select/{_selectable[Random.Shared.Next(_selectable.Length)]}"), ct), 200);
        }

        public override string ToString() => $"baseline with {options.Clients} clients";
    }
}
