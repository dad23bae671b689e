using Microsoft.EntityFrameworkCore.Migrations;

namespace Mahalla.Web.Platform.Database.Migrations;

/// <summary>
/// Base of our hand-written migrations (there is no EF design-time tooling here). Columns are
/// declared by CLR type, length and nullability only, so each provider picks its own store type;
/// schemas exist on PostgreSQL only. A test migrates empty SQLite and PostgreSQL databases and
/// compares the result with the schema the model itself would create.
/// </summary>
public abstract class MahallaMigration : Migration
{
    protected string? S(string module) => ActiveProvider?.Contains("Npgsql", StringComparison.Ordinal) == true ? module : null;

    /// <summary>
    /// Drops a column of a module's table. EF Core's SQLite migrations refuse <c>DropColumn</c> without a target model,
    /// which hand-written migrations do not have; SQLite itself drops a column that no index or constraint names.
    /// </summary>
    protected void DropColumn(MigrationBuilder m, string column, string table, string module)
    {
        if (S(module) is { } schema)
        {
            m.DropColumn(column, table, schema);
        }
        else
        {
            m.Sql($"ALTER TABLE \"{table}\" DROP COLUMN \"{column}\"");
        }
    }

    /// <summary>A module's table as SQL names it: in the module's schema on PostgreSQL.</summary>
    protected string Table(string table, string module) => S(module) is { } schema ? $"{schema}.{table}" : $"\"{table}\"";

    protected void Schema(MigrationBuilder m, string module)
    {
        if (S(module) is { } schema)
        {
            m.EnsureSchema(schema);
        }
    }
}
