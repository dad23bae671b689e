using Mahalla.Web.Modules.Territories.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mahalla.Web.Platform.Database.Migrations;

/// <summary>
/// A mahalla's name key (M0020) folded the case of ASCII letters only, so "Bogʻbon", "Bog'bon" and "Bog‘bon" were three
/// names, and one district could hold all three: mahallas that a citizen cannot tell apart. The key now writes every
/// apostrophe that people type for the sign of oʻ and gʻ as that sign, ʻ (ADR 0084). The keys of the mahallas that exist
/// are made again the same way, and a mahalla whose name now meets an earlier one of its district keeps its name while
/// its key gets its id, as M0020 did for the twins it found.
/// </summary>
[DbContext(typeof(MahallaDb))]
[Migration("20261124000021_MahallaNameApostrophes")]
public sealed class M0021_MahallaNameApostrophes : MahallaMigration
{
    // Territory.Apostrophes as this migration was written: the key must not change when that list does.
    private const string Apostrophes = "'`\u00B4\u02B9\u02BC\u02BD\u2018\u2019\u201B\u2032";

    protected override void Up(MigrationBuilder m) => Rekey(m, Apostrophes);

    protected override void Down(MigrationBuilder m) => Rekey(m, "");

    /// <summary>Gives every mahalla the key of its name with <paramref name="apostrophes"/> written ʻ, and keeps the keys of a district apart.</summary>
    private void Rekey(MigrationBuilder m, string apostrophes)
    {
        var territories = Table("territories", "territories");
        string Quoted(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
        // ASCII letters in capitals: SQLite's upper folds ASCII only; PostgreSQL's folds every script, so it maps letters itself.
        var key = S("territories") is null
            ? "upper(" + apostrophes.Aggregate("\"NameUzLatn\"", (sql, c) => $"replace({sql}, {Quoted(c.ToString())}, 'ʻ')") + ")"
            : $"translate(\"NameUzLatn\", {Quoted("abcdefghijklmnopqrstuvwxyz" + apostrophes)}, {Quoted("ABCDEFGHIJKLMNOPQRSTUVWXYZ" + new string('ʻ', apostrophes.Length))})";
        m.DropIndex("IX_territories_MahallaName", "territories", S("territories"));
        m.Sql($"""UPDATE {territories} SET "NameKey" = {key} WHERE "Kind" = {(int)TerritoryKind.Mahalla}""");
        m.Sql($"""
            UPDATE {territories} SET "NameKey" = substr("NameKey", 1, 150) || ' #' || CAST("Id" AS text)
            WHERE "NameKey" IS NOT NULL AND EXISTS
                (SELECT 1 FROM {territories} AS k WHERE k."ParentId" = territories."ParentId" AND k."NameKey" = territories."NameKey" AND k."Id" < territories."Id")
            """);
        m.CreateIndex("IX_territories_MahallaName", "territories", ["ParentId", "NameKey"], S("territories"), unique: true,
            filter: M0020_UniqueAdministrativeKeys.MahallaNameFilter);
    }
}
