using Mahalla.Web.Modules.Appeals.Contracts;
using System.Text;
using Mahalla.Tlog.Merkle;
using Mahalla.Tlog.Notes;
using Mahalla.Tlog.Receipts;
using Mahalla.Web.Modules.Appeals.Data;
using Mahalla.Web.Modules.Appeals.TrackAppeal;
using Mahalla.Web.Modules.Transparency.Data;
using Mahalla.Web.Modules.Transparency.ServeLog;
using Mahalla.Web.Platform.Database;
using Mahalla.Web.Platform.Errors;
using Mahalla.Web.Platform.Localization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Modules.Transparency.Receipts;

/// <summary>Where a request's latest logged event sits in the published log.</summary>
internal sealed record ReceiptInfo(long Index, long TreeSize, byte[] LeafHash);

/// <summary>
/// Receipts for a request: the tlog-proof of its latest event included in the latest published checkpoint
/// (entry, index, inclusion proof, cosigned checkpoint), verifiable offline with the log's key (ADR 0026).
/// Nothing in a receipt is personal: the entry holds only ids, codes and commitments.
/// </summary>
internal sealed class Receipts(MahallaDb db, PublishedLog log)
{
    public async Task<ReceiptInfo?> InfoAsync(Guid appealId, CancellationToken ct)
    {
        if (await log.LatestAsync(ct) is not { } checkpoint)
        {
            return null;
        }

        var entry = await LatestEntryAsync(appealId, checkpoint.Size, ct);
        return entry is null ? null : new ReceiptInfo(entry.Value.Index, checkpoint.Size, MerkleHash.Leaf(entry.Value.Data));
    }

    public async Task<string?> ReceiptAsync(Guid appealId, CancellationToken ct)
    {
        if (await log.LatestAsync(ct) is not { } checkpoint || await LatestEntryAsync(appealId, checkpoint.Size, ct) is not { } entry)
        {
            return null;
        }

        var proof = await MerkleTree.InclusionProofAsync(new DbHashReader(db), entry.Index, checkpoint.Size, ct);
        return new TlogProof(entry.Data, entry.Index, proof, Note.Parse(checkpoint.Note)).ToString();
    }

    public async Task<Guid?> AppealIdAsync(string trackingNumber, CancellationToken ct) =>
        await db.Appeals.AsNoTracking().Where(a => a.TrackingNumber == trackingNumber).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct);

    private async Task<(long Index, byte[] Data)?> LatestEntryAsync(Guid appealId, long treeSize, CancellationToken ct)
    {
        var entry = await db.Set<LogEntry>().AsNoTracking()
            .Where(e => e.SubjectId == appealId && e.Index != null && e.Index < treeSize)
            .OrderByDescending(e => e.Index).Select(e => new { e.Index, e.Data }).FirstOrDefaultAsync(ct);
        return entry is null ? null : (entry.Index!.Value, entry.Data);
    }

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/track/{trackingNumber}/receipt", ReceiptEndpointAsync).WithTags("Tracking").AllowAnonymous()
            .WithName("TrackAppealReceipt")
            .WithSummary("The request's transparency-log receipt (c2sp.org/tlog-proof@v1), by access code or by the tracking page's receipt token.")
            .WithDescription("Verify it offline: mahalla tlog verify-receipt --receipt FILE --trusted-keys KEYS. 404 for a wrong number or code, or while the request's latest event awaits its first checkpoint (a few seconds).");

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> ReceiptEndpointAsync(
        string trackingNumber, string? code, string? t, Tracking tracking, Receipts receipts, IDataProtectionProvider protection,
        TimeProvider clock, Texts texts, HttpContext http, CancellationToken ct)
    {
        Guid? id = null;
        if (!string.IsNullOrEmpty(code))
        {
            id = await tracking.IdOfAsync(trackingNumber, code, ct);
        }
        else if (TrackingTokens.Read(protection, TrackingTokens.Receipt, t, clock) is { } tokenId)
        {
            // The token names the request; the number in the path must be that request's.
            id = TrackingNumbers.Normalize(trackingNumber) is { } number && await receipts.AppealIdAsync(number, ct) == tokenId ? tokenId : null;
        }

        if (id is null)
        {
            return TypedResults.Problem(Problems.Create(texts, StatusCodes.Status404NotFound, "error.tracking_not_found"));
        }

        if (await receipts.ReceiptAsync(id.Value, ct) is not { } receipt)
        {
            return TypedResults.Problem(Problems.Create(texts, StatusCodes.Status404NotFound, "tlog.error.receipt_not_ready"));
        }

        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{FileNameOf(trackingNumber)}.tlog-proof\"";
        return TypedResults.Text(receipt, "text/plain; charset=utf-8", Encoding.UTF8);
    }

    private static string FileNameOf(string trackingNumber) =>
        new([.. trackingNumber.Where(c => char.IsAsciiLetterOrDigit(c) || c == '-').Take(40)]);
}
