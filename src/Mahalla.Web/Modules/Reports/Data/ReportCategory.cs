using System.Text.Json;
using System.Text.Json.Serialization;
using Mahalla.Web.Modules.Territories.Data;

namespace Mahalla.Web.Modules.Reports.Data;

/// <summary>The kinds of answer a category question takes (the Open311 service-definition data types).</summary>
public static class QuestionTypes
{
    public const string String = "string";
    public const string Number = "number";
    public const string DateTime = "datetime";
    public const string Text = "text";
    public const string SingleValueList = "singlevaluelist";
    public const string MultiValueList = "multivaluelist";

    public static readonly IReadOnlySet<string> All = new HashSet<string> { String, Number, DateTime, Text, SingleValueList, MultiValueList };

    public static bool IsList(string type) => type is SingleValueList or MultiValueList;
}

/// <summary>One allowed answer of a list question.</summary>
public sealed record QuestionValue(string Key, LocalizedName Name);

/// <summary>A question a category asks with every report ("is anyone in danger?", "which pole number?").</summary>
public sealed record ReportQuestion(string Code, string Type, bool Required, int Order, LocalizedName Prompt, IReadOnlyList<QuestionValue> Values)
{
    public const int MaxAnswerLength = 500;
}

/// <summary>
/// How a catalogue category behaves for place-bound reports: whether residents can report it on the map,
/// the radius within which an open report of the same category counts as "nearby" (the duplicate check),
/// whether a report is registered at once (Open311 "realtime") or queued for an operator first,
/// and the category's questions.
/// </summary>
public sealed class ReportCategory
{
    public const int MinRadiusMeters = 10;
    public const int MaxRadiusMeters = 5_000;
    public const int MaxQuestions = 10;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    private ReportCategory()
    {
    }

    public ReportCategory(string categoryCode, int nearbyRadiusMeters, bool realtime, IReadOnlyList<ReportQuestion> questions)
    {
        CategoryCode = categoryCode;
        Update(true, nearbyRadiusMeters, realtime, questions);
    }

    public string CategoryCode { get; private set; } = "";

    public bool IsReportable { get; private set; }

    public int NearbyRadiusMeters { get; private set; }

    public bool Realtime { get; private set; }

    public string QuestionsJson { get; private set; } = "[]";

    public IReadOnlyList<ReportQuestion> Questions => JsonSerializer.Deserialize<List<ReportQuestion>>(QuestionsJson, Json) ?? [];

    /// <summary>A question code is 1–40 lowercase letters, digits, underscores and hyphens (it becomes an Open311 attribute code).</summary>
    public static bool IsValidQuestionCode(string? code) =>
        code is { Length: >= 1 and <= 40 } && code.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-');

    public void Update(bool isReportable, int nearbyRadiusMeters, bool realtime, IReadOnlyList<ReportQuestion> questions)
    {
        if (nearbyRadiusMeters is < MinRadiusMeters or > MaxRadiusMeters)
        {
            throw new ArgumentOutOfRangeException(nameof(nearbyRadiusMeters), $"The radius is {MinRadiusMeters}–{MaxRadiusMeters} m.");
        }

        if (questions.Count > MaxQuestions || questions.Select(q => q.Code).Distinct().Count() != questions.Count)
        {
            throw new ArgumentException("At most ten questions, each with its own code.", nameof(questions));
        }

        foreach (var q in questions)
        {
            if (!IsValidQuestionCode(q.Code) || !QuestionTypes.All.Contains(q.Type)
                || QuestionTypes.IsList(q.Type) != (q.Values.Count > 0))
            {
                throw new ArgumentException($"Question '{q.Code}': a code, a known type, and values exactly when it is a list.", nameof(questions));
            }
        }

        IsReportable = isReportable;
        NearbyRadiusMeters = nearbyRadiusMeters;
        Realtime = realtime;
        QuestionsJson = JsonSerializer.Serialize(questions.OrderBy(q => q.Order).ToList(), Json);
    }
}
