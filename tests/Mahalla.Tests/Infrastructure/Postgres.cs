using Npgsql;

namespace Mahalla.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests use: <c>MAHALLA_TEST_POSTGRES</c> (set by test.sh, which starts a
/// throwaway cluster). Each test app gets its own fresh database. Without the variable the
/// PostgreSQL tests fail with instructions — they are never skipped.
/// </summary>
public static class Postgres
{
    public const string Variable = "MAHALLA_TEST_POSTGRES";

    public static string Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } cs ? cs
        : throw new InvalidOperationException($"{Variable} is not set. Run ./test.sh, which installs and starts PostgreSQL, or point {Variable} at a server.");

    public static string CreateDatabase()
    {
        var name = "mahalla_test_" + Guid.NewGuid().ToString("N")[..12];
        using var connection = new NpgsqlConnection(Server);
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        command.ExecuteNonQuery();
        return new NpgsqlConnectionStringBuilder(Server) { Database = name, MaxPoolSize = 20 }.ConnectionString;
    }

    public static void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(Server);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }
}
