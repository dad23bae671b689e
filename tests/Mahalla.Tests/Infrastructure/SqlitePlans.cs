using Microsoft.EntityFrameworkCore;

namespace Mahalla.Tests.Infrastructure;

/// <summary>SQLite's query plan of an EF Core query, as the steps of <c>EXPLAIN QUERY PLAN</c> joined by " | ".</summary>
internal static class SqlitePlans
{
    public static async Task<string> ExplainAsync<T>(DbContext db, IQueryable<T> query)
    {
        var sql = query.ToQueryString();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql[sql.IndexOf("SELECT", StringComparison.Ordinal)..];
        // ToQueryString writes the parameters as ".param set @name value" lines before the statement.
        foreach (var line in sql.Split('\n').Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)))
        {
            var parts = line[".param set ".Length..].Split(' ', 2);
            var parameter = command.CreateParameter();
            parameter.ParameterName = parts[0];
            parameter.Value = long.TryParse(parts[1], out var number) ? number : parts[1].Trim().Trim('\'');
            command.Parameters.Add(parameter);
        }

        await using var reader = await command.ExecuteReaderAsync();
        var steps = new List<string>();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(3));
        }

        return string.Join(" | ", steps);
    }
}
