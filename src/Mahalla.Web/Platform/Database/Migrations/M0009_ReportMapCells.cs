using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mahalla.Web.Platform.Database.Migrations;

/// <summary>The public map's grid of cluster counts (rebuilt from the reports by the reports' watcher).</summary>
[DbContext(typeof(MahallaDb))]
[Migration("20261122000009_ReportMapCells")]
public sealed class M0009_ReportMapCells : MahallaMigration
{
    protected override void Up(MigrationBuilder m)
    {
        Schema(m, "reports");
        m.CreateTable("report_map_cells", schema: S("reports"), columns: t => new
        {
            Level = t.Column<int>(nullable: false),
            Y = t.Column<int>(nullable: false),
            X = t.Column<int>(nullable: false),
            CategoryCode = t.Column<string>(maxLength: 40, nullable: false),
            Status = t.Column<int>(nullable: false),
            Count = t.Column<int>(nullable: false),
            SumLatitude = t.Column<double>(nullable: false),
            SumLongitude = t.Column<double>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_report_map_cells", x => new { x.Level, x.Y, x.X, x.CategoryCode, x.Status }));
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("report_map_cells", S("reports"));
    }
}
