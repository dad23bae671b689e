using Mahalla.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Mahalla.Tlog.Bench;

/// <summary>A fresh database for one app: a SQLite file in the work folder, or a new database on the PostgreSQL server.</summary>
internal sealed class Database : IDisposable
{
    private Database(string provider, string connectionString, Action drop)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _drop = drop;
    }

    private readonly Action _drop;

    public string Provider { get; }

    public string ConnectionString { get; }

    public static Database Create(string provider, string? server, string work, string name)
    {
        if (provider == "Sqlite")
        {
            var file = Path.Combine(work, name + ".db");
            foreach (var f in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(f);
            }

            return new Database(provider, $"Data Source={file}", () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                foreach (var f in new[] { file, file + "-wal", file + "-shm" })
                {
                    File.Delete(f);
                }
            });
        }

        var database = "mahalla_tlog_bench_" + name;
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
            using var create = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
            create.ExecuteNonQuery();
        }

        // A small pool, as advised for 2-core machines (docs/benchmarks.md).
        var cs = new NpgsqlConnectionStringBuilder(server) { Database = database, MaxPoolSize = 16 }.ConnectionString;
        return new Database(provider, cs, () =>
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(server);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
        });
    }

    /// <summary>The database's size on disk, for the report.</summary>
    public long SizeBytes()
    {
        if (Provider == "Sqlite")
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource;
            return new[] { file, file + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);
        }

        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var size = new NpgsqlCommand("SELECT pg_database_size(current_database())", connection);
        return (long)size.ExecuteScalar()!;
    }

    public void Dispose() => _drop();
}

/// <summary>Helpers shared by the parts.</summary>
internal static class EfExtensions
{
    public static bool IsPostgres(this MahallaDb db) => db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;
}
