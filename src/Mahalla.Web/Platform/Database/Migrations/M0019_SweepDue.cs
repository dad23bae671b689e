using Mahalla.Web.Modules.Appeals.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mahalla.Web.Platform.Database.Migrations;

/// <summary>
/// The deadline sweeper runs every minute on every node. Its read asked for open requests past a deadline (the
/// answer's, or the registration's while a request waits for it) and not held at their level, and for answered ones
/// past their confirmation period. No index answers the registration half, so each sweep read every request waiting for
/// registration, and every overdue request held at its level or already at the top one, however few were due. A request
/// now keeps <c>SweepDueUtc</c>, the instant after which the sweeper has something to do with it, set by every
/// transition (<c>Appeal.Record</c>); a partial index holds the requests that have one, and a sweep reads the due ones
/// from it, earliest first, and stops at its batch (ADR 0069). The column is filled here for the requests that exist:
/// the same rule as the entity's, in each database's SQL.
/// </summary>
[DbContext(typeof(MahallaDb))]
[Migration("20261123000019_SweepDue")]
public sealed class M0019_SweepDue : MahallaMigration
{
    /// <summary>The requests the sweeper may have to act on, as the index's condition; its read's <c>&lt;</c> implies it.</summary>
    public const string DueFilter = "\"SweepDueUtc\" IS NOT NULL";

    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<DateTime>("SweepDueUtc", "appeals", nullable: true, schema: S("appeals"));
        var postgres = S("appeals") is not null;
        var table = postgres ? "appeals.appeals" : "\"appeals\"";
        // The earlier deadline while it waits for registration, the answer's after that; not before a hold at its level ends.
        var overdueAfter = $"""CASE WHEN "Status" = {(int)AppealStatus.Submitted} AND "RegistrationDueUtc" < "AnswerDueUtc" THEN "RegistrationDueUtc" ELSE "AnswerDueUtc" END""";
        var escalationDue = postgres
            ? $"""GREATEST({overdueAfter}, "NextEscalationAtUtc")""" // GREATEST skips a null
            : $"""max({overdueAfter}, coalesce("NextEscalationAtUtc", ''))"""; // text in one form, so max is the later instant
        m.Sql($"""
            UPDATE {table} SET "SweepDueUtc" = CASE
                WHEN "Status" = {(int)AppealStatus.Answered} THEN "ConfirmationDueUtc"
                WHEN "EscalationLevel" < {Appeal.MaxEscalationLevel} THEN {escalationDue}
            END
            WHERE "Status" IN ({(int)AppealStatus.Submitted}, {(int)AppealStatus.InProgress}, {(int)AppealStatus.Answered}, {(int)AppealStatus.Reopened})
            """);
        m.CreateIndex("IX_appeals_SweepDue", "appeals", "SweepDueUtc", S("appeals"), filter: DueFilter);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("IX_appeals_SweepDue", "appeals", S("appeals"));
        DropColumn(m, "SweepDueUtc", "appeals", "appeals");
    }
}
