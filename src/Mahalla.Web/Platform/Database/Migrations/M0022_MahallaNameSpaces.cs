using Mahalla.Web.Modules.Territories.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mahalla.Web.Platform.Database.Migrations;

/// <summary>
/// A mahalla's name key (M0021) kept the spaces of its name as typed, so "Bogʻbon mahallasi", "Bogʻbon  mahallasi" and
/// "Bogʻbon mahallasi" with a no-break space were three names that one district could hold (ADR 0087). The key now reads
/// every white space as a space, every run of them as one, and none at the ends. The keys of the mahallas that exist are
/// made again the same way; a mahalla whose name now meets an earlier one of its district keeps its name while its key
/// gets its id, as M0020 and M0021 did for the twins they found. Down gives M0021's keys back.
/// </summary>
[DbContext(typeof(MahallaDb))]
[Migration("20261125000022_MahallaNameSpaces")]
public sealed class M0022_MahallaNameSpaces : MahallaMigration
{
    // Territory.Apostrophes and Territory.Spaces as this migration was written: the key must not change when they do.
    private const string Apostrophes = "'`\u00B4\u02B9\u02BC\u02BD\u2018\u2019\u201B\u2032";
    private const string Spaces = "\t\n\u000B\u000C\r \u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000";

    // A name is at most 200 characters (AdminInput.NameLength); each pass halves a run of spaces, so 9 passes leave one of 512.
    private const int Halvings = 9;

    protected override void Up(MigrationBuilder m) => Rekey(m, Spaces);

    protected override void Down(MigrationBuilder m) => Rekey(m, "");

    /// <summary>
    /// Gives every mahalla the key of its name, its apostrophes written ʻ and, with <paramref name="spaces"/>, those read as
    /// single spaces with none at the ends; then keeps the keys of a district apart.
    /// </summary>
    private void Rekey(MigrationBuilder m, string spaces)
    {
        var territories = Table("territories", "territories");
        var postgres = S("territories") is not null;
        string Quoted(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
        string Char(char c) => postgres ? $"chr({(int)c})" : $"char({(int)c})";
        // Characters other than printable ASCII and ʻ are written by their code, so that the statement stays plain text.
        string Literal(string text)
        {
            var parts = new List<string>();
            var printable = "";
            foreach (var c in text)
            {
                if (c is > ' ' and < '\u007F' or 'ʻ')
                {
                    printable += c;
                    continue;
                }

                if (printable.Length > 0)
                {
                    parts.Add(Quoted(printable));
                    printable = "";
                }

                parts.Add(Char(c));
            }

            return string.Join(" || ", printable.Length > 0 ? [.. parts, Quoted(printable)] : parts);
        }

        string key;
        if (postgres)
        {
            // ASCII letters in capitals: PostgreSQL's upper folds every script, so translate maps the letters itself.
            var from = Literal("abcdefghijklmnopqrstuvwxyz" + Apostrophes + spaces);
            var to = Literal("ABCDEFGHIJKLMNOPQRSTUVWXYZ" + new string('ʻ', Apostrophes.Length) + new string(' ', spaces.Length));
            key = $"translate(\"NameUzLatn\", {from}, {to})";
            key = spaces.Length == 0 ? key : $"btrim(regexp_replace({key}, ' {{2,}}', ' ', 'g'), ' ')";
        }
        else
        {
            // SQLite's upper folds ASCII letters only, as the key does.
            key = Apostrophes.Aggregate("\"NameUzLatn\"", (sql, c) => $"replace({sql}, {Literal(c.ToString())}, 'ʻ')");
            key = spaces.Where(c => c != ' ').Aggregate(key, (sql, c) => $"replace({sql}, {Literal(c.ToString())}, ' ')");
            key = $"upper({key})";
            key = spaces.Length == 0 ? key : $"trim({Enumerable.Range(0, Halvings).Aggregate(key, (sql, _) => $"replace({sql}, '  ', ' ')")}, ' ')";
        }

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
