using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mahalla.Web.Platform.Database.Migrations;

/// <summary>
/// On PostgreSQL a request's territory path compares by bytes (the "C" collation), whatever the database's own
/// locale: a path is ids and slashes, not words. Under a language's collation a prefix search (<c>LIKE 'path%'</c>)
/// cannot use an index at all, and a range of paths would follow that language's order, so every inbox page of a
/// mahalla or district read all the open requests of the country (ADR 0066). The column's indexes are rebuilt with
/// it; on a large table the change holds the table's lock for as long. SQLite compares text by bytes already.
/// </summary>
[DbContext(typeof(MahallaDb))]
[Migration("20261123000017_TerritoryPathCollation")]
public sealed class M0017_TerritoryPathCollation : MahallaMigration
{
    protected override void Up(MigrationBuilder m)
    {
        if (S("appeals") is { } schema)
        {
            m.AlterColumn<string>("TerritoryPath", "appeals", maxLength: 400, nullable: false, collation: PathRanges.BytewiseCollation, schema: schema,
                oldMaxLength: 400, oldNullable: false);
        }
    }

    protected override void Down(MigrationBuilder m)
    {
        if (S("appeals") is { } schema)
        {
            m.AlterColumn<string>("TerritoryPath", "appeals", maxLength: 400, nullable: false, schema: schema,
                oldMaxLength: 400, oldNullable: false, oldCollation: PathRanges.BytewiseCollation);
        }
    }
}
