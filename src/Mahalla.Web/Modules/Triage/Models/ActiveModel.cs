using System.IO.Compression;
using Mahalla.Triage.Classification;
using Mahalla.Web.Modules.Triage.Data;
using Mahalla.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mahalla.Web.Modules.Triage.Models;

/// <summary>
/// The category model filing uses, loaded once and shared: the active model stored in the database,
/// or the seed model embedded in the triage core when none was promoted. A node looks for a newly
/// promoted model at most once per <see cref="TriageOptions.ModelRefreshInterval"/>, with one small
/// query; the node that promotes switches at once.
/// </summary>
internal sealed class ActiveModel(TimeProvider clock, IOptions<TriageOptions> options)
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Loaded? _loaded;

    public static TextClassifier Seed => TextClassifier.LoadSeed() ?? throw new InvalidOperationException("The triage core carries no seed model.");

    public async ValueTask<(Guid? Id, TextClassifier Model)> CurrentAsync(MahallaDb db, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_loaded is { } fresh && now - fresh.CheckedAtUtc < options.Value.ModelRefreshInterval)
        {
            return (fresh.Id, fresh.Model);
        }

        await _loading.WaitAsync(ct);
        try
        {
            if (_loaded is { } again && now - again.CheckedAtUtc < options.Value.ModelRefreshInterval)
            {
                return (again.Id, again.Model);
            }

            var activeId = await db.Set<TriageModel>().AsNoTracking().Where(m => m.Status == ModelStatus.Active)
                .Select(m => (Guid?)m.Id).FirstOrDefaultAsync(ct);
            if (_loaded is { } known && known.Id == activeId)
            {
                _loaded = known with { CheckedAtUtc = now };
                return (known.Id, known.Model);
            }

            var model = activeId is { } id
                ? Decompress(await db.Set<TriageModel>().AsNoTracking().Where(m => m.Id == id).Select(m => m.Content).SingleAsync(ct))
                : Seed;
            _loaded = new Loaded(activeId, model, now);
            return (activeId, model);
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Switches this node at once after a promotion (other nodes follow within the refresh interval).</summary>
    public void Use(Guid id, TextClassifier model) => _loaded = new Loaded(id, model, clock.GetUtcNow().UtcDateTime);

    public static byte[] Compress(TextClassifier model)
    {
        using var buffer = new MemoryStream();
        using (var zip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            model.Save(zip);
        }

        return buffer.ToArray();
    }

    public static TextClassifier Decompress(byte[] content)
    {
        using var zip = new GZipStream(new MemoryStream(content), CompressionMode.Decompress);
        return TextClassifier.Load(zip);
    }

    private sealed record Loaded(Guid? Id, TextClassifier Model, DateTime CheckedAtUtc);
}
