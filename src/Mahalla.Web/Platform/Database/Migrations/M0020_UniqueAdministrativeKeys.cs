using Mahalla.Web.Modules.Organizations.Data;
using Mahalla.Web.Modules.Territories.Data;
using Mahalla.Web.Modules.Triage.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mahalla.Web.Platform.Database.Migrations;

/// <summary>
/// Six rules of the administration pages were kept by a look before the save and by nothing in the database: one holiday
/// a day, one deadline policy for each request type and category, one default routing rule for each category, one council
/// for each mahalla, one mahalla of a name in each district, one triage model waiting for a decision. A double click on
/// "Add", or two administrators at once, both looked before either saved and both saved (ADR 0081). Each now has a unique
/// index. What such races left behind is resolved first, as the app would have:
/// <list type="bullet">
/// <item>a second holiday on a day, a second policy for a scope and a second default route for a category are deleted,
/// the one entered first kept (ids are time-ordered);</item>
/// <item>a second council of a mahalla cannot be deleted, since requests and staff may point to it: it becomes a service
/// organisation of that mahalla, which keeps its work and its staff; the active one, or the first, stays the council;</item>
/// <item>a mahalla that shares its name with an earlier one of its district keeps its name; its key gets its id, so that
/// it stays visible to the administration (which still refuses the name to any new mahalla) without breaking the index;</item>
/// <item>of the triage models waiting for a decision the last trained stays a candidate; the others are discarded, as of
/// the moment it was trained.</item>
/// </list>
/// A deadline policy's type and category become one key that is never null, <c>Scope</c>: a unique index over the two
/// nullable columns would hold any number of policies with a null among them. A mahalla's name is kept by a key of its own,
/// <c>NameKey</c> (EF Core cannot index a column of a complex type such as the name).
/// </summary>
[DbContext(typeof(MahallaDb))]
[Migration("20261124000020_UniqueAdministrativeKeys")]
public sealed class M0020_UniqueAdministrativeKeys : MahallaMigration
{
    /// <summary>A mahalla's council, as the condition of the index that keeps one for each mahalla.</summary>
    public const string CouncilFilter = "\"Kind\" = 1"; // OrganizationKind.Mahalla, stored as its number

    /// <summary>A category's default route (no territory), as the condition of the index that keeps one for each category.</summary>
    public const string CategoryDefaultFilter = "\"TerritoryId\" IS NULL";

    /// <summary>A triage model waiting for a decision (<c>ModelStatus.Candidate</c>), as the condition of the index that keeps one.</summary>
    public const string CandidateFilter = "\"Status\" = 1"; // ModelStatus.Candidate, stored as its number

    /// <summary>Mahallas (only they have a name key), as the condition of the index that keeps their names apart.</summary>
    public const string MahallaNameFilter = "\"NameKey\" IS NOT NULL";

    protected override void Up(MigrationBuilder m)
    {
        var holidays = Table("holidays", "calendar");
        m.Sql($"""
            DELETE FROM {holidays} WHERE EXISTS
                (SELECT 1 FROM {holidays} AS k WHERE k."Date" = holidays."Date" AND k."Id" < holidays."Id")
            """);
        m.DropIndex("IX_holidays_Date", "holidays", S("calendar"));
        m.CreateIndex("IX_holidays_Date", "holidays", "Date", S("calendar"), unique: true);

        var policies = Table("deadline_policies", "calendar");
        m.AddColumn<string>("Scope", "deadline_policies", maxLength: 61, nullable: false, defaultValue: "", schema: S("calendar"));
        m.Sql($"""UPDATE {policies} SET "Scope" = coalesce("RequestType", '*') || ':' || coalesce("CategoryCode", '*')""");
        if (S("calendar") is not null)
        {
            // The model has no default; the one AddColumn needed to fill the rows goes (SQLite cannot drop it without a rebuild).
            m.Sql($"""ALTER TABLE {policies} ALTER COLUMN "Scope" DROP DEFAULT""");
        }

        m.Sql($"""
            DELETE FROM {policies} WHERE EXISTS
                (SELECT 1 FROM {policies} AS k WHERE k."Scope" = deadline_policies."Scope" AND k."Id" < deadline_policies."Id")
            """);
        m.CreateIndex("IX_deadline_policies_Scope", "deadline_policies", "Scope", S("calendar"), unique: true);

        var routes = Table("routing_rules", "organizations");
        m.Sql($"""
            DELETE FROM {routes} WHERE "TerritoryId" IS NULL AND EXISTS
                (SELECT 1 FROM {routes} AS k WHERE k."TerritoryId" IS NULL AND k."CategoryCode" = routing_rules."CategoryCode" AND k."Id" < routing_rules."Id")
            """);
        m.CreateIndex("IX_routing_rules_CategoryDefault", "routing_rules", "CategoryCode", S("organizations"), unique: true, filter: CategoryDefaultFilter);

        var organizations = Table("organizations", "organizations");
        m.Sql($"""
            UPDATE {organizations} SET "Kind" = {(int)OrganizationKind.ServiceProvider}
            WHERE "Kind" = {(int)OrganizationKind.Mahalla} AND EXISTS
                (SELECT 1 FROM {organizations} AS k WHERE k."Kind" = {(int)OrganizationKind.Mahalla} AND k."TerritoryId" = organizations."TerritoryId"
                    AND (k."IsActive" AND NOT organizations."IsActive" OR k."IsActive" = organizations."IsActive" AND k."Id" < organizations."Id"))
            """);
        m.CreateIndex("IX_organizations_Council", "organizations", "TerritoryId", S("organizations"), unique: true, filter: CouncilFilter);

        // Territory.KeyOf: ASCII letters in capitals. SQLite's upper folds ASCII only; PostgreSQL's folds every script.
        var territories = Table("territories", "territories");
        m.AddColumn<string>("NameKey", "territories", maxLength: 200, nullable: true, schema: S("territories"));
        var key = S("territories") is null ? "upper(\"NameUzLatn\")" : "translate(\"NameUzLatn\", 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')";
        m.Sql($"""UPDATE {territories} SET "NameKey" = {key} WHERE "Kind" = {(int)TerritoryKind.Mahalla}""");
        m.Sql($"""
            UPDATE {territories} SET "NameKey" = substr("NameKey", 1, 150) || ' #' || CAST("Id" AS text)
            WHERE "NameKey" IS NOT NULL AND EXISTS
                (SELECT 1 FROM {territories} AS k WHERE k."ParentId" = territories."ParentId" AND k."NameKey" = territories."NameKey" AND k."Id" < territories."Id")
            """);
        m.CreateIndex("IX_territories_MahallaName", "territories", ["ParentId", "NameKey"], S("territories"), unique: true, filter: MahallaNameFilter);

        var models = Table("triage_models", "triage");
        m.Sql($"""
            UPDATE {models} SET "Status" = {(int)ModelStatus.Discarded}, "Version" = "Version" + 1,
                "DecidedAtUtc" = (SELECT k."CreatedAtUtc" FROM {models} AS k WHERE k."Status" = {(int)ModelStatus.Candidate} ORDER BY k."Id" DESC LIMIT 1)
            WHERE "Status" = {(int)ModelStatus.Candidate} AND EXISTS
                (SELECT 1 FROM {models} AS k WHERE k."Status" = {(int)ModelStatus.Candidate} AND k."Id" > triage_models."Id")
            """);
        m.CreateIndex("IX_triage_models_OneCandidate", "triage_models", "Status", S("triage"), unique: true, filter: CandidateFilter);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("IX_triage_models_OneCandidate", "triage_models", S("triage"));
        m.DropIndex("IX_territories_MahallaName", "territories", S("territories"));
        DropColumn(m, "NameKey", "territories", "territories");
        m.DropIndex("IX_organizations_Council", "organizations", S("organizations"));
        m.DropIndex("IX_routing_rules_CategoryDefault", "routing_rules", S("organizations"));
        m.DropIndex("IX_deadline_policies_Scope", "deadline_policies", S("calendar"));
        DropColumn(m, "Scope", "deadline_policies", "calendar");
        m.DropIndex("IX_holidays_Date", "holidays", S("calendar"));
        m.CreateIndex("IX_holidays_Date", "holidays", "Date", S("calendar"));
    }
}
