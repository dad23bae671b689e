using Mahalla.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Modules.Reports.Data;

/// <summary>The reports module's tables (schema <c>reports</c> on PostgreSQL), all prefixed <c>report</c> or named for the module.</summary>
internal static class ReportsMapping
{
    public static void Configure(ModelBuilder b, Schemas s)
    {
        var schema = s["reports"];
        b.Entity<Report>(e =>
        {
            e.ToTable("reports", schema);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Title).HasMaxLength(Report.MaxTitleLength);
            e.Property(x => x.Address).HasMaxLength(Report.MaxAddressLength);
            e.Property(x => x.AnswersJson).HasMaxLength(Report.MaxAnswersLength);
            e.Property(x => x.PublicName).HasMaxLength(200);
            e.Property(x => x.CategoryCode).HasMaxLength(40);
            e.Property(x => x.TerritoryPath).HasMaxLength(400);
            e.Property(x => x.RowVersion).IsConcurrencyToken();
            e.HasIndex(x => new { x.Latitude, x.Longitude });
            e.HasIndex(x => new { x.CategoryCode, x.Status });
            e.HasIndex(x => x.FiledAtUtc);
            e.HasIndex(x => x.TerritoryPath);
            e.HasIndex(x => new { x.Status, x.FixedQuestionDueUtc });
        });
        b.Entity<ReportPhoto>(e =>
        {
            e.ToTable("report_photos", schema);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.ContentType).HasMaxLength(40);
            e.HasIndex(x => x.ReportId);
        });
        b.Entity<ReportSupporter>(e =>
        {
            e.ToTable("report_supporters", schema);
            e.HasKey(x => new { x.ReportId, x.UserId });
        });
        b.Entity<ReportFollower>(e =>
        {
            e.ToTable("report_followers", schema);
            e.HasKey(x => new { x.ReportId, x.UserId });
            e.HasIndex(x => x.UserId);
        });
        b.Entity<AreaAlert>(e =>
        {
            e.ToTable("report_area_alerts", schema);
            e.HasKey(x => new { x.UserId, x.TerritoryId });
            e.Property(x => x.TerritoryPath).HasMaxLength(400);
            e.HasIndex(x => x.TerritoryPath);
        });
        b.Entity<ReportCategory>(e =>
        {
            e.ToTable("report_categories", schema);
            e.HasKey(x => x.CategoryCode);
            e.Property(x => x.CategoryCode).HasMaxLength(40);
            e.Property(x => x.QuestionsJson).HasMaxLength(20_000);
            e.Ignore(x => x.Questions);
        });
        b.Entity<PublicMap.ReportMapCell>(e =>
        {
            e.ToTable("report_map_cells", schema);
            e.HasKey(x => new { x.Level, x.Y, x.X, x.CategoryCode, x.Status });
            e.Property(x => x.CategoryCode).HasMaxLength(40);
        });
        b.Entity<TerritoryBoundary>(e =>
        {
            e.ToTable("territory_boundaries", schema);
            e.HasKey(x => x.TerritoryId);
            e.Property(x => x.TerritoryId).ValueGeneratedNever();
            e.Property(x => x.GeoJson).HasMaxLength(TerritoryBoundary.MaxGeoJsonLength);
        });
    }
}
