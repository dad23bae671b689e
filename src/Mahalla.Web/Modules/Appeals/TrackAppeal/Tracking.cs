using Mahalla.Web.Modules.Appeals.Data;
using Mahalla.Web.Modules.ReferenceData;
using Mahalla.Web.Platform.Database;
using Mahalla.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Modules.Appeals.TrackAppeal;

public sealed record TrackingStep(string Status, string Kind, DateTime AtUtc);

/// <summary>
/// What anyone holding the tracking number and access code may see: where the request stands and
/// its timeline. No text, no names, no reasons — nothing personal.
/// </summary>
public sealed record TrackingView(
    string TrackingNumber, string Type, string Category, string Status, string ResponsibleOrganization, int EscalationLevel,
    int EscalationCount, DateTime FiledAtUtc, DateTime RegistrationDueUtc, DateTime AnswerDueUtc, int Version, IReadOnlyList<TrackingStep> Timeline);

/// <remarks>
/// One round trip per look-up, and the busiest public read, so it goes to ADO.NET directly (ADR 0012):
/// one statement reads the few columns the view shows and the timeline (never the request's text or
/// answer) without building a DbContext; the names of the organisation and the category come from the
/// node's reference-data copy (ADR 0011). The integration suite runs it on SQLite and PostgreSQL.
/// </remarks>
public sealed class Tracking(IServiceProvider services, DatabaseConnections connections, ReferenceCache reference, Texts texts)
{
    private MahallaDb Db => services.GetRequiredService<MahallaDb>();

    /// <summary>Null for a wrong number or code alike, so that guessing reveals nothing.</summary>
    public async Task<TrackingView?> FindAsync(string? trackingNumber, string? code, CancellationToken ct)
    {
        var number = TrackingNumbers.Normalize(trackingNumber);
        if (number is null || string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var a = await TrackingReader.ByNumberAsync(connections, number, ct);
        if (a is null || !AccessCodes.Matches(code, a.AccessCodeHash))
        {
            return null;
        }

        return await ViewAsync(a, ct);
    }

    public async Task<TrackingView?> FindByIdAsync(Guid id, CancellationToken ct) =>
        await TrackingReader.ByIdAsync(connections, id, ct) is { } a ? await ViewAsync(a, ct) : null;

    public async Task<Guid?> IdOfAsync(string? trackingNumber, string? code, CancellationToken ct)
    {
        var number = TrackingNumbers.Normalize(trackingNumber);
        if (number is null || string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var a = await Db.Appeals.AsNoTracking().Where(x => x.TrackingNumber == number).Select(x => new { x.Id, x.AccessCodeHash }).FirstOrDefaultAsync(ct);
        return a is not null && AccessCodes.Matches(code, a.AccessCodeHash) ? a.Id : null;
    }

    private async Task<TrackingView> ViewAsync(TrackedRow a, CancellationToken ct)
    {
        var culture = texts.Culture;
        var data = reference.Current ?? await reference.GetAsync(Db, ct);
        return new TrackingView(a.TrackingNumber, a.Type.Code(), data.Category(a.CategoryCode)?.Name.In(culture) ?? a.CategoryCode, a.Status.Code(),
            data.Organization(a.ResponsibleOrganizationId)?.Name.In(culture) ?? "", a.EscalationLevel, a.EscalationCount, a.FiledAtUtc,
            a.RegistrationDueUtc, a.AnswerDueUtc, a.Version,
            a.Timeline.Select(e => new TrackingStep(e.ToStatus.Code(), AppealEvent.KindCode(e.Kind), e.AtUtc)).ToList());
    }
}

/// <summary>
/// The tracking read in one statement: the request's shown columns joined with its events in order.
/// The table and column names are those of the EF model (<c>ModelMapping.Appeals</c>, migration
/// M0001); GUIDs are upper-case text and instants ISO text on SQLite, as EF Core writes them.
/// </summary>
internal static class TrackingReader
{
    private const string Columns =
        """a."AccessCodeHash", a."TrackingNumber", a."Type", a."CategoryCode", a."Status", a."ResponsibleOrganizationId", a."EscalationLevel", """
        + """a."EscalationCount", a."FiledAtUtc", a."RegistrationDueUtc", a."AnswerDueUtc", a."Version", e."ToStatus", e."Kind", e."AtUtc" """;

    private static string Sql(bool postgres, string key) =>
        $"""SELECT {Columns}FROM {(postgres ? "appeals.appeals" : "appeals")} a LEFT JOIN {(postgres ? "appeals.appeal_events" : "appeal_events")} e ON e."AppealId" = a."Id" WHERE a."{key}" = @key ORDER BY e."Sequence" """;

    private static readonly string[] SqliteSql = [Sql(false, "TrackingNumber"), Sql(false, "Id")];
    private static readonly string[] PostgresSql = [Sql(true, "TrackingNumber"), Sql(true, "Id")];

    public static Task<TrackedRow?> ByNumberAsync(DatabaseConnections connections, string trackingNumber, CancellationToken ct) =>
        ReadAsync(connections, byId: false, trackingNumber, ct);

    public static Task<TrackedRow?> ByIdAsync(DatabaseConnections connections, Guid id, CancellationToken ct) =>
        ReadAsync(connections, byId: true, connections.IsPostgres ? id : id.ToString().ToUpperInvariant(), ct);

    private static async Task<TrackedRow?> ReadAsync(DatabaseConnections connections, bool byId, object key, CancellationToken ct)
    {
        if (!connections.IsPostgres)
        {
            return await ReadSqliteAsync(connections, byId, key, ct);
        }

        await using var connection = connections.CreateForKeyedReads();
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = PostgresSql[byId ? 1 : 0];
        var parameter = command.CreateParameter();
        parameter.ParameterName = "key";
        parameter.Value = key;
        command.Parameters.Add(parameter);
        // Npgsql keeps a prepared statement on the pooled physical connection: parsed and planned once per connection, not per look-up.
        await command.PrepareAsync(ct);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await RowAsync(reader, ct);
    }

    // Microsoft.Data.Sqlite has no statement cache: the statement stays prepared on a kept-open connection instead.
    private static Task<TrackedRow?> ReadSqliteAsync(DatabaseConnections connections, bool byId, object key, CancellationToken ct) =>
        connections.ReadSqliteAsync(SqliteSql[byId ? 1 : 0], [("@key", key)], reader => RowAsync(reader, ct), ct);

    private static async Task<TrackedRow?> RowAsync(System.Data.Common.DbDataReader reader, CancellationToken ct)
    {
        TrackedRow? row = null;
        while (await reader.ReadAsync(ct))
        {
            row ??= new TrackedRow(reader.GetString(0), reader.GetString(1), (AppealType)reader.GetInt32(2), reader.GetString(3),
                (AppealStatus)reader.GetInt32(4), reader.GetGuid(5), reader.GetInt32(6), reader.GetInt32(7), DbValues.Utc(reader, 8), DbValues.Utc(reader, 9),
                DbValues.Utc(reader, 10), reader.GetInt32(11), []);
            if (!reader.IsDBNull(12))
            {
                row.Timeline.Add(new TrackedStep((AppealStatus)reader.GetInt32(12), (EventKind)reader.GetInt32(13), DbValues.Utc(reader, 14)));
            }
        }

        return row;
    }
}
internal sealed record TrackedStep(AppealStatus ToStatus, EventKind Kind, DateTime AtUtc);

internal sealed record TrackedRow(
    string AccessCodeHash, string TrackingNumber, AppealType Type, string CategoryCode, AppealStatus Status, Guid ResponsibleOrganizationId,
    int EscalationLevel, int EscalationCount, DateTime FiledAtUtc, DateTime RegistrationDueUtc, DateTime AnswerDueUtc, int Version,
    List<TrackedStep> Timeline);
