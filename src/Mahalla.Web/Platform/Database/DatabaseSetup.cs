using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Npgsql;
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
        services.AddSingleton(connections);
        services.AddDbContext<MahallaDb>((sp, options) =>
        {
            // Modules hook into the unit of work here (e.g. the transparency log records events in the same transaction).
            options.AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>());
            if (connections.IsPostgres)
            {
                options.UseNpgsql(connections.ConnectionString);
            }
            else
            {
                options.UseSqlite(connections.ConnectionString, sqlite => sqlite.CommandTimeout(30));
                options.AddInterceptors(sp.GetRequiredService<SqliteWriteGate>());
            }
        });
        services.AddSingleton<SqliteWriteGate>();
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
public sealed class DatabaseConnections
{
    private DatabaseConnections(string connectionString, bool isPostgres)
    {
        ConnectionString = connectionString;
        IsPostgres = isPostgres;
    }

    public string ConnectionString { get; }

    public bool IsPostgres { get; }

    /// <summary>A new, closed connection (opened from the pool).</summary>
    public DbConnection Create() => IsPostgres ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);

    /// <summary><c>Database:Provider</c> = <c>Sqlite</c> (default: a file under <c>data/</c>) or <c>Postgres</c>; connection string <c>ConnectionStrings:Mahalla</c>.</summary>
    public static DatabaseConnections From(IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = configuration["Database:Provider"] ?? "Sqlite";
        var connectionString = configuration.GetConnectionString("Mahalla");
        if (provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase) || provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase))
        {
            return new DatabaseConnections(connectionString ?? throw new InvalidOperationException("ConnectionStrings:Mahalla is required for PostgreSQL."), true);
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

        return new DatabaseConnections(connectionString, false);
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
