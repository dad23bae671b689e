using Mahalla.Tlog.Merkle;
using Mahalla.Tlog.Notes;
using Mahalla.Web.Modules.Transparency.Data;
using Mahalla.Web.Modules.Transparency.ServeLog;
using Mahalla.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Modules.Transparency.Overview;

internal sealed record SizeOnDay(DateOnly Day, long Size);

internal sealed record LastAudit(DateTime FinishedAtUtc, string RanBy, int EventsChecked, long EntriesChecked, long TreeSize, int FindingCount, IReadOnlyList<string> Findings);

/// <summary>The result of checking an entry someone holds (from a receipt's QR code) against the published log.</summary>
internal enum EntryCheck
{
    Included,
    Different,
    NotYetPublished,
}

/// <summary>What the auditors' page shows; all of it is public data.</summary>
internal sealed record LogOverview(LatestCheckpoint? Checkpoint, IReadOnlyList<string> SignerNames, IReadOnlyList<SizeOnDay> Growth, LastAudit? Audit);

internal sealed class Overview(MahallaDb db, PublishedLog log)
{
    public const int Days = 14;

    public async Task<LogOverview> GetAsync(DateTime nowUtc, CancellationToken ct)
    {
        var latest = await log.LatestAsync(ct);
        var signers = latest is null ? [] : Note.Parse(latest.Note).Signatures.Select(s => s.KeyName).Distinct(StringComparer.Ordinal).ToList();
        var since = nowUtc.Date.AddDays(-(Days - 1));
        var growth = await db.Set<PublishedCheckpoint>().AsNoTracking().Where(c => c.SignedAtUtc >= since)
            .GroupBy(c => c.SignedAtUtc.Date).Select(g => new { Day = g.Key, Size = g.Max(c => c.Size) }).ToListAsync(ct);
        var audit = await db.Set<AuditRun>().AsNoTracking().OrderByDescending(a => a.FinishedAtUtc).FirstOrDefaultAsync(ct);
        return new LogOverview(latest, signers,
            [.. growth.OrderBy(g => g.Day).Select(g => new SizeOnDay(DateOnly.FromDateTime(g.Day), g.Size))],
            audit is null ? null : new LastAudit(audit.FinishedAtUtc, audit.RanBy, audit.EventsChecked, audit.EntriesChecked, audit.TreeSize,
                audit.FindingCount, audit.Findings.Length == 0 ? [] : audit.Findings.Split('\n')));
    }

    /// <summary>Whether the published log holds, at <paramref name="index"/>, the entry with this leaf hash.</summary>
    public async Task<EntryCheck> CheckEntryAsync(long index, byte[] leafHash, CancellationToken ct)
    {
        var size = (await log.LatestAsync(ct))?.Size ?? 0;
        if (index >= size)
        {
            return EntryCheck.NotYetPublished;
        }

        var data = await db.Set<LogEntry>().AsNoTracking().Where(e => e.Index == index).Select(e => e.Data).FirstOrDefaultAsync(ct);
        return data is not null && MerkleHash.Leaf(data).AsSpan().SequenceEqual(leafHash) ? EntryCheck.Included : EntryCheck.Different;
    }
}
