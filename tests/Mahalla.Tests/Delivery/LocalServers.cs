using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mahalla.Tests.Delivery;

/// <summary>A real Kestrel server on 127.0.0.1 and a port the system picks, for the platform to call during a test.</summary>
public abstract class LocalServer : IAsyncDisposable
{
    private WebApplication? _app;

    public string Url { get; private set; } = "";

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        Map(_app);
        await _app.StartAsync();
        Url = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
    }

    protected abstract void Map(WebApplication app);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>An address where nothing listens: a port the system just handed out and took back.</summary>
    public static string DeadUrl()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}/hooks/mahalla";
    }
}

/// <summary>
/// An organisation's webhook endpoint as its developers would write it from docs/delivery.md: it checks the
/// signature over the raw body and the timestamp's age itself, does the work of a delivery id only once
/// (a repeat is answered 200 and marked), and — for the test — answers 503 to its first <see cref="FailFirst"/> calls.
/// </summary>
public sealed class WebhookReceiver(Func<DateTimeOffset> now) : LocalServer
{
    public sealed record Call(string? DeliveryId, string? Event, bool SignatureValid, int AnsweredWith, bool Repeat, JsonDocument Body);

    private readonly HashSet<string> _processed = [];

    public string Secret { get; set; } = "";

    public int FailFirst { get; set; }

    public ConcurrentQueue<Call> Calls { get; } = new();

    public string HookUrl => Url + "/hooks/mahalla";

    protected override void Map(WebApplication app) => app.MapPost("/hooks/mahalla", async (HttpContext http) =>
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var deliveryId = http.Request.Headers["Mahalla-Delivery"].FirstOrDefault();
        var valid = Verify(http.Request.Headers["Mahalla-Signature"].FirstOrDefault(), body);
        int status;
        bool repeat;
        lock (_processed)
        {
            status = !valid || deliveryId is null ? 400 : Calls.Count < FailFirst ? 503 : 200;
            repeat = status == 200 && !_processed.Add(deliveryId!);
        }

        Calls.Enqueue(new Call(deliveryId, http.Request.Headers["Mahalla-Event"].FirstOrDefault(), valid, status, repeat, JsonDocument.Parse(body)));
        return Results.StatusCode(status);
    });

    /// <summary><c>t={unix},v1={hex HMAC-SHA256(secret, "{t}.{body}")}</c>, at most five minutes old.</summary>
    private bool Verify(string? header, byte[] body)
    {
        var parts = (header ?? "").Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (!parts.TryGetValue("t", out var t) || !parts.TryGetValue("v1", out var v1) || !long.TryParse(t, CultureInfo.InvariantCulture, out var timestamp))
        {
            return false;
        }

        if (Math.Abs(now().ToUnixTimeSeconds() - timestamp) > 300)
        {
            return false;
        }

        byte[] message = [.. Encoding.UTF8.GetBytes(t + "."), .. body];
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), message);
        return v1.Length == 64 && CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(v1));
    }
}

/// <summary>
/// An organisation's own GeoReport v2 server, as small as the calls we make: <c>POST requests</c> (form-encoded,
/// <c>api_key</c>, service code, location, attributes), <c>GET tokens/{token}</c>, <c>GET requests/{id}</c> and
/// the <c>servicerequestupdates</c> extension, in XML and JSON, with the spec's errors (403 bad key, 404 unknown
/// service, 400 missing input).
/// </summary>
public sealed class Open311Server : LocalServer
{
    public const string ApiKey = "key-of-the-platform-7f3a";
    public const string Jurisdiction = "toshkent.uz";
    public static readonly IReadOnlySet<string> ServiceCodes = new HashSet<string> { "001", "017", "GAS-1" };

    // Each server numbers its requests from its own point, so a request id never means another test's request.
    private int _next = Random.Shared.Next(1, 1000) * 1000;

    public sealed class Request
    {
        public required string Id { get; init; }
        public required string Token { get; init; }
        public required Dictionary<string, string[]> Form { get; init; }
        public string Status { get; set; } = "open";
        public string? Notes { get; set; }
        public bool Visible { get; set; }
    }

    /// <summary>Whether the server answers a new request with a token (not realtime) instead of its id.</summary>
    public bool UsesTokens { get; set; }

    public ConcurrentDictionary<string, Request> Requests { get; } = new();

    public ConcurrentQueue<Dictionary<string, string[]>> Updates { get; } = new();

    public ConcurrentQueue<string> Paths { get; } = new();

    public string Endpoint => Url + "/dev/v2/";

    public void Close(string id, string notes)
    {
        Requests[id].Status = "closed";
        Requests[id].Notes = notes;
    }

    /// <summary>A token's request gets its id (the server's back office has processed it).</summary>
    public void Process(string token) => Requests.Values.Single(r => r.Token == token).Visible = true;

    protected override void Map(WebApplication app)
    {
        app.MapPost("/dev/v2/requests.{format}", async (string format, HttpContext http) =>
        {
            Paths.Enqueue(http.Request.Path);
            var form = (await http.Request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.Select(v => v ?? "").ToArray());
            string F(string name) => form.TryGetValue(name, out var v) && v.Length > 0 ? v[0] : "";
            if (F("api_key") != ApiKey)
            {
                return Error(format, 403, "Invalid api_key received -- can't proceed with create_request.");
            }

            if (F("jurisdiction_id") != Jurisdiction)
            {
                return Error(format, 404, "jurisdiction_id was not found");
            }

            if (F("service_code") == "")
            {
                return Error(format, 400, "service_code was not provided");
            }

            if (!ServiceCodes.Contains(F("service_code")))
            {
                return Error(format, 404, "service_code was not found");
            }

            if ((F("lat") == "" || F("long") == "") && F("address_string") == "")
            {
                return Error(format, 400, "A full location parameter must be submitted");
            }

            var id = Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture);
            var request = new Request { Id = id, Token = "tok-" + id, Form = form, Visible = !UsesTokens };
            Requests[id] = request;
            return Reply(format, UsesTokens
                ? new Dictionary<string, object?> { ["token"] = request.Token }
                : new Dictionary<string, object?> { ["service_request_id"] = id, ["service_notice"] = "Brigada 24 soat ichida keladi.", ["account_id"] = null });
        });
        app.MapGet("/dev/v2/tokens/{token}.{format}", (string token, string format, HttpContext http) =>
        {
            Paths.Enqueue(http.Request.Path);
            var request = Requests.Values.SingleOrDefault(r => r.Token == token);
            return request is null ? Error(format, 404, "token not found")
                : Reply(format, new Dictionary<string, object?> { ["service_request_id"] = request.Visible ? request.Id : null, ["token"] = token });
        });
        app.MapGet("/dev/v2/requests/{id}.{format}", (string id, string format, HttpContext http) =>
        {
            Paths.Enqueue(http.Request.Path);
            if (!Requests.TryGetValue(id, out var r) || !r.Visible)
            {
                return Error(format, 404, "service_request_id not found");
            }

            return Reply(format, new Dictionary<string, object?>
            {
                ["service_request_id"] = r.Id,
                ["status"] = r.Status,
                ["status_notes"] = r.Notes,
                ["service_name"] = "Suv quvuri",
                ["service_code"] = r.Form["service_code"][0],
                ["description"] = r.Form["description"][0],
                ["requested_datetime"] = "2026-11-03T10:00:00+05:00",
                ["updated_datetime"] = "2026-11-03T10:00:00+05:00",
                ["lat"] = r.Form.GetValueOrDefault("lat")?[0],
                ["long"] = r.Form.GetValueOrDefault("long")?[0],
            });
        });
        app.MapPost("/dev/v2/servicerequestupdates.{format}", async (string format, HttpContext http) =>
        {
            Paths.Enqueue(http.Request.Path);
            var form = (await http.Request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.Select(v => v ?? "").ToArray());
            if (form.GetValueOrDefault("api_key")?[0] != ApiKey)
            {
                return Error(format, 403, "Invalid api_key");
            }

            if (!Requests.TryGetValue(form.GetValueOrDefault("service_request_id")?[0] ?? "", out var request))
            {
                return Error(format, 404, "service_request_id not found");
            }

            Updates.Enqueue(form);
            request.Status = form["status"][0];
            return Reply(format, new Dictionary<string, object?> { ["update_id"] = form["update_id"][0] }, "service_request_updates", "request_update");
        });
    }

    private static IResult Reply(string format, Dictionary<string, object?> fields, string root = "service_requests", string item = "request") =>
        format == "json"
            ? Results.Content(JsonSerializer.Serialize(new[] { fields }), "application/json")
            : Results.Content(new XDocument(new XDeclaration("1.0", "utf-8", null),
                new XElement(root, new XElement(item, fields.Select(f => new XElement(f.Key, f.Value))))).ToString(), "text/xml");

    private static IResult Error(string format, int status, string description) =>
        format == "json"
            ? Results.Content(JsonSerializer.Serialize(new[] { new { code = status, description } }), "application/json", statusCode: status)
            : Results.Content(new XElement("errors", new XElement("error", new XElement("code", status), new XElement("description", description))).ToString(),
                "text/xml", statusCode: status);
}

/// <summary>Reads the <c>.eml</c> files the platform's e-mail channel writes to its outbox folder.</summary>
public static class Eml
{
    public sealed record Mail(string To, string Subject, string Body);

    public static IReadOnlyList<Mail> ReadAll(string folder) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml").Select(f => Parse(File.ReadAllText(f))).ToList() : [];

    public static Mail Parse(string text)
    {
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = text[..split].Replace("\r\n ", " ").Replace("\r\n\t", " ").Split("\r\n");
        var headers = head.Select(h => h.Split(':', 2)).Where(h => h.Length == 2)
            .GroupBy(h => h[0].Trim(), StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First()[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var raw = text[(split + 4)..];
        var body = headers.GetValueOrDefault("Content-Transfer-Encoding")?.ToLowerInvariant() switch
        {
            "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(raw.Split("\r\n").Select(l => l.Trim())))),
            "quoted-printable" => QuotedPrintable(raw),
            _ => raw,
        };
        return new Mail(headers.GetValueOrDefault("To") ?? "", Words(headers.GetValueOrDefault("Subject") ?? ""), body);
    }

    private static string Words(string header) =>
        System.Text.RegularExpressions.Regex.Replace(header.Replace("?= =?", "?==?"), @"=\?utf-8\?([BQ])\?(.*?)\?=", m => m.Groups[1].Value.ToUpperInvariant() == "B"
            ? Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[2].Value))
            : QuotedPrintable(m.Groups[2].Value.Replace('_', ' ')), System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    private static string QuotedPrintable(string text)
    {
        var bytes = new List<byte>();
        var s = text.Replace("=\r\n", "");
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '=' && i + 2 < s.Length && Uri.IsHexDigit(s[i + 1]) && Uri.IsHexDigit(s[i + 2]))
            {
                bytes.Add(Convert.ToByte(s.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(s[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }
}
