using Mahalla.Web.Modules.Accounts.Data;
using Mahalla.Web.Modules.Calendar;
using Mahalla.Web.Modules.Demo;
using Mahalla.Web.Modules.Territories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mahalla.Web.Platform.Database;

/// <summary>
/// Start-up: apply migrations, then fill an empty database with the reference data every
/// installation needs (territories, categories, roles, holidays, default deadlines) and, unless
/// <c>Demo:Enabled=false</c>, the demo data. Safe to run on several nodes at once: the first to
/// insert wins and the others find the data present.
/// </summary>
public static class Seeding
{
    public static async Task MigrateAndSeedAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<MahallaDb>();
        if (db.Database.IsSqlite())
        {
            // Before anything else opens the file: a new database is created in WAL mode, and one created in another mode
            // is turned to WAL (ADR 0014's group commit and ADR 0064's readers assume it).
            await SqlitePragmas.UseWriteAheadLogAsync(db, services.GetRequiredService<ILogger<MahallaDb>>());
        }
        else
        {
            // On a new PostgreSQL database EF Core reads the migrations' history before it creates the history table, and
            // logs that read's failure as an error (dotnet/efcore#37328): created first, with EF Core's own statement, it is
            // never missed.
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync();
        }

        await db.Database.MigrateAsync();
        try
        {
            await SeedReferenceDataAsync(db, services.GetRequiredService<TimeProvider>());
            await Modules.Reports.Data.ReportSeed.SeedCategoriesAsync(db, CancellationToken.None);
            if (app.Configuration.GetValue("Demo:Enabled", true))
            {
                await services.GetRequiredService<DemoData>().SeedAsync(CancellationToken.None);
            }
        }
        catch (Exception e) when (e is DbUpdateException || e.InnerException is DbUpdateException)
        {
            // Another node seeding at the same moment wins (a key a rule keeps unique fails as the rule, ADR 0081); anything
            // else is a real failure.
            db.ChangeTracker.Clear();
            if (!await db.Territories.AnyAsync())
            {
                throw;
            }
        }

        ReadinessFlag.Ready = true;
    }

    public static async Task SeedReferenceDataAsync(MahallaDb db, TimeProvider clock)
    {
        if (await db.Territories.AnyAsync())
        {
            return;
        }

        db.Territories.AddRange(TerritorySeed.RegionsAndDistricts());
        db.Categories.AddRange(TerritoriesModule.Catalogue());
        foreach (var role in Roles.All)
        {
            db.Roles.Add(new Role(role));
        }

        var year = clock.GetUtcNow().Year;
        db.Holidays.AddRange(CalendarSeed.Holidays(year - 1, year + 3));
        db.DeadlinePolicies.Add(CalendarSeed.DefaultPolicy());
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }
}

/// <summary>Set once migrations and seeding finished; <c>GET /health</c> answers 503 until then.</summary>
public static class ReadinessFlag
{
    public static volatile bool Ready;
}
