using Mahalla.Tlog.Merkle;
using Mahalla.Tlog.Tiles;
using Mahalla.Web.Modules.Transparency.Data;
using Mahalla.Web.Platform.Database;
using Mahalla.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Modules.Transparency.ServeLog;

/// <summary>The latest published checkpoint as readers see it.</summary>
internal sealed record LatestCheckpoint(long Size, byte[] RootHash, string Note, string Witnesses, DateTime SignedAtUtc);

/// <summary>
/// The log as the public reads it: everything is bounded by the latest published checkpoint, so no tile,
/// bundle or proof ever reveals a tree that has not been signed (and witnessed, when witnesses are required).
/// </summary>
internal sealed class PublishedLog(MahallaDb db)
{
    public Task<LatestCheckpoint?> LatestAsync(CancellationToken ct) =>
        db.Set<PublishedCheckpoint>().AsNoTracking().OrderByDescending(c => c.Size)
            .Select(c => new LatestCheckpoint(c.Size, c.RootHash, c.Note, c.Witnesses, c.SignedAtUtc)).FirstOrDefaultAsync(ct);

    /// <summary>The bytes of a hash tile or entry bundle, or null when the published tree does not have it yet.</summary>
    public async Task<byte[]?> TileAsync(TileId tile, CancellationToken ct)
    {
        var size = (await LatestAsync(ct))?.Size ?? 0;
        if (tile.IsEntryBundle)
        {
            var first = tile.Index * TileId.FullWidth;
            if (tile.Index > long.MaxValue / TileId.FullWidth - 1 || first + tile.Width > size)
            {
                return null;
            }

            var last = first + tile.Width;
            var entries = await db.Set<LogEntry>().AsNoTracking().Where(e => e.Index >= first && e.Index < last)
                .OrderBy(e => e.Index).Select(e => e.Data).ToListAsync(ct);
            return entries.Count == tile.Width ? EntryBundle.Encode([.. entries.Select(e => (ReadOnlyMemory<byte>)e)])
                : throw new InvalidOperationException($"The log is missing entries of bundle {tile.Path}.");
        }

        var level = tile.Level * TileId.Height;
        if (level > 62 || tile.Index > (size >> level) / TileId.FullWidth)
        {
            return null;
        }

        try
        {
            return await HashTiles.ReadAsync(new DbHashReader(db), tile, size, ct);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<byte[]>> InclusionProofAsync(long? index, long? size, CancellationToken ct)
    {
        var published = (await LatestAsync(ct))?.Size ?? 0;
        var errors = new Validation();
        if (size is not { } n || n < 1 || n > published)
        {
            errors.Add("size", "tlog.validation.size");
        }

        if (index is not { } i || i < 0 || (size is { } s && i >= s))
        {
            errors.Add("index", "tlog.validation.index");
        }

        errors.ThrowIfInvalid();
        return await MerkleTree.InclusionProofAsync(new DbHashReader(db), index!.Value, size!.Value, ct);
    }

    public async Task<IReadOnlyList<byte[]>> ConsistencyProofAsync(long? from, long? to, CancellationToken ct)
    {
        var published = (await LatestAsync(ct))?.Size ?? 0;
        var errors = new Validation();
        if (to is not { } n || n < 1 || n > published)
        {
            errors.Add("to", "tlog.validation.to");
        }

        if (from is not { } f || f < 1 || (to is { } t && f > t))
        {
            errors.Add("from", "tlog.validation.from");
        }

        errors.ThrowIfInvalid();
        return await MerkleTree.ConsistencyProofAsync(new DbHashReader(db), from!.Value, to!.Value, ct);
    }
}
