using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mahalla.Web.Platform.Database;

/// <summary>
/// SQLite's built-in <c>lower()</c> folds ASCII letters only, so <c>ToLower()</c> in a query found
/// "karimova" in "Karimova" but not "каримова" in "Каримова", nor "öz" in "Öz". Every connection the
/// app opens replaces it with the invariant culture's lower case, as PostgreSQL's <c>lower()</c> does
/// in a UTF-8 database. No index or constraint uses <c>lower()</c> (the migrations never call it), so
/// nothing stored depends on the built-in's result.
/// </summary>
internal sealed class SqliteUnicodeLower : DbConnectionInterceptor
{
    /// <summary>It keeps no state, so every DbContext shares this one.</summary>
    public static readonly SqliteUnicodeLower Instance = new();

    private SqliteUnicodeLower()
    {
    }

    // Once per connection object EF Core creates: Microsoft.Data.Sqlite keeps the function with it and registers it
    // on the database handle at every open.
    public override DbConnection ConnectionCreated(ConnectionCreatedEventData eventData, DbConnection result)
    {
        if (result is SqliteConnection sqlite)
        {
            sqlite.CreateFunction<string?, string?>("lower", static text => text?.ToLowerInvariant(), isDeterministic: true);
        }

        return result;
    }
}
