using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Platform.Database;

public static class DatabaseSetup
{
    /// <summary>
    /// <c>Database:Provider</c> = <c>Sqlite</c> (default: a file under <c>data/</c>) or <c>Postgres</c>;
    /// connection string <c>ConnectionStrings:Mahalla</c>.
    /// </summary>
    public static IServiceCollection AddMahallaDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = configuration["Database:Provider"] ?? "Sqlite";
        var connectionString = configuration.GetConnectionString("Mahalla");
        services.AddDbContext<MahallaDb>((sp, options) =>
        {
            // Modules hook into the unit of work here (e.g. the transparency log records events in the same transaction).
            options.AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>());
            if (provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase) || provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase))
            {
                options.UseNpgsql(connectionString ?? throw new InvalidOperationException("ConnectionStrings:Mahalla is required for PostgreSQL."));
            }
            else if (provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
            {
                if (connectionString is null)
                {
                    var folder = Path.Combine(environment.ContentRootPath, "data");
                    Directory.CreateDirectory(folder);
                    connectionString = $"Data Source={Path.Combine(folder, "mahalla.db")}";
                }

                options.UseSqlite(connectionString, sqlite => sqlite.CommandTimeout(30));
                options.AddInterceptors(sp.GetRequiredService<SqliteWriteGate>());
            }
            else
            {
                throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{provider}'.");
            }
        });
        services.AddSingleton<SqliteWriteGate>();
        services.AddSingleton<IXmlRepository, DatabaseKeyRepository>();
        services.AddDataProtection().SetApplicationName("Mahalla");
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((options, sp) => options.XmlRepository = sp.GetRequiredService<IXmlRepository>());
        return services;
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
