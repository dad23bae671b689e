using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using System.Collections.Concurrent;
using System.Data.Common;

namespace Mahalla.Web.Platform.Database;

public static class DatabaseSetup
{
    /// <summary>
    /// <c>Database:Provider</c> = <c>Sqlite</c> (default: a file under <c>data/</c>) or <c>Postgres</c>;
    /// connection string <c>ConnectionStrings:Mahalla</c>.
    /// </summary>
    public static IServiceCollection AddMahallaDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var connections = DatabaseConnections.From(configuration, environment);
        services.AddSingleton(_ => connections); // created by a factory, so the container disposes it (its kept-open SQLite reads)
        // DbContexts come from a pool and their options are built once (ADR 0018): building both for every request
        // scope was about 7% of an inbox page's CPU. So every interceptor is a singleton, and one that needs a
        // scope's state keeps it beside that scope's DbContext and forgets it when the scope ends.
        services.AddDbContextPool<MahallaDb>((sp, options) =>
        {
            // Modules hook into the unit of work here (e.g. the transparency log records events in the same transaction).
            options.AddInterceptors(sp.GetServices<IInterceptor>());
            // A failed statement or save is logged by EF Core as an error before anyone has seen what it was. Most are a
            // race that the app answers with 409 (ADR 0080, ADR 0081); one that is not reaches the error handler or the
            // background job, which log it as an error with its exception. So EF Core's own line is a warning.
            options.ConfigureWarnings(w => w.Log(
                (CoreEventId.SaveChangesFailed, LogLevel.Warning),
                (RelationalEventId.CommandError, LogLevel.Warning)));
            if (connections.IsPostgres)
            {
                options.UseNpgsql(connections.ConnectionString);
            }
            else
            {
                options.UseSqlite(connections.ConnectionString, sqlite => sqlite.CommandTimeout(30));
                options.AddInterceptors(sp.GetRequiredService<SqliteWriteGate>(), SqliteUnicodeLower.Instance, sp.GetRequiredService<SqlitePragmas>());
            }
        });
        services.AddSingleton<SqliteWriteGate>();
        services.AddSingleton(_ => new SqlitePragmas(connections.SqliteCacheKib));
        services.AddSingleton<GroupCommit>();
        services.AddSingleton<IXmlRepository, DatabaseKeyRepository>();
        services.AddDataProtection().SetApplicationName("Mahalla");
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((options, sp) => options.XmlRepository = sp.GetRequiredService<IXmlRepository>());
        return services;
    }
}

/// <summary>
/// The configured database, for EF Core and for the few read paths that go to ADO.NET directly
/// (ADR 0012). Both draw from the same pool: Npgsql and Microsoft.Data.Sqlite pool connections by
/// connection string.
/// </summary>
public sealed class DatabaseConnections : IDisposable
{
    private const int MaxIdleSqliteReads = 8;
    private readonly ConcurrentBag<PreparedSqliteReads> _idleSqliteReads = [];
    private volatile bool _disposed;

    private readonly string _keyedReads;

    private DatabaseConnections(string connectionString, bool isPostgres, int sqliteCacheKib = 0)
    {
        ConnectionString = connectionString;
        IsPostgres = isPostgres;
        SqliteCacheKib = sqliteCacheKib;
        _keyedReads = isPostgres ? PostgresConnectionDefaults.ForKeyedReads(connectionString) : connectionString;
    }

    public string ConnectionString { get; }

    /// <summary>SQLite only: the page cache in KiB of each connection EF Core opens (ADR 0064; 0: SQLite's default of 2 MiB).</summary>
    public int SqliteCacheKib { get; }

    public bool IsPostgres { get; }

    /// <summary>
    /// A new, closed connection for hand-written reads by a unique key (opened from the pool). On PostgreSQL it comes
    /// from a pool of its own whose sessions plan each prepared statement once (ADR 0077).
    /// </summary>
    public DbConnection CreateForKeyedReads() => IsPostgres ? new NpgsqlConnection(_keyedReads) : new SqliteConnection(ConnectionString);

    /// <summary>
    /// SQLite only: an open connection whose statements stay prepared between uses (Microsoft.Data.Sqlite
    /// prepares a statement per command, so a new command parses and plans its SQL every time). Give it
    /// back with <see cref="Return"/> when done, or dispose it after a failure.
    /// </summary>
    public PreparedSqliteReads RentSqliteReads()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _idleSqliteReads.TryTake(out var reads) ? reads : new PreparedSqliteReads(ConnectionString);
    }

    /// <summary>
    /// SQLite only: runs <paramref name="sql"/> (prepared once per kept-open connection) with one value per name in
    /// <paramref name="parameters"/> and reads its rows with <paramref name="read"/>. The connection goes back to the
    /// idle ones after, or is disposed after a failure.
    /// </summary>
    public async Task<T> ReadSqliteAsync<T>(string sql, (string Name, object Value)[] parameters, Func<DbDataReader, Task<T>> read, CancellationToken ct)
    {
        var reads = RentSqliteReads();
        try
        {
            var command = reads.Command(sql, parameters);
            for (var i = 0; i < parameters.Length; i++)
            {
                command.Parameters[i].Value = parameters[i].Value;
            }

            T result;
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                result = await read(reader);
            }

            Return(reads);
            return result;
        }
        catch
        {
            reads.Dispose();
            throw;
        }
    }

    public void Return(PreparedSqliteReads reads)
    {
        if (_disposed || _idleSqliteReads.Count >= MaxIdleSqliteReads)
        {
            reads.Dispose();
            return;
        }

        _idleSqliteReads.Add(reads);
        // Disposed while this one was being given back: do not leave it open.
        if (_disposed && _idleSqliteReads.TryTake(out var late))
        {
            late.Dispose();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idleSqliteReads.TryTake(out var reads))
        {
            reads.Dispose();
        }
    }

    /// <summary><c>Database:Provider</c> = <c>Sqlite</c> (default: a file under <c>data/</c>) or <c>Postgres</c>; connection string <c>ConnectionStrings:Mahalla</c>.</summary>
    public static DatabaseConnections From(IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = configuration["Database:Provider"] ?? "Sqlite";
        var connectionString = configuration.GetConnectionString("Mahalla");
        if (provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase) || provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase))
        {
            return new DatabaseConnections(PostgresConnectionDefaults.Apply(connectionString ?? throw new InvalidOperationException("ConnectionStrings:Mahalla is required for PostgreSQL.")), true);
        }

        if (!provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{provider}'.");
        }

        if (connectionString is null)
        {
            var folder = Path.Combine(environment.ContentRootPath, "data");
            Directory.CreateDirectory(folder);
            connectionString = $"Data Source={Path.Combine(folder, "mahalla.db")}";
        }

        var cacheKib = configuration.GetValue<int?>("Database:SqliteCacheKib") ?? SqlitePragmas.DefaultCacheKib;
        return new DatabaseConnections(connectionString, false, Math.Max(0, cacheKib));
    }
}

/// <summary>An open SQLite connection with its read commands prepared once, by SQL text (ADR 0012).</summary>
public sealed class PreparedSqliteReads : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    // SQLite's default page cache (2 MiB), not the app's larger one (ADR 0064): these connections look up single rows by
    // key, which the default holds the path to, and up to eight of them stay open, each filling its cache with rows
    // that it will rarely read again.
    // Outside Microsoft.Data.Sqlite's pool (this class pools them itself), so that EF Core never gets one of these handles
    // and these never get a handle EF Core has enlarged.
    internal PreparedSqliteReads(string connectionString)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        _connection.Open();
    }

    /// <summary>The prepared command for <paramref name="sql"/>, with one parameter per name in <paramref name="parameters"/>.</summary>
    public SqliteCommand Command(string sql, (string Name, object Value)[] parameters)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, _) in parameters)
            {
                command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
            }

            command.Prepare();
            _commands[sql] = command;
        }

        return command;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _connection.Dispose();
    }
}

/// <summary>Stores the data-protection key ring in the database, so every node signs and reads the same cookies and tokens.</summary>
internal sealed class DatabaseKeyRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MahallaDb>();
        return db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToList().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MahallaDb>();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
