using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Npgsql;

namespace Mahalla.Web.Platform.Database;

/// <summary>
/// Unique indexes that guard an aggregate against two changes made from the same state (ADR 0080). A request's events are
/// numbered by the request's version, so two transitions that loaded the same version both write event number n + 1: the
/// second one's insert breaks the index before its update of the request, whose version it checks, is sent (EF Core sends
/// <c>appeal_events</c> before <c>appeals</c>). That is the same conflict as a version that no longer matches, and
/// <see cref="MahallaDb"/> reports it as one, a <see cref="DbUpdateConcurrencyException"/>: 409 "changed by someone else"
/// for the API and the pages, and a skipped request for the background jobs, where it was a 500 and a failed run.
/// </summary>
public static class ConcurrencyGuards
{
    private const string Annotation = "Mahalla:GuardsConcurrentChanges";

    // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY: SQLite's extended result codes for a broken unique index.
    private const int SqliteUniqueViolation = 2067;
    private const int SqlitePrimaryKeyViolation = 1555;

    /// <summary>Marks a unique index whose violation means that someone else changed the aggregate first.</summary>
    public static IndexBuilder<T> GuardsConcurrentChanges<T>(this IndexBuilder<T> index) => index.HasAnnotation(Annotation, true);

    /// <summary>
    /// Whether a save failed on a unique index: the same thing was saved between the check that looked for it and this
    /// save, by a second press of a button or by a colleague. The app checks every such key before it saves, so when this
    /// reaches the error handler it is a race, answered with 409 <c>rule.saved_meanwhile</c>, not a 500.
    /// </summary>
    public static bool IsUniqueViolation(DbUpdateException failure) => failure.InnerException is
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } or SqliteException { SqliteExtendedErrorCode: SqliteUniqueViolation or SqlitePrimaryKeyViolation };

    /// <summary>Whether the failed save broke a guarding index: PostgreSQL names the index; SQLite names its table and columns.</summary>
    internal static bool Collided(DbUpdateException failure, IModel model) =>
        IsUniqueViolation(failure) && Guards(model).Any(index => failure.InnerException is PostgresException postgres
            ? index.GetDatabaseName() == postgres.ConstraintName
            : failure.InnerException!.Message.Contains("UNIQUE constraint failed: " + Columns(index), StringComparison.Ordinal));

    private static IEnumerable<IIndex> Guards(IModel model) =>
        model.GetEntityTypes().SelectMany(e => e.GetDeclaredIndexes()).Where(i => i.FindAnnotation(Annotation)?.Value is true);

    // As SQLite's message lists them: "appeal_events.AppealId, appeal_events.Sequence".
    private static string Columns(IIndex index) =>
        string.Join(", ", index.Properties.Select(p => $"{index.DeclaringEntityType.GetTableName()}.{p.GetColumnName()}"));
}
