using System.Text;
using Mahalla.Tlog.Tiles;
using Mahalla.Web.Modules.Transparency.Sequencing;
using Mahalla.Web.Platform.Errors;
using Mahalla.Web.Platform.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mahalla.Web.Modules.Transparency.ServeLog;

/// <summary>The proof hashes, base64, in the order the verifier consumes them (as in the test vectors).</summary>
internal sealed record ProofResponse(IReadOnlyList<string> Hashes)
{
    public static ProofResponse Of(IReadOnlyList<byte[]> hashes) => new([.. hashes.Select(Convert.ToBase64String)]);
}

/// <summary>
/// The public, cacheable read side of the log in the C2SP tlog-tiles layout, plus JSON proofs. Tiles
/// never change once served (a partial tile of width W is the same forever), so they are cached as
/// immutable; the checkpoint changes every few seconds and is cached for a moment only (ADR 0045).
/// </summary>
internal static class LogEndpoints
{
    private const string Immutable = "public, max-age=31536000, immutable";
    private const string ShortLived = "public, max-age=2, must-revalidate";
    private const string TextPlain = "text/plain; charset=utf-8";

    public static void Map(IEndpointRouteBuilder routes)
    {
        var tlog = routes.MapGroup("/tlog").WithTags("Transparency log").AllowAnonymous();
        tlog.MapGet("/checkpoint", CheckpointAsync).WithName("TlogCheckpoint")
            .WithSummary("The latest checkpoint: a signed note (C2SP tlog-checkpoint) with the witnesses' cosignatures.");
        tlog.MapGet("/vkey", VkeyAsync).WithName("TlogVerifierKey").WithSummary("The log's verifier key (name+keyid+base64 key).");
        tlog.MapGet("/tile/{**path}", TileAsync).WithName("TlogTile")
            .WithSummary("A hash tile tile/{L}/{N}[.p/{W}] or entry bundle tile/entries/{N}[.p/{W}] (C2SP tlog-tiles); N as x001/x234/067.");

        var proofs = routes.MapGroup("/api/tlog/proof").WithTags("Transparency log").AllowAnonymous();
        proofs.MapGet("/inclusion", async Task<Ok<ProofResponse>> (long? index, long? size, PublishedLog log, HttpContext http, CancellationToken ct) =>
        {
            var proof = ProofResponse.Of(await log.InclusionProofAsync(index, size, ct));
            http.Response.Headers.CacheControl = Immutable;
            return TypedResults.Ok(proof);
        }).WithName("TlogInclusionProof")
            .WithSummary("Inclusion proof of the entry at index in the tree of the given size (1 ≤ size ≤ the published size).");
        proofs.MapGet("/consistency", async Task<Ok<ProofResponse>> (long? from, long? to, PublishedLog log, HttpContext http, CancellationToken ct) =>
        {
            var proof = ProofResponse.Of(await log.ConsistencyProofAsync(from, to, ct));
            http.Response.Headers.CacheControl = Immutable;
            return TypedResults.Ok(proof);
        }).WithName("TlogConsistencyProof")
            .WithSummary("Consistency proof from the tree of size from to the tree of size to (1 ≤ from ≤ to ≤ the published size).");
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> CheckpointAsync(PublishedLog log, Texts texts, HttpContext http, CancellationToken ct)
    {
        if (await log.LatestAsync(ct) is not { } latest)
        {
            return TypedResults.Problem(Problems.Create(texts, StatusCodes.Status404NotFound, "tlog.error.no_checkpoint"));
        }

        http.Response.Headers.CacheControl = ShortLived;
        return TypedResults.Text(latest.Note, TextPlain, Encoding.UTF8);
    }

    private static async Task<ContentHttpResult> VkeyAsync(LogKeys keys, HttpContext http, CancellationToken ct)
    {
        var key = await keys.SignerAsync(ct);
        http.Response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.Text(key.VerifierKey + "\n", TextPlain, Encoding.UTF8);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> TileAsync(
        string path, PublishedLog log, Texts texts, HttpContext http, CancellationToken ct)
    {
        if (path.Length > 200 || !TileId.TryParse("tile/" + path, out var tile))
        {
            return TypedResults.Problem(Problems.Create(texts, StatusCodes.Status400BadRequest, "tlog.error.bad_tile_path"));
        }

        if (await log.TileAsync(tile, ct) is not { } bytes)
        {
            return TypedResults.Problem(Problems.Create(texts, StatusCodes.Status404NotFound, "tlog.error.tile_not_found"));
        }

        http.Response.Headers.CacheControl = Immutable;
        return TypedResults.File(bytes, "application/octet-stream");
    }
}
