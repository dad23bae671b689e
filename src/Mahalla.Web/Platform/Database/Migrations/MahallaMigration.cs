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

    protected void Schema(MigrationBuilder m, string module)
    {
        if (S(module) is { } schema)
        {
            m.EnsureSchema(schema);
        }
    }
}
