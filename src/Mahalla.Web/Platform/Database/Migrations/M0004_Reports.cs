using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mahalla.Web.Platform.Database.Migrations;

/// <summary>Local problem reports: the place-bound part of a report, photos, support, followers, area alerts, category settings, boundaries.</summary>
[DbContext(typeof(MahallaDb))]
[Migration("20261122000004_Reports")]
public sealed class M0004_Reports : MahallaMigration
{
    protected override void Up(MigrationBuilder m)
    {
        Schema(m, "reports");
        var s = S("reports");
        m.CreateTable("reports", schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Title = t.Column<string>(maxLength: 120, nullable: false),
            Latitude = t.Column<double>(nullable: true),
            Longitude = t.Column<double>(nullable: true),
            Source = t.Column<int>(nullable: false),
            Address = t.Column<string>(maxLength: 300, nullable: true),
            AnswersJson = t.Column<string>(maxLength: 4_000, nullable: false),
            PublicName = t.Column<string>(maxLength: 200, nullable: true),
            Channel = t.Column<int>(nullable: false),
            ClientId = t.Column<Guid>(nullable: true),
            SupporterCount = t.Column<int>(nullable: false),
            CategoryCode = t.Column<string>(maxLength: 40, nullable: false),
            Status = t.Column<int>(nullable: false),
            TerritoryId = t.Column<Guid>(nullable: false),
            TerritoryPath = t.Column<string>(maxLength: 400, nullable: false),
            FiledAtUtc = t.Column<DateTime>(nullable: false),
            UpdatedAtUtc = t.Column<DateTime>(nullable: false),
            IsAnonymous = t.Column<bool>(nullable: false),
            FixedQuestionDueUtc = t.Column<DateTime>(nullable: true),
            FixedQuestionAskedAtUtc = t.Column<DateTime>(nullable: true),
            AppealVersion = t.Column<int>(nullable: false),
            NotifiedVersion = t.Column<int>(nullable: false),
            RowVersion = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_reports", x => x.Id));
        m.CreateIndex("IX_reports_Latitude_Longitude", "reports", ["Latitude", "Longitude"], s);
        m.CreateIndex("IX_reports_CategoryCode_Status", "reports", ["CategoryCode", "Status"], s);
        m.CreateIndex("IX_reports_FiledAtUtc", "reports", "FiledAtUtc", s);
        m.CreateIndex("IX_reports_TerritoryPath", "reports", "TerritoryPath", s);
        m.CreateIndex("IX_reports_Status_FixedQuestionDueUtc", "reports", ["Status", "FixedQuestionDueUtc"], s);

        m.CreateTable("report_photos", schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            ReportId = t.Column<Guid>(nullable: false),
            Position = t.Column<int>(nullable: false),
            ContentType = t.Column<string>(maxLength: 40, nullable: false),
            Content = t.Column<byte[]>(nullable: false),
            CreatedAtUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_report_photos", x => x.Id));
        m.CreateIndex("IX_report_photos_ReportId", "report_photos", "ReportId", s);

        m.CreateTable("report_supporters", schema: s, columns: t => new
        {
            ReportId = t.Column<Guid>(nullable: false),
            UserId = t.Column<Guid>(nullable: false),
            AtUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_report_supporters", x => new { x.ReportId, x.UserId }));

        m.CreateTable("report_followers", schema: s, columns: t => new
        {
            ReportId = t.Column<Guid>(nullable: false),
            UserId = t.Column<Guid>(nullable: false),
            AtUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_report_followers", x => new { x.ReportId, x.UserId }));
        m.CreateIndex("IX_report_followers_UserId", "report_followers", "UserId", s);

        m.CreateTable("report_area_alerts", schema: s, columns: t => new
        {
            UserId = t.Column<Guid>(nullable: false),
            TerritoryId = t.Column<Guid>(nullable: false),
            TerritoryPath = t.Column<string>(maxLength: 400, nullable: false),
            AtUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_report_area_alerts", x => new { x.UserId, x.TerritoryId }));
        m.CreateIndex("IX_report_area_alerts_TerritoryPath", "report_area_alerts", "TerritoryPath", s);

        m.CreateTable("report_categories", schema: s, columns: t => new
        {
            CategoryCode = t.Column<string>(maxLength: 40, nullable: false),
            IsReportable = t.Column<bool>(nullable: false),
            NearbyRadiusMeters = t.Column<int>(nullable: false),
            Realtime = t.Column<bool>(nullable: false),
            QuestionsJson = t.Column<string>(maxLength: 20_000, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_report_categories", x => x.CategoryCode));

        m.CreateTable("territory_boundaries", schema: s, columns: t => new
        {
            TerritoryId = t.Column<Guid>(nullable: false),
            GeoJson = t.Column<string>(maxLength: 2_000_000, nullable: false),
            MinLatitude = t.Column<double>(nullable: false),
            MinLongitude = t.Column<double>(nullable: false),
            MaxLatitude = t.Column<double>(nullable: false),
            MaxLongitude = t.Column<double>(nullable: false),
            ImportedAtUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_territory_boundaries", x => x.TerritoryId));
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "territory_boundaries", "report_categories", "report_area_alerts", "report_followers", "report_supporters", "report_photos", "reports" })
        {
            m.DropTable(table, S("reports"));
        }
    }
}
