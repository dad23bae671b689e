using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Mahalla.Tests.Infrastructure;
using Mahalla.Tlog.Checkpoints;
using Mahalla.Tlog.Merkle;
using Mahalla.Tlog.Notes;
using Mahalla.Tlog.Receipts;
using Mahalla.Tlog.Tiles;
using Mahalla.Web.Modules.Appeals.Data;
using Mahalla.Web.Modules.Transparency.Contracts;
using Mahalla.Web.Modules.Transparency.Data;
using Mahalla.Web.Modules.Transparency.Sequencing;
using Mahalla.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mahalla.Tests.Transparency;

/// <summary>The transparency log in the platform, through the front door, on each database provider.</summary>
public abstract class TransparencyTests(MahallaApp app)
{
    private static long _synthetic;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Filing_an_appeal_records_a_pending_entry_in_the_same_transaction()
    {
        var filed = await app.FileAsync("Suv quvuri yorilib ketdi, koʻcha suv ostida.");
        var entries = await app.WithDbAsync(db => db.Set<LogEntry>().AsNoTracking().Where(e => e.SubjectId == filed.Id).ToListAsync(Ct));
        var entry = Assert.Single(entries);
        Assert.Null(entry.Index);
        var text = Encoding.UTF8.GetString(entry.Data);
        Assert.StartsWith("mahalla/appeal-event/v1\n", text, StringComparison.Ordinal);
        Assert.Contains($"request {filed.Id}\n", text, StringComparison.Ordinal);
        Assert.Contains("kind filed\n", text, StringComparison.Ordinal);
        Assert.Contains("actor citizen\n", text, StringComparison.Ordinal);
        Assert.Contains("content hmac-sha256:", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_personal_data_reaches_the_log_its_tiles_or_its_receipts()
    {
        const string Secret = "Zilola-Qwerty-7f3a uyi oldidagi chiroq";
        var filed = await app.FileAsync(Secret);
        var operatorClient = await app.SignedInAsync("demo-operator");
        (await operatorClient.PostAsJsonAsync($"/api/appeals/{filed.Id}/answer", new { text = "Javob: " + Secret }, Ct)).EnsureSuccessStatusCode();
        await app.SequenceAsync();

        var citizenId = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "demo-citizen").Select(u => u.Id).SingleAsync(Ct));
        var forbidden = new[] { Secret, "Zilola-Qwerty", citizenId.ToString(), "Dilnoza", "demo-citizen", "demo-operator" };
        var stored = await app.WithDbAsync(db => db.Set<LogEntry>().AsNoTracking().Select(e => e.Data).ToListAsync(Ct));
        var size = await CheckpointSizeAsync();
        var client = app.CreateClient();
        var blobs = new List<byte[]>(stored);
        foreach (var tile in TileId.AllForTreeSize(size, includeEntryBundles: true))
        {
            blobs.Add(await client.GetByteArrayAsync(new Uri("/tlog/" + tile.Path, UriKind.Relative), Ct));
        }

        blobs.Add(Encoding.UTF8.GetBytes(await client.GetStringAsync(new Uri($"/api/track/{filed.TrackingNumber}/receipt?code={filed.AccessCode}", UriKind.Relative), Ct)));
        foreach (var blob in blobs)
        {
            var text = Encoding.UTF8.GetString(blob);
            foreach (var word in forbidden)
            {
                Assert.DoesNotContain(word, text, StringComparison.OrdinalIgnoreCase);
            }
        }

        // The receipt's entry is base64 in the extra line: decode it too.
        var receipt = TlogProof.Parse(await client.GetStringAsync(new Uri($"/api/track/{filed.TrackingNumber}/receipt?code={filed.AccessCode}", UriKind.Relative), Ct));
        Assert.DoesNotContain(Secret, Encoding.UTF8.GetString(receipt.Extra!), StringComparison.Ordinal);
        Assert.Contains("kind answered\n", Encoding.UTF8.GetString(receipt.Extra!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sequencer_integrates_entries_and_publishes_a_checkpoint_signed_by_the_vkey()
    {
        await app.FileAsync("Koʻcha chiroqlari yonmayapti.");
        var pass = await app.SequenceAsync();
        Assert.True(pass.Led);
        Assert.Equal(pass.TreeSize, pass.PublishedSize);

        var client = app.CreateClient();
        var response = await client.GetAsync(new Uri("/tlog/checkpoint", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("max-age=2", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var note = Note.Parse(await response.Content.ReadAsStringAsync(Ct));
        var vkey = (await client.GetStringAsync(new Uri("/tlog/vkey", UriKind.Relative), Ct)).Trim();
        var verified = new CheckpointPolicy(null, [NoteVerifier.Parse(vkey)], [], 0).Verify(note);
        Assert.Equal(pass.TreeSize, verified.Checkpoint.Size);

        // Every integrated entry has a dense index and the stored tree gives the signed root.
        var entries = await app.WithDbAsync(db => db.Set<LogEntry>().AsNoTracking().Where(e => e.Index != null).OrderBy(e => e.Index).Select(e => new { e.Index, e.Data }).ToListAsync(Ct));
        Assert.Equal(Enumerable.Range(0, entries.Count).Select(i => (long?)i), entries.Select(e => e.Index));
        Assert.Equal(verified.Checkpoint.RootHash, MerkleHash.Root([.. entries.Take((int)verified.Checkpoint.Size).Select(e => MerkleHash.Leaf(e.Data))]));
    }

    [Fact]
    public async Task Tiles_and_entry_bundles_rebuild_the_signed_root_and_full_tiles_are_immutable()
    {
        // 300 entries make one full tile of leaves and a partial one.
        await AddSyntheticEntriesAsync(300);
        await app.SequenceAsync();
        var client = app.CreateClient();
        var note = await client.CheckpointNoteAsync();
        var checkpoint = Checkpoint.Parse(note.Text);
        Assert.True(checkpoint.Size >= 300);

        var leaves = new List<byte[]>();
        foreach (var bundle in TileId.AllForTreeSize(checkpoint.Size, includeEntryBundles: true).Where(t => t.IsEntryBundle))
        {
            var bytes = await client.GetByteArrayAsync(new Uri("/tlog/" + bundle.Path, UriKind.Relative), Ct);
            leaves.AddRange(EntryBundle.Decode(bytes, bundle.Width).Select(e => MerkleHash.Leaf(e)));
        }

        Assert.Equal(checkpoint.RootHash, MerkleHash.Root(leaves));

        var full = await client.GetAsync(new Uri("/tlog/tile/0/000", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", full.Headers.CacheControl!.ToString().Replace(" ", "", StringComparison.Ordinal).Replace(",", ", ", StringComparison.Ordinal));
        var tileBytes = await full.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(256 * 32, tileBytes.Length);
        Assert.Equal(leaves[255], tileBytes[(255 * 32)..]);

        var reader = new TileHashReader(checkpoint.Size, new HttpTiles(client));
        Assert.Equal(checkpoint.RootHash, await MerkleTree.RootAsync(reader, checkpoint.Size, Ct));
    }

    [Theory]
    [InlineData("/tlog/tile/0/1")]
    [InlineData("/tlog/tile/0/x001")]
    [InlineData("/tlog/tile/99/000")]
    [InlineData("/tlog/tile/entries/000.p/0")]
    [InlineData("/tlog/tile/entries/000.p/256")]
    [InlineData("/tlog/tile/abc")]
    public async Task Malformed_tile_paths_are_400_problems(string path)
    {
        var response = await app.CreateClient().GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Tiles_beyond_the_published_tree_are_404_problems()
    {
        await app.SequenceAsync();
        var response = await app.CreateClient().GetAsync(new Uri("/tlog/tile/0/x999/999", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Inclusion_and_consistency_proofs_verify_against_signed_checkpoints()
    {
        await app.FileAsync("Chiqindi uch kundan beri olib ketilmadi.");
        await app.SequenceAsync();
        var client = app.CreateClient();
        var old = await client.CheckpointAsync();
        await AddSyntheticEntriesAsync(37);
        await app.SequenceAsync();
        var current = await client.CheckpointAsync();
        Assert.True(current.Size > old.Size);

        await client.AssertExtendsAsync(old, current);

        var index = current.Size - 5;
        var entry = await app.WithDbAsync(db => db.Set<LogEntry>().AsNoTracking().Where(e => e.Index == index).Select(e => e.Data).SingleAsync(Ct));
        var inclusion = await client.ProofAsync($"/api/tlog/proof/inclusion?index={index}&size={current.Size}");
        Assert.True(MerkleProof.VerifyInclusion(index, current.Size, MerkleHash.Leaf(entry), inclusion, current.RootHash));
        Assert.True(inclusion.Count <= 64 - long.LeadingZeroCount(current.Size));
    }

    [Theory]
    [InlineData("/api/tlog/proof/inclusion?index=abc&size=1")]
    [InlineData("/api/tlog/proof/inclusion?index=0")]
    [InlineData("/api/tlog/proof/inclusion?index=-1&size=1")]
    [InlineData("/api/tlog/proof/inclusion?index=1&size=1")]
    [InlineData("/api/tlog/proof/inclusion?index=0&size=0")]
    [InlineData("/api/tlog/proof/inclusion?index=0&size=999999999999")]
    [InlineData("/api/tlog/proof/inclusion?index=0&size=99999999999999999999999")]
    [InlineData("/api/tlog/proof/consistency?from=0&to=1")]
    [InlineData("/api/tlog/proof/consistency?from=2&to=1")]
    [InlineData("/api/tlog/proof/consistency?from=1&to=999999999999")]
    [InlineData("/api/tlog/proof/consistency?from=x&to=1")]
    [InlineData("/api/tlog/proof/consistency")]
    public async Task Bad_proof_parameters_are_400_problems(string url)
    {
        await app.FileAsync("Yoʻlda chuqur bor.");
        await app.SequenceAsync();
        var response = await app.CreateClient().GetAsync(new Uri(url, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_receipt_verifies_offline_with_the_logs_verifier_key()
    {
        var filed = await app.FileAsync("Gaz bosimi juda past.");
        var client = app.CreateClient();
        var early = await client.GetAsync(new Uri($"/api/track/{filed.TrackingNumber}/receipt?code={filed.AccessCode}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);

        await app.SequenceAsync();
        var response = await client.GetAsync(new Uri($"/api/track/{filed.TrackingNumber}/receipt?code={filed.AccessCode}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(".tlog-proof", response.Content.Headers.ContentDisposition?.ToString() ?? "", StringComparison.Ordinal);
        var receipt = TlogProof.Parse(await response.Content.ReadAsStringAsync(Ct));
        var vkey = (await client.GetStringAsync(new Uri("/tlog/vkey", UriKind.Relative), Ct)).Trim();
        var verified = receipt.Verify(new CheckpointPolicy(null, [NoteVerifier.Parse(vkey)], [], 0));
        Assert.Contains($"request {filed.Id}\n", Encoding.UTF8.GetString(receipt.Extra!), StringComparison.Ordinal);
        Assert.True(receipt.Index < verified.Checkpoint.Size);

        // A changed entry no longer verifies.
        var forged = new TlogProof([.. receipt.Extra!.Select((b, i) => i == 30 ? (byte)(b ^ 1) : b)], receipt.Index, receipt.InclusionProof, receipt.Checkpoint);
        Assert.Throws<NoteVerificationException>(() => forged.Verify(new CheckpointPolicy(null, [NoteVerifier.Parse(vkey)], [], 0)));

        var wrongCode = await client.GetAsync(new Uri($"/api/track/{filed.TrackingNumber}/receipt?code=WRONG-CODE", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, wrongCode.StatusCode);
    }

    [Fact]
    public async Task The_tracking_page_offers_the_receipt_and_a_qr_code()
    {
        var filed = await app.FileAsync("Daraxtlar kesilmoqda.");
        await app.SequenceAsync();
        var html = await app.TrackPageAsync(filed);
        Assert.Contains("data:image/png;base64,", html, StringComparison.Ordinal);
        var link = TransparencyApi.ReceiptLink(html);
        Assert.DoesNotContain(filed.AccessCode, link, StringComparison.Ordinal);
        var download = await app.CreateClient().GetAsync(new Uri(link, UriKind.Relative), Ct);
        var receipt = await download.Content.ReadAsStringAsync(Ct);
        Assert.True(download.IsSuccessStatusCode, link + "\n" + receipt);
        Assert.StartsWith(TlogProof.Header, receipt, StringComparison.Ordinal);
        Assert.True(Encoding.UTF8.GetByteCount(html) < 100_000);
    }

    [Fact]
    public async Task The_audit_names_an_event_row_changed_behind_the_platforms_back()
    {
        var filed = await app.FileAsync("Kanalizatsiya toshib ketdi.");
        var operatorClient = await app.SignedInAsync("demo-operator");
        (await operatorClient.PostAsJsonAsync($"/api/appeals/{filed.Id}/answer", new { text = "Brigada yuborildi." }, Ct)).EnsureSuccessStatusCode();
        await app.SequenceAsync();
        var clean = await AuditAsync();
        Assert.True(clean.Passed, string.Join("\n", clean.Findings));

        var answered = await app.WithDbAsync(db => db.AppealEvents.Where(e => e.AppealId == filed.Id && e.Sequence == 2).Select(e => e.Id).SingleAsync(Ct));
        var table = app.Provider == Provider.Postgres ? "appeals.appeal_events" : "appeal_events";
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(Tamper(table, "region_supervisor"), [answered], Ct));

        var report = await AuditAsync();
        var finding = Assert.Single(report.Findings);
        Assert.Equal("changed", finding.Kind);
        Assert.Equal(answered, finding.EventId);
        Assert.Contains("actor", finding.Detail, StringComparison.Ordinal);

        var page = await app.CreateClient().GetStringAsync(new Uri("/transparency", UriKind.Relative), Ct);
        Assert.Contains(answered.ToString(), page, StringComparison.Ordinal);

        // Put it back, so the other tests of this class start from an honest database.
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(Tamper(table, "organization_operator"), [answered], Ct));
        Assert.True((await AuditAsync()).Passed);
    }

    [Fact]
    public async Task Two_sequencers_racing_without_the_lease_still_build_one_log()
    {
        var first = app.CreateSequencer(useLease: false);
        var second = app.CreateSequencer(useLease: false);
        for (var round = 0; round < 6; round++)
        {
            await AddSyntheticEntriesAsync(40);
            await Task.WhenAll(first.RunOnceAsync(Ct), second.RunOnceAsync(Ct), first.RunOnceAsync(Ct), second.RunOnceAsync(Ct));
        }

        await first.RunOnceAsync(Ct);
        await app.AssertOneConsistentLogAsync();
    }

    [Fact]
    public async Task Only_the_lease_holder_sequences_until_its_lease_expires()
    {
        var first = app.CreateSequencer(useLease: true);
        var second = app.CreateSequencer(useLease: true);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await AddSyntheticEntriesAsync(3);
        Assert.True((await first.RunOnceAsync(Ct)).Led);
        await AddSyntheticEntriesAsync(3);
        var refused = await second.RunOnceAsync(Ct);
        Assert.False(refused.Led);
        Assert.Equal(0, refused.Integrated);

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var taken = await second.RunOnceAsync(Ct);
        Assert.True(taken.Led);
        Assert.Equal(3, taken.Integrated);
        Assert.False((await first.RunOnceAsync(Ct)).Led);
        await app.AssertOneConsistentLogAsync();
    }

    [Fact]
    public async Task The_auditors_page_is_public_and_shows_the_checkpoint()
    {
        await app.FileAsync("Ariqlar tozalanmagan.");
        await app.SequenceAsync();
        var response = await app.CreateClient().GetAsync(new Uri("/transparency", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("<h1>", html, StringComparison.Ordinal);
        Assert.Contains("<caption>", html, StringComparison.Ordinal);
        Assert.Contains("scope=\"col\"", html, StringComparison.Ordinal);
        Assert.Contains(await CheckpointRootAsync(), html, StringComparison.Ordinal);
    }

    /// <summary>What someone with database access could run: rewrite who acted on an event.</summary>
    private static string Tamper(string table, string role) => "UPDATE " + table + " SET \"ActorRole\" = '" + role + "' WHERE \"Id\" = {0}";

    private async Task<string> CheckpointRootAsync()
    {
        var note = await app.CreateClient().CheckpointNoteAsync();
        return Convert.ToBase64String(Checkpoint.Parse(note.Text).RootHash);
    }

    private async Task<long> CheckpointSizeAsync() => (await app.CreateClient().CheckpointAsync()).Size;

    private Task<AuditReport> AuditAsync() => app.WithDbAsync(db => LogAudit.RunAsync(db, app.Clock, "test", Ct));

    /// <summary>Appeals filed straight through the domain (no HTTP), to grow the log quickly with real events.</summary>
    private Task AddSyntheticEntriesAsync(int count) => app.WithDbAsync(async db =>
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var mahalla = await app.MahallaIdAsync();
        var organization = MahallaApp.OrganizationId("water");
        for (var i = 0; i < count; i++)
        {
            var number = "T" + Interlocked.Increment(ref _synthetic).ToString("D12", System.Globalization.CultureInfo.InvariantCulture);
            db.Appeals.Add(Appeal.File(Guid.CreateVersion7(), number, new string('0', 64), AppealType.Proposal, "water-supply", mahalla, "/",
                "Synthetic appeal " + number, "uz-Latn", isAnonymous: true, new Actor(null, "citizen"), organization, now.AddDays(3), now.AddDays(15), now));
        }

        return await db.SaveChangesAsync(Ct);
    });

    private sealed class HttpTiles(HttpClient client) : ITileFetcher
    {
        public async ValueTask<byte[]> FetchAsync(string path, CancellationToken cancellationToken) =>
            await client.GetByteArrayAsync(new Uri("/tlog/" + path, UriKind.Relative), cancellationToken);
    }
}

public sealed class TransparencyTestsOnSqlite(SqliteApp app) : TransparencyTests(app), IClassFixture<SqliteApp>;

public sealed class TransparencyTestsOnPostgres(PostgresApp app) : TransparencyTests(app), IClassFixture<PostgresApp>;
