using Mahalla.Web.Platform.Errors;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Npgsql;

namespace Mahalla.Web.Platform.Database;

/// <summary>
/// What a broken unique index or key means, so that a save that loses a race is refused with the same answer as one that
/// the use case's own check refused (ADR 0080, ADR 0081).
/// <list type="bullet">
/// <item>An index that guards an aggregate against two changes made from the same state. A request's events are numbered
/// by the request's version, so two transitions that loaded the same version both write event number n + 1: the second
/// one's insert breaks the index before its update of the request, whose version it checks, is sent (EF Core sends
/// <c>appeal_events</c> before <c>appeals</c>). That is the same conflict as a version that no longer matches, and
/// <see cref="MahallaDb"/> reports it as one, a <see cref="DbUpdateConcurrencyException"/>: 409 "changed by someone else"
/// for the API and the pages, and a skipped request for the background jobs.</item>
/// <item>A key that a rule keeps unique (one holiday a day, one council a mahalla…). The use case looks for the key before
/// it saves and refuses with the rule's text; two requests that both looked before either saved (a double click, two
/// administrators) meet the index instead, and <see cref="MahallaDb"/> raises the same rule.</item>
/// </list>
/// </summary>
public static class ConcurrencyGuards
{
    private const string GuardAnnotation = "Mahalla:GuardsConcurrentChanges";
    private const string RuleAnnotation = "Mahalla:RefusesDuplicatesAs";

    // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY: SQLite's extended result codes for a broken unique index.
    private const int SqliteUniqueViolation = 2067;
    private const int SqlitePrimaryKeyViolation = 1555;

    /// <summary>Marks a unique index whose violation means that someone else changed the aggregate first.</summary>
    public static IndexBuilder<T> GuardsConcurrentChanges<T>(this IndexBuilder<T> index) => index.HasAnnotation(GuardAnnotation, true);

    /// <summary>Marks a unique index that a business rule keeps: a duplicate is refused with <paramref name="rule"/> (409).</summary>
    public static IndexBuilder<T> RefusesDuplicatesAs<T>(this IndexBuilder<T> index, string rule) => index.HasAnnotation(RuleAnnotation, rule);

    /// <inheritdoc cref="RefusesDuplicatesAs{T}(IndexBuilder{T}, string)"/>
    public static KeyBuilder RefusesDuplicatesAs(this KeyBuilder key, string rule) => key.HasAnnotation(RuleAnnotation, rule);

    /// <summary>
    /// Whether a save failed on a unique index: the same thing was saved between the check that looked for it and this
    /// save. An index without a meaning of its own (<see cref="Refusal"/>) reaches the error handler, which answers 409
    /// <c>rule.saved_meanwhile</c>, not a 500.
    /// </summary>
    public static bool IsUniqueViolation(DbUpdateException failure) => failure.InnerException is
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } or SqliteException { SqliteExtendedErrorCode: SqliteUniqueViolation or SqlitePrimaryKeyViolation };

    /// <summary>
    /// What the failed save's broken index means, as the exception to raise instead: a concurrency conflict for a guarding
    /// index, the rule's refusal for a rule's key; null for any other failure.
    /// </summary>
    internal static Exception? Refusal(DbUpdateException failure, IModel model) => Broken(failure, model) switch
    {
        { } broken when broken.FindAnnotation(GuardAnnotation)?.Value is true =>
            new DbUpdateConcurrencyException("Someone else changed the same record first: " + failure.InnerException?.Message, failure),
        { } broken when broken.FindAnnotation(RuleAnnotation)?.Value is string rule => new BusinessRuleException(rule, failure),
        _ => null,
    };

    /// <summary>The annotated index or key that the save broke: PostgreSQL names it; SQLite names its table and columns.</summary>
    private static IReadOnlyAnnotatable? Broken(DbUpdateException failure, IModel model)
    {
        if (!IsUniqueViolation(failure))
        {
            return null;
        }

        var postgres = failure.InnerException as PostgresException;
        var message = failure.InnerException!.Message;
        foreach (var entity in model.GetEntityTypes())
        {
            var indexes = entity.GetDeclaredIndexes().Select(i => (Meaning: (IReadOnlyAnnotatable)i, Name: i.GetDatabaseName(), i.Properties));
            var keys = entity.GetDeclaredKeys().Select(k => (Meaning: (IReadOnlyAnnotatable)k, Name: k.GetName(), k.Properties));
            foreach (var (meaning, name, properties) in indexes.Concat(keys))
            {
                if (meaning.FindAnnotation(GuardAnnotation) is null && meaning.FindAnnotation(RuleAnnotation) is null)
                {
                    continue;
                }

                if (postgres is not null ? name == postgres.ConstraintName : message.Contains(SqliteConstraint(entity, properties), StringComparison.Ordinal))
                {
                    return meaning;
                }
            }
        }

        return null;
    }

    // As SQLite's message lists them, to the closing quote: "UNIQUE constraint failed: appeal_events.AppealId, appeal_events.Sequence'".
    private static string SqliteConstraint(IEntityType entity, IReadOnlyList<IProperty> properties) =>
        "UNIQUE constraint failed: " + string.Join(", ", properties.Select(p => $"{entity.GetTableName()}.{p.GetColumnName()}")) + "'";
}
