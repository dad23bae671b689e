using System.Text.Json;
using Mahalla.Triage;
using Mahalla.Triage.Duplicates;
using Mahalla.Triage.Languages;
using Mahalla.Web.Modules.Appeals.Contracts;
using Mahalla.Web.Modules.Appeals.Data;
using Mahalla.Web.Modules.Organizations.Contracts;
using Mahalla.Web.Modules.ReferenceData;
using Mahalla.Web.Modules.Triage.Data;
using Mahalla.Web.Modules.Triage.Models;
using Mahalla.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mahalla.Web.Modules.Triage.OnFiling;

/// <summary>The analysis of one request on its way through filing.</summary>
internal sealed record TriageSuggestion(string CategoryCode, string? ChosenCategoryCode, TriageResult Result, TriageDecision Decision, string ModelName)
    : FilingSuggestion(CategoryCode)
{
    /// <summary>The assessment, once prepared for the request about to be filed.</summary>
    public TriageAssessment? Assessment { get; init; }

    public string PredictedCategoryCode => Result.Categories[0].Label;

    public double Probability => Result.Categories[0].Probability;
}

/// <summary>
/// Triage on filing (ADR 0050). A citizen who leaves the topic open is routed by the model when it
/// is confident (at least <see cref="TriageOptions.AutoRouteConfidence"/>); otherwise the request
/// goes to the fallback category's body (the mahalla council) and waits in the triage queue. A
/// citizen's own category always routes the request; when a confident model disagrees, the request
/// also waits in the queue for staff to look again. The assessment, with urgency, summary and the
/// duplicate group, is written in the filing transaction.
/// </summary>
internal sealed class FilingTriage(MahallaDb db, ActiveModel models, ReferenceCache reference, IOptions<TriageOptions> options) : IFilingTriage
{
    public async ValueTask<FilingSuggestion> SuggestAsync(string text, string? chosenCategoryCode, CancellationToken ct)
    {
        var (_, model) = await models.CurrentAsync(db, ct);
        var result = RequestTriage.Analyse(text, model);
        var top = result.Categories[0];
        var confident = top.Probability >= options.Value.AutoRouteConfidence
            && (await reference.GetAsync(db, ct)).ActiveCategory(top.Label) is not null;
        var (category, decision) = chosenCategoryCode switch
        {
            null when confident => (top.Label, TriageDecision.AutoRouted),
            null => (options.Value.FallbackCategory, TriageDecision.Waiting),
            _ when confident && top.Label != chosenCategoryCode => (chosenCategoryCode, TriageDecision.Waiting),
            _ => (chosenCategoryCode, TriageDecision.CitizenChose),
        };
        return new TriageSuggestion(category, chosenCategoryCode, result, decision, model.Card.Name);
    }

    public async Task<FilingSuggestion> PrepareAsync(FilingSuggestion suggestion, FilingFacts filing, CancellationToken ct)
    {
        var s = (TriageSuggestion)suggestion;
        var suggestedOrganization = s.PredictedCategoryCode == filing.CategoryCode
            ? filing.ResponsibleOrganizationId
            : SuggestedOrganization(await reference.GetAsync(db, ct), s.PredictedCategoryCode, filing);
        var assessment = new TriageAssessment(filing.AppealId, filing.TerritoryId, filing.ApplicantUserId, filing.FiledAtUtc, s.ChosenCategoryCode,
            s.PredictedCategoryCode, s.Probability, suggestedOrganization, s.Result.Urgency.Level, TriageJson.Flags(s.Result.Urgency),
            s.Result.Summary, JsonSerializer.Serialize(s.Result.Keywords.Select(k => k.Term)), s.Result.Language.Language.ToTag(),
            s.Result.Signature.ToBase64(), s.ModelName, s.Decision);
        if (await DuplicateGroups.FindGroupAsync(db, assessment, s.Result.Signature, filing.CategoryCode, options.Value, ct) is { } group)
        {
            assessment.JoinGroup(group);
        }

        return s with { Assessment = assessment };
    }

    public async Task RecordAsync(FilingSuggestion prepared, Appeal appeal, CancellationToken ct)
    {
        var assessment = ((TriageSuggestion)prepared).Assessment
            ?? throw new InvalidOperationException("The assessment is prepared before the filing transaction.");
        if (assessment.AppealId != appeal.Id)
        {
            throw new InvalidOperationException("The assessment was prepared for another request.");
        }

        if (assessment.GroupId != assessment.AppealId)
        {
            await DuplicateGroups.JoinAsync(db, assessment, ct);
        }

        db.Add(assessment);
    }

    private static Guid SuggestedOrganization(ReferenceSnapshot data, string categoryCode, FilingFacts filing) =>
        data.Category(categoryCode) is not null && data.Territory(filing.TerritoryId) is { } mahalla
            ? Router.ResponsibleFor(data, categoryCode, mahalla)
            : filing.ResponsibleOrganizationId;
}

/// <summary>
/// Duplicate groups over stored assessments: a new request joins the group whose master is its most
/// similar duplicate among the groups of the same mahalla and time window (text similarity by MinHash,
/// same category); staff merge and split groups afterwards. A group is known by its master, the
/// earliest request.
/// </summary>
internal static class DuplicateGroups
{
    private const int MaxCandidates = 5_000;

    /// <remarks>
    /// Only the masters are candidates (the core grouper's rule), so the work grows with the number of
    /// problems in the mahalla, not of requests: a campaign of thousands of near-copies is one master.
    /// They come from a partial index of masters that carries the signature (M0013). Each is compared
    /// with the new request by the grouper's rule (<see cref="DuplicateProbe"/>), read from its stored
    /// form without building a grouper or an object per request.
    /// </remarks>
    public static async Task<Guid?> FindGroupAsync(MahallaDb db, TriageAssessment request, TextSignature signature, string categoryCode,
        TriageOptions options, CancellationToken ct)
    {
        // A plain statement (ADR 0019): through LINQ, building and looking up this read on every filing cost more than running it.
        // It reads the masters' partial index (M0013) as the LINQ query did.
        await using var query = db.Query(
            $"SELECT x.\"AppealId\", x.\"Signature\" FROM {db.Table<TriageAssessment>()} AS x " +
            $"INNER JOIN {db.Table<Appeal>()} AS a ON x.\"AppealId\" = a.\"Id\" " +
            "WHERE x.\"TerritoryId\" = @territory AND x.\"FiledAtUtc\" >= @since AND x.\"GroupId\" = x.\"AppealId\" " +
            "AND x.\"AppealId\" <> @request AND a.\"CategoryCode\" = @category " +
            $"ORDER BY x.\"FiledAtUtc\" DESC LIMIT {MaxCandidates}")
            .With("@territory", request.TerritoryId).With("@since", request.FiledAtUtc - options.DuplicateWindow)
            .With("@request", request.AppealId).With("@category", categoryCode);
        var probe = new DuplicateProbe(signature, options.DuplicateSimilarity);
        (string Id, double Similarity, Guid MasterId)? best = null;
        await db.ReadAsync(query, row =>
        {
            if (probe.SimilarityTo(row.GetString(1)) is not { } similarity)
            {
                return;
            }

            var appealId = row.GetGuid(0);
            var id = appealId.ToString("N");
            if (best is null || similarity > best.Value.Similarity
                || (similarity == best.Value.Similarity && string.CompareOrdinal(id, best.Value.Id) < 0))
            {
                best = (id, similarity, appealId);
            }
        }, ct);

        return best?.MasterId;
    }

    /// <summary>
    /// Counts a request joining its group, before its assessment is saved: at once, or in a group commit's first pass once
    /// for each group, after the pass's last unit (ADR 0075). If the master is no longer one (staff merged or split the
    /// group since the search), the request stays alone, for staff to merge.
    /// </summary>
    public static async Task JoinAsync(MahallaDb db, TriageAssessment joiner, CancellationToken ct)
    {
        if (db.Pass is { } pass)
        {
            pass.Shared(typeof(PendingJoins), () => new PendingJoins(), (pending, settle) => pending.CountAsync(settle)).Add(joiner);
        }
        else if (!await CountJoinerAsync(db, joiner, ct))
        {
            joiner.JoinGroup(joiner.AppealId);
        }
    }

    /// <summary>
    /// Counts a request joining its group on the master in the filing transaction; the version goes up so
    /// that a merge or split working from the old members fails and is retried.
    /// </summary>
    /// <returns>False when the master is no longer one (staff merged or split the group meanwhile).</returns>
    public static Task<bool> CountJoinerAsync(MahallaDb db, TriageAssessment joiner, CancellationToken ct) =>
        CountJoinersAsync(db, [joiner], ct);

    /// <summary>
    /// Counts requests joining one group on its master in the filing transaction, in two statements whatever their
    /// number; the version goes up by one for each, so that a merge or split working from the old members fails and is retried.
    /// The requests' own assessments may be saved already (a group commit counts after its units): they are not members that
    /// were there before them.
    /// </summary>
    /// <remarks>
    /// With a known applicant it takes two statements. The first counts the requests and locks the master's row;
    /// only then does the second look for the applicants among the members and count each new person once. On
    /// PostgreSQL each statement reads from its own snapshot (READ COMMITTED), so when two requests by the
    /// same applicant join at once, the second waits at the first statement for the first request's
    /// commit and then finds it at the second: the applicant is counted once. In one statement the search
    /// would read from the snapshot taken before the wait and count the applicant twice.
    /// </remarks>
    /// <returns>False when the master is no longer one (staff merged or split the group meanwhile).</returns>
    private static async Task<bool> CountJoinersAsync(MahallaDb db, IReadOnlyList<TriageAssessment> joiners, CancellationToken ct)
    {
        var master = joiners.Count > 0 ? joiners[0].GroupId : throw new ArgumentException("No joiners to count.", nameof(joiners));
        if (joiners.Any(j => j.GroupId != master))
        {
            throw new ArgumentException("Joiners are counted on the master of the group they join.", nameof(joiners));
        }

        // Plain statements (ADR 0019): through LINQ, building and looking up these updates cost more than running them.
        var table = db.Table<TriageAssessment>();
        var anonymous = joiners.Count(j => j.ApplicantUserId is null);
        var applicants = joiners.Where(j => j.ApplicantUserId is not null).Select(j => j.ApplicantUserId!.Value).Distinct().ToList();
        int counted;
        await using (var count = db.Statement(
            $"UPDATE {table} SET \"GroupSize\" = \"GroupSize\" + @joiners, \"GroupPeople\" = \"GroupPeople\" + @anonymous, " +
            "\"Version\" = \"Version\" + @joiners WHERE \"AppealId\" = @master AND \"GroupId\" = \"AppealId\"")
            .With("@joiners", joiners.Count).With("@anonymous", anonymous).With("@master", master))
        {
            counted = await count.ExecuteNonQueryAsync(ct);
        }

        if (counted == 1 && applicants.Count > 0)
        {
            // Each applicant not among the members from before these requests counts once; nothing is written when none is new.
            var newcomers = string.Join(" UNION ALL ", applicants.Select((_, i) => $"SELECT @applicant{i} AS \"Applicant\""));
            await using var people = db.Statement(
                $"UPDATE {table} SET \"GroupPeople\" = \"GroupPeople\" + n.\"New\" FROM (SELECT COUNT(*) AS \"New\" FROM ({newcomers}) AS j " +
                $"WHERE NOT EXISTS (SELECT 1 FROM {table} AS m WHERE m.\"GroupId\" = @master AND m.\"ApplicantUserId\" = j.\"Applicant\" " +
                $"AND m.\"AppealId\" NOT IN ({Own(joiners)}))) AS n WHERE {table}.\"AppealId\" = @master AND n.\"New\" > 0")
                .With("@master", master);
            for (var i = 0; i < applicants.Count; i++)
            {
                people.With($"@applicant{i}", applicants[i]);
            }

            await WithOwn(people, joiners).ExecuteNonQueryAsync(ct);
        }

        return counted == 1;
    }

    /// <summary>
    /// Requests whose assessments were saved as joining a master that is no longer one each stay alone, as
    /// <see cref="TriageAssessment.JoinGroup"/> leaves them when the count comes first: staff merge them.
    /// </summary>
    private static async Task LeaveAloneAsync(MahallaDb db, IReadOnlyList<TriageAssessment> joiners, CancellationToken ct)
    {
        await using var alone = db.Statement(
            $"UPDATE {db.Table<TriageAssessment>()} SET \"GroupId\" = \"AppealId\", \"Version\" = \"Version\" + 1 WHERE \"AppealId\" IN ({Own(joiners)})");
        await WithOwn(alone, joiners).ExecuteNonQueryAsync(ct);
    }

    /// <summary>The joiners' own requests as a list of parameters (<see cref="WithOwn"/> gives their values).</summary>
    private static string Own(IReadOnlyList<TriageAssessment> joiners) => string.Join(", ", joiners.Select((_, i) => $"@own{i}"));

    private static System.Data.Common.DbCommand WithOwn(System.Data.Common.DbCommand command, IReadOnlyList<TriageAssessment> joiners)
    {
        for (var i = 0; i < joiners.Count; i++)
        {
            command.With($"@own{i}", joiners[i].AppealId);
        }

        return command;
    }

    /// <summary>
    /// The requests of a group commit's first pass that join a group, by master. A burst of near-copies (the campaign or the
    /// outage that duplicate groups exist for) joins one master many times in a row: counted one by one, each request took
    /// one or two statements in the writer's turn that every filing waits for, each writing the same row (ADR 0075).
    /// </summary>
    private sealed class PendingJoins
    {
        private readonly Dictionary<Guid, List<TriageAssessment>> _byMaster = [];

        public void Add(TriageAssessment joiner)
        {
            if (!_byMaster.TryGetValue(joiner.GroupId, out var joiners))
            {
                _byMaster[joiner.GroupId] = joiners = [];
            }

            joiners.Add(joiner);
        }

        /// <summary>The pass's own step, after its units have saved the joiners' assessments: no unit's token.</summary>
        public async Task CountAsync(MahallaDb db)
        {
            foreach (var joiners in _byMaster.Values)
            {
                if (!await CountJoinersAsync(db, joiners, CancellationToken.None))
                {
                    await LeaveAloneAsync(db, joiners, CancellationToken.None);
                }
            }
        }
    }
}

internal static class TriageJson
{
    public static string Flags(Mahalla.Triage.Urgency.UrgencyAssessment urgency) =>
        JsonSerializer.Serialize(urgency.Flags.Select(f => new UrgencyFlagNote(FlagCode(f.Kind), f.IsDanger, f.Evidence)), JsonSerializerOptions.Web);

    /// <summary>
    /// The flags of a stored assessment. Most assessments share a handful of flag lists (the lexicon's words), and every
    /// inbox page reads 50 of them, so the parsed lists are kept per text (read-only, at most <see cref="MaxKnownFlags"/>).
    /// </summary>
    public static IReadOnlyList<UrgencyFlagNote> ReadFlags(string json)
    {
        if (KnownFlags.TryGetValue(json, out var known))
        {
            return known;
        }

        IReadOnlyList<UrgencyFlagNote> flags = (JsonSerializer.Deserialize<List<UrgencyFlagNote>>(json, JsonSerializerOptions.Web) ?? [])
            .Select(f => f with { Evidence = (f.Evidence ?? []).ToArray() }).ToArray();
        if (KnownFlags.Count >= MaxKnownFlags)
        {
            KnownFlags.Clear();
        }

        KnownFlags[json] = flags;
        return flags;
    }

    private const int MaxKnownFlags = 4096;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<UrgencyFlagNote>> KnownFlags = new(StringComparer.Ordinal);

    public static string FlagCode(Mahalla.Triage.Urgency.FlagKind kind) => kind switch
    {
        Mahalla.Triage.Urgency.FlagKind.GasLeak => "gas_leak",
        Mahalla.Triage.Urgency.FlagKind.Fire => "fire",
        Mahalla.Triage.Urgency.FlagKind.ElectricalHazard => "electrical_hazard",
        Mahalla.Triage.Urgency.FlagKind.Flooding => "flooding",
        Mahalla.Triage.Urgency.FlagKind.Collapse => "collapse",
        Mahalla.Triage.Urgency.FlagKind.Disability => "disability",
        Mahalla.Triage.Urgency.FlagKind.LonelyElderly => "lonely_elderly",
        Mahalla.Triage.Urgency.FlagKind.Children => "children",
        Mahalla.Triage.Urgency.FlagKind.Pregnancy => "pregnancy",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string LevelCode(Mahalla.Triage.Urgency.UrgencyLevel level) => level.ToString().ToLowerInvariant();

    public static Mahalla.Triage.Urgency.UrgencyLevel? ParseLevel(string? code) =>
        Enum.GetValues<Mahalla.Triage.Urgency.UrgencyLevel>().Cast<Mahalla.Triage.Urgency.UrgencyLevel?>().FirstOrDefault(l => LevelCode(l!.Value) == code);

    public static string DecisionCode(TriageDecision decision) => decision switch
    {
        TriageDecision.AutoRouted => "auto_routed",
        TriageDecision.CitizenChose => "citizen_chose",
        TriageDecision.Waiting => "waiting",
        TriageDecision.Decided => "decided",
        _ => throw new ArgumentOutOfRangeException(nameof(decision)),
    };
}
