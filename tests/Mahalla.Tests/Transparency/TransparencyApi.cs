using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Mahalla.Tests.Infrastructure;
using Mahalla.Tlog.Checkpoints;
using Mahalla.Tlog.Merkle;
using Mahalla.Tlog.Notes;
using Mahalla.Web.Modules.Transparency.Data;
using Mahalla.Web.Modules.Transparency.Sequencing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mahalla.Tests.Transparency;

/// <summary>An appeal as its citizen knows it after filing.</summary>
public sealed record Filed(Guid Id, string TrackingNumber, string AccessCode);

/// <summary>The transparency log's front door, as the tests use it: file, sequence, read checkpoints, proofs and receipts.</summary>
internal static partial class TransparencyApi
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A water-supply complaint in Bodomzor by the demo citizen (routed to the water utility's operators).</summary>
    public static async Task<Filed> FileAsync(this MahallaApp app, string text, HttpClient? citizen = null)
    {
        citizen ??= await app.CitizenAsync();
        var response = await citizen.PostAsJsonAsync("/api/appeals", new
        {
            type = "complaint",
            categoryCode = "water-supply",
            territoryId = await app.MahallaIdAsync(),
            text,
            language = "uz-Latn",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.ObjectAsync();
        return new Filed(Guid.Parse(json.Str("id")), json.Str("trackingNumber"), json.Str("accessCode"));
    }

    /// <summary>One pass of the app's own sequencer, after moving the clock past any lease an earlier test left.</summary>
    public static Task<SequencerPass> SequenceAsync(this MahallaApp app)
    {
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        return app.Services.GetRequiredService<Sequencer>().RunOnceAsync(Ct);
    }

    /// <summary>
    /// A second sequencer on this node's services. Without the lease it stands for a node that lost its lease without
    /// knowing (a long pause): only the fenced tree update keeps it from forking the log (ADR 0042).
    /// </summary>
    public static Sequencer CreateSequencer(this MahallaApp app, bool useLease)
    {
        var created = ActivatorUtilities.CreateInstance<Sequencer>(app.Services);
        return useLease ? created : new Sequencer(app.Services.GetRequiredService<IServiceScopeFactory>(), app.Services.GetRequiredService<LogKeys>(),
            app.Services.GetRequiredService<IHttpClientFactory>(), app.Clock,
            app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Web.Modules.Transparency.TransparencyOptions>>(),
            app.Services.GetRequiredService<Microsoft.Extensions.Logging.ILogger<Sequencer>>()) { UseLease = false };
    }

    /// <summary>The published checkpoint note, as served.</summary>
    public static Task<string> CheckpointTextAsync(this HttpClient client) => client.GetStringAsync(new Uri("/tlog/checkpoint", UriKind.Relative), Ct);

    public static async Task<Note> CheckpointNoteAsync(this HttpClient client) => Note.Parse(await client.CheckpointTextAsync());

    public static async Task<Checkpoint> CheckpointAsync(this HttpClient client) => Checkpoint.Parse((await client.CheckpointNoteAsync()).Text);

    public static async Task<string> VkeyAsync(this HttpClient client) =>
        (await client.GetStringAsync(new Uri("/tlog/vkey", UriKind.Relative), Ct)).Trim();

    public static async Task<IReadOnlyList<byte[]>> ProofAsync(this HttpClient client, string url)
    {
        var json = await client.GetFromJsonAsync<JsonObject>(new Uri(url, UriKind.Relative), Ct);
        return [.. json!["hashes"]!.AsArray().Select(h => Convert.FromBase64String(h!.GetValue<string>()))];
    }

    /// <summary>The log's consistency proof between two checkpoints verifies with the core's verifier: the newer extends the older.</summary>
    public static async Task AssertExtendsAsync(this HttpClient client, Checkpoint older, Checkpoint newer)
    {
        var proof = await client.ProofAsync($"/api/tlog/proof/consistency?from={older.Size}&to={newer.Size}");
        Assert.True(MerkleProof.VerifyConsistency(older.Size, newer.Size, proof, older.RootHash, newer.RootHash));
    }

    /// <summary>The tracking page after entering the number and code, as a browser posts the form.</summary>
    public static async Task<string> TrackPageAsync(this MahallaApp app, Filed filed)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });
        var form = await client.GetStringAsync(new Uri("/track", UriKind.Relative), Ct);
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        var response = await client.PostAsync(new Uri("/track", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "track",
            ["__RequestVerificationToken"] = token,
            ["Input.Number"] = filed.TrackingNumber,
            ["Input.Code"] = filed.AccessCode,
        }), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    /// <summary>The receipt download link of the tracking page (a token link, never the access code).</summary>
    public static string ReceiptLink(string trackingPage)
    {
        var link = ReceiptHref().Match(trackingPage).Groups[1].Value;
        Assert.NotEmpty(link);
        return WebUtility.HtmlDecode(link);
    }

    /// <summary>
    /// Nothing pending; indexes 0..n-1 with no gap or repeat; the stored node hashes and the state's root are exactly those of
    /// the entries in index order; the latest published checkpoint is that tree.
    /// </summary>
    public static async Task<IReadOnlyList<byte[]>> AssertOneConsistentLogAsync(this MahallaApp app)
    {
        var (entries, pending, size, root, nodes) = await app.WithDbAsync(async db =>
        {
            var entries = await db.Set<LogEntry>().AsNoTracking().Where(e => e.Index != null).OrderBy(e => e.Index).Select(e => new { e.Index, e.Data }).ToListAsync(Ct);
            var pending = await db.Set<LogEntry>().CountAsync(e => e.Index == null, Ct);
            var state = await db.Set<LogState>().AsNoTracking().SingleAsync(Ct);
            var nodes = await db.Set<LogNode>().AsNoTracking().ToDictionaryAsync(n => n.Id, n => n.Hash, Ct);
            return (entries, pending, state.TreeSize, state.RootHash, nodes);
        });
        Assert.Equal(0, pending);
        Assert.Equal(size, entries.Count);
        Assert.Equal(Enumerable.Range(0, entries.Count).Select(i => (long?)i), entries.Select(e => e.Index));
        var leaves = entries.Select(e => MerkleHash.Leaf(e.Data)).ToList();
        var batch = new MerkleFrontier().AppendBatch(leaves);
        Assert.Equal(root, batch.Root);
        Assert.Equal(batch.Nodes.Count, nodes.Count);
        foreach (var node in batch.Nodes)
        {
            Assert.Equal(node.Hash, nodes[LogNode.KeyOf(node.Node.Level, node.Node.Index)]);
        }

        var latest = await app.WithDbAsync(db => db.Set<PublishedCheckpoint>().AsNoTracking().OrderByDescending(c => c.Size).FirstAsync(Ct));
        Assert.Equal(size, latest.Size);
        Assert.Equal(root, latest.RootHash);
        return leaves;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("href=\"(/api/track/[^\"]+/receipt\\?t=[^\"]+)\"")]
    private static partial Regex ReceiptHref();
}
