using Mahalla.Triage.Classification;
using Mahalla.Web.Modules.Accounts.Contracts;
using Mahalla.Web.Modules.Accounts.Data;
using Mahalla.Web.Modules.Triage.Data;
using Mahalla.Web.Platform.Database;
using Mahalla.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mahalla.Web.Modules.Triage.Models;

public sealed record ModelFigures(double Accuracy, double MacroF1, double CalibrationError);

public sealed record ModelView(
    Guid Id, string Name, string Status, DateTime CreatedAtUtc, DateTime? DecidedAtUtc, int Examples, int CorrectionExamples,
    int HeldOutExamples, ModelFigures HeldOut, string ComparedWith, ModelFigures ComparedHeldOut);

/// <summary>The model in use now and the stored versions, newest first.</summary>
public sealed record ModelsOverview(string ActiveName, Guid? ActiveId, int CorrectionExamples, IReadOnlyList<ModelView> Models);

/// <summary>
/// Administrators' model work (ADR 0053): retrain on the staff corrections plus the embedded seed
/// corpus, deterministically; evaluate the new and the current model on the same held-out
/// examples; promote the candidate (the active one retires) or discard it.
/// </summary>
internal sealed class ModelAdmin(MahallaDb db, ActiveModel models, IOptions<TriageOptions> options, TimeProvider clock)
{
    /// <summary>Every fifth example of each source (seed corpus, corrections) is held out.</summary>
    public const int HoldOutEvery = 5;

    public async Task<ModelsOverview> OverviewAsync(Caller caller, CancellationToken ct)
    {
        AdminOnly(caller);
        var (activeId, active) = await models.CurrentAsync(db, ct);
        var corrections = await db.Set<TriageExample>().AsNoTracking().Where(e => e.Kind == ExampleKind.Category).Select(e => e.AppealId).Distinct().CountAsync(ct);
        var list = await db.Set<TriageModel>().AsNoTracking().OrderByDescending(m => m.CreatedAtUtc).Take(50)
            .Select(m => new { m.Id, m.Name, m.Status, m.CreatedAtUtc, m.DecidedAtUtc, m.Examples, m.CorrectionExamples, m.HeldOutExamples,
                m.Accuracy, m.MacroF1, m.CalibrationError, m.CurrentName, m.CurrentAccuracy, m.CurrentMacroF1, m.CurrentCalibrationError })
            .ToListAsync(ct);
        return new ModelsOverview(active.Card.Name, activeId, corrections, list.Select(m => new ModelView(m.Id, m.Name, StatusCode(m.Status),
            m.CreatedAtUtc, m.DecidedAtUtc, m.Examples, m.CorrectionExamples, m.HeldOutExamples, new(m.Accuracy, m.MacroF1, m.CalibrationError),
            m.CurrentName, new(m.CurrentAccuracy, m.CurrentMacroF1, m.CurrentCalibrationError))).ToList());
    }

    public async Task<ModelView> RetrainAsync(Caller caller, CancellationToken ct)
    {
        AdminOnly(caller);
        if (await db.Set<TriageModel>().AnyAsync(m => m.Status == ModelStatus.Candidate, ct))
        {
            throw new BusinessRuleException("triage.rule.decide_the_candidate_first");
        }

        var active = await db.Categories.AsNoTracking().Where(c => c.IsActive).Select(c => c.Code).ToListAsync(ct);
        var corrections = await LatestCorrectionsAsync(active.ToHashSet(StringComparer.Ordinal), ct);
        var (train, heldOut) = Split(SeedCorpus.All, corrections);
        var now = clock.GetUtcNow().UtcDateTime;
        var name = $"mahalla-{now:yyyyMMdd-HHmmss}";
        var trained = await Task.Run(() => ClassifierTrainer.Train(train, new TrainingOptions
        {
            Name = name,
            Description = $"Seed corpus ({SeedCorpus.All.Count}) and {corrections.Count} staff corrections; every {HoldOutEvery}th example of each held out.",
            MinFeatureCount = 3,
            Epochs = options.Value.RetrainEpochs,
        }), ct);
        var (_, current) = await models.CurrentAsync(db, ct);
        var model = new TriageModel(Guid.CreateVersion7(), name, ActiveModel.Compress(trained), train.Count, corrections.Count, heldOut.Count,
            Figures(ClassifierEvaluation.Evaluate(trained, heldOut)), current.Card.Name, Figures(ClassifierEvaluation.Evaluate(current, heldOut)),
            caller.UserId!.Value, now);
        db.Add(model);
        await db.SaveChangesAsync(ct);
        return View(model);
    }

    public async Task<ModelView> PromoteAsync(Caller caller, Guid id, CancellationToken ct)
    {
        AdminOnly(caller);
        var model = await db.Set<TriageModel>().FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException();
        var now = clock.GetUtcNow().UtcDateTime;
        model.Promote(now);
        foreach (var previous in await db.Set<TriageModel>().Where(m => m.Status == ModelStatus.Active && m.Id != id).ToListAsync(ct))
        {
            previous.Retire();
        }

        await db.SaveChangesAsync(ct);
        models.Use(model.Id, ActiveModel.Decompress(model.Content));
        return View(model);
    }

    public async Task<ModelView> DiscardAsync(Caller caller, Guid id, CancellationToken ct)
    {
        AdminOnly(caller);
        var model = await db.Set<TriageModel>().FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException();
        model.Discard(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return View(model);
    }

    /// <summary>The latest category decision per request, oldest first (a later decision supersedes an earlier one).</summary>
    private async Task<List<LabelledText>> LatestCorrectionsAsync(HashSet<string> activeCategories, CancellationToken ct)
    {
        var all = await db.Set<TriageExample>().AsNoTracking().Where(e => e.Kind == ExampleKind.Category)
            .Select(e => new { e.Id, e.AppealId, e.Text, e.Label, e.CreatedAtUtc }).ToListAsync(ct);
        return [.. all.GroupBy(e => e.AppealId).Select(g => g.OrderBy(e => e.CreatedAtUtc).ThenBy(e => e.Id).Last())
            .Where(e => activeCategories.Contains(e.Label)).OrderBy(e => e.CreatedAtUtc).ThenBy(e => e.Id)
            .Select(e => new LabelledText(e.Text, e.Label))];
    }

    private static (List<LabelledText> Train, List<LabelledText> HeldOut) Split(IReadOnlyList<LabelledText> seed, IReadOnlyList<LabelledText> corrections)
    {
        var train = new List<LabelledText>();
        var heldOut = new List<LabelledText>();
        foreach (var source in new[] { seed, corrections })
        {
            for (var i = 0; i < source.Count; i++)
            {
                (i % HoldOutEvery == HoldOutEvery - 1 ? heldOut : train).Add(source[i]);
            }
        }

        return (train, heldOut);
    }

    private static TriageModel.Figures Figures(EvaluationReport report) => new(report.Accuracy, report.MacroF1, report.ExpectedCalibrationError);

    private static ModelView View(TriageModel m) => new(m.Id, m.Name, StatusCode(m.Status), m.CreatedAtUtc, m.DecidedAtUtc, m.Examples,
        m.CorrectionExamples, m.HeldOutExamples, new(m.Accuracy, m.MacroF1, m.CalibrationError), m.CurrentName,
        new(m.CurrentAccuracy, m.CurrentMacroF1, m.CurrentCalibrationError));

    private static string StatusCode(ModelStatus status) => status.ToString().ToLowerInvariant();

    private static void AdminOnly(Caller caller)
    {
        if (!caller.Is(Roles.Administrator))
        {
            throw new ForbiddenException("triage.rule.administrators_only");
        }
    }
}
