using System.Globalization;
using System.Text;
using Mahalla.Tlog.Checkpoints;
using Mahalla.Tlog.Merkle;
using Mahalla.Tlog.Notes;
using Mahalla.Web.Modules.Appeals.Data;
using Mahalla.Web.Modules.Transparency.Data;
using Mahalla.Web.Modules.Transparency.RecordEvents;
using Mahalla.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Modules.Transparency.Contracts;

/// <summary>One thing the audit found wrong. Names rows and log fields only, never their personal content.</summary>
/// <param name="Kind"><c>changed</c> (an event no longer gives its logged entry), <c>missing-entry</c> (an event the log never recorded),
/// <c>orphan-entry</c> (an entry whose event is gone), <c>gap</c> (log indexes not dense) or <c>root</c> (the entries do not give the signed root).</param>
/// <param name="EventId">The appeal event concerned, if any.</param>
/// <param name="Index">The log index concerned, if any.</param>
/// <param name="Detail">What differs (field names, sizes).</param>
public sealed record AuditFinding(string Kind, Guid? EventId, long? Index, string Detail)
{
    public override string ToString() =>
        $"{Kind} event={EventId?.ToString() ?? "-"} index={Index?.ToString(CultureInfo.InvariantCulture) ?? "-"} {Detail}";
}

/// <summary>The outcome of an audit; <see cref="Passed"/> when nothing was changed behind the platform's back.</summary>
public sealed record AuditReport(
    DateTime StartedAtUtc, DateTime FinishedAtUtc, int EventsChecked, long EntriesChecked, long TreeSize,
    int CommitmentsChecked, int CommitmentsNotCheckable, IReadOnlyList<AuditFinding> Findings)
{
    public bool Passed => Findings.Count == 0;
}

/// <summary>
/// The audit (<c>mahalla tlog audit</c>, ADR 0047): recomputes every logged event's canonical entry from the
/// database rows as they are now and compares it byte for byte with the logged entry; reports events
/// without entries and entries without events; recomputes the root of the latest published checkpoint from
/// the stored entries. Content commitments are rechecked wherever salt and content are still there (not
/// after erasure, nor for an answer replaced by a later one). Reads in pages, so memory stays flat.
/// </summary>
public static class LogAudit
{
    private const int PageSize = 5_000;
    private const int MaxStoredFindings = 200;

    public static async Task<AuditReport> RunAsync(MahallaDb db, TimeProvider clock, string ranBy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        var started = clock.GetUtcNow().UtcDateTime;
        var findings = new List<AuditFinding>();
        var counts = new Counts();

        var checkpoint = await db.Set<PublishedCheckpoint>().AsNoTracking().OrderByDescending(c => c.Size).Select(c => c.Note).FirstOrDefaultAsync(ct);
        var signed = checkpoint is null ? null : Checkpoint.Parse(Note.Parse(checkpoint).Text);
        var frontier = new MerkleFrontier();
        byte[]? rootAtSigned = signed?.Size == 0 ? frontier.Root() : null;

        long? last = null;
        while (true)
        {
            var after = last ?? -1;
            var page = await db.Set<LogEntry>().AsNoTracking().Where(e => e.Index > after).OrderBy(e => e.Index).Take(PageSize)
                .Select(e => new Row(e.SourceId, e.Index, e.Kind, e.Data)).ToListAsync(ct);
            if (page.Count == 0)
            {
                break;
            }

            foreach (var row in page)
            {
                if (row.Index != frontier.Size)
                {
                    findings.Add(new AuditFinding("gap", null, row.Index, $"expected index {frontier.Size}"));
                }

                frontier.AppendBatch([MerkleHash.Leaf(row.Data)]);
                if (signed is not null && frontier.Size == signed.Size)
                {
                    rootAtSigned = frontier.Root();
                }
            }

            await CheckAsync(db, page, findings, counts, ct);
            last = page[^1].Index;
        }

        Guid? pendingAfter = null;
        while (true)
        {
            var query = db.Set<LogEntry>().AsNoTracking().Where(e => e.Index == null);
            if (pendingAfter is { } id)
            {
                query = query.Where(e => e.Id > id);
            }

            var page = await query.OrderBy(e => e.Id).Take(PageSize).Select(e => new { e.Id, Row = new Row(e.SourceId, e.Index, e.Kind, e.Data) }).ToListAsync(ct);
            if (page.Count == 0)
            {
                break;
            }

            await CheckAsync(db, [.. page.Select(p => p.Row)], findings, counts, ct);
            pendingAfter = page[^1].Id;
        }

        if (signed is not null && (rootAtSigned is null || !rootAtSigned.AsSpan().SequenceEqual(signed.RootHash)))
        {
            findings.Add(new AuditFinding("root", null, null, rootAtSigned is null
                ? $"the log holds {frontier.Size} entries, fewer than the signed tree of size {signed.Size}"
                : $"the stored entries do not give the signed root of the tree of size {signed.Size}"));
        }

        var unlogged = await db.AppealEvents.AsNoTracking().Where(e => !db.Set<LogEntry>().Any(l => l.SourceId == e.Id))
            .OrderBy(e => e.Id).Select(e => e.Id).Take(10_000).ToListAsync(ct);
        findings.AddRange(unlogged.Select(id => new AuditFinding("missing-entry", id, null, "the event is not in the log")));
        counts.Events += unlogged.Count;

        var finished = clock.GetUtcNow().UtcDateTime;
        var report = new AuditReport(started, finished, counts.Events, counts.Entries, signed?.Size ?? 0, counts.CommitmentsChecked,
            counts.CommitmentsNotCheckable, findings);
        db.Add(new AuditRun(Guid.CreateVersion7(), started, finished, Truncate(ranBy, AuditRun.MaxRanByLength), report.EventsChecked,
            report.EntriesChecked, report.TreeSize, findings.Count, Truncate(string.Join('\n', findings.Take(MaxStoredFindings)), AuditRun.MaxFindingsLength)));
        await db.SaveChangesAsync(ct);
        return report;
    }

    private static async Task CheckAsync(MahallaDb db, IReadOnlyList<Row> rows, List<AuditFinding> findings, Counts counts, CancellationToken ct)
    {
        counts.Entries += rows.Count;
        var ids = rows.Where(r => r.Kind == EventEntry.Kind).Select(r => r.SourceId).ToList();
        var events = await db.AppealEvents.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var appealIds = events.Values.Select(e => e.AppealId).Distinct().ToList();
        var appeals = await db.Appeals.AsNoTracking().Where(a => appealIds.Contains(a.Id))
            .Select(a => new AppealContent(a.Id, a.Type, a.Text, a.AnswerText, a.RatingComment)).ToDictionaryAsync(a => a.Id, ct);
        var latestAnswers = await db.AppealEvents.AsNoTracking().Where(e => appealIds.Contains(e.AppealId) && e.Kind == EventKind.Answered)
            .GroupBy(e => e.AppealId).Select(g => new { AppealId = g.Key, Sequence = g.Max(e => e.Sequence) }).ToDictionaryAsync(x => x.AppealId, x => x.Sequence, ct);
        var salts = await db.Set<ContentSalt>().AsNoTracking().Where(s => ids.Contains(s.SourceId)).ToDictionaryAsync(s => s.SourceId, s => s.Salt, ct);

        foreach (var row in rows)
        {
            if (row.Kind != EventEntry.Kind)
            {
                findings.Add(new AuditFinding("orphan-entry", null, row.Index, $"unknown entry kind {row.Kind}"));
                continue;
            }

            if (!events.TryGetValue(row.SourceId, out var e) || !appeals.TryGetValue(e.AppealId, out var appeal))
            {
                findings.Add(new AuditFinding("orphan-entry", row.SourceId, row.Index, "the logged event is no longer in the database"));
                continue;
            }

            counts.Events++;
            var logged = EventEntry.CommitmentIn(row.Data) ?? "";
            var (known, content) = e.Kind switch
            {
                EventKind.Filed => (true, appeal.Text),
                // Only the latest answer is still stored; an earlier one was replaced after a dispute.
                EventKind.Answered => (latestAnswers.GetValueOrDefault(e.AppealId) == e.Sequence, appeal.AnswerText),
                EventKind.Rated => (true, appeal.RatingComment),
                _ => (true, e.Reason),
            };
            string commitment;
            if (known && content is null)
            {
                commitment = EventEntry.NoContent;
                counts.CommitmentsChecked++;
            }
            else if (known && salts.TryGetValue(e.Id, out var salt))
            {
                commitment = EventEntry.Commit(salt, content);
                counts.CommitmentsChecked++;
            }
            else
            {
                // Erased salt or superseded content: the commitment cannot be rechecked, everything else still is.
                commitment = logged == EventEntry.NoContent && known ? "content-without-commitment" : logged;
                counts.CommitmentsNotCheckable++;
            }

            var expected = EventEntry.Encode(EventFacts.Of(e, appeal.Type), commitment);
            if (!expected.AsSpan().SequenceEqual(row.Data))
            {
                findings.Add(new AuditFinding("changed", e.Id, row.Index, "fields differ: " + string.Join(", ", DifferingFields(expected, row.Data))));
            }
        }
    }

    private static IEnumerable<string> DifferingFields(byte[] expected, byte[] logged)
    {
        var a = Encoding.UTF8.GetString(expected).Split('\n');
        var b = Encoding.UTF8.GetString(logged).Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var left = i < a.Length ? a[i] : "";
            var right = i < b.Length ? b[i] : "";
            if (left != right)
            {
                var name = (left.Length > 0 ? left : right).Split(' ')[0];
                yield return name.Length == 0 ? $"line {i + 1}" : name;
            }
        }
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    private sealed record Row(Guid SourceId, long? Index, string Kind, byte[] Data);

    private sealed record AppealContent(Guid Id, AppealType Type, string Text, string? AnswerText, string? RatingComment);

    private sealed class Counts
    {
        public int Events { get; set; }

        public long Entries { get; set; }

        public int CommitmentsChecked { get; set; }

        public int CommitmentsNotCheckable { get; set; }
    }
}
