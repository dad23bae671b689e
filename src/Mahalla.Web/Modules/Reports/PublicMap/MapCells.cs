using System.Globalization;
using Mahalla.Web.Modules.Appeals.Data;
using Mahalla.Web.Modules.Reports.Data;
using Mahalla.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Modules.Reports.PublicMap;

/// <summary>
/// How many reports of a category and status lie in one cell of a grid level, and their summed coordinates (so a
/// cluster sits at the reports' centre, not the cell's). The public map reads these when a viewport holds too many
/// reports to show one by one; <see cref="MapCells"/> rebuilds them from the reports.
/// </summary>
public sealed class ReportMapCell
{
    private ReportMapCell()
    {
    }

    public int Level { get; private set; }

    public int Y { get; private set; }

    public int X { get; private set; }

    public string CategoryCode { get; private set; } = "";

    public AppealStatus Status { get; private set; }

    public int Count { get; private set; }

    public double SumLatitude { get; private set; }

    public double SumLongitude { get; private set; }
}

/// <summary>
/// The map's grid pyramid: cells of 0.08° down to 0.00125° (about 9 km to 140 m in Tashkent). Rebuilt in the
/// database by one INSERT … SELECT per level when the reports changed (the watcher calls it on every tick), so a
/// zoomed-out map costs a few hundred cell rows instead of an aggregate over every report. Counts lag the reports
/// by at most one watcher interval; single reports, shown when a viewport holds few, are always live (ADR 0060).
/// </summary>
public sealed class MapCells(MahallaDb db)
{
    public static readonly double[] CellSizes = [0.08, 0.04, 0.02, 0.01, 0.005, 0.0025, 0.00125];

    // What each database was last rebuilt from, by this process (a node rebuilds once per change).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Built = new();

    public static int CellOf(double degrees, double offset, int level) => (int)Math.Floor((degrees + offset) / CellSizes[level]);

    /// <summary>Rebuilds every level if the reports changed since this node last did; returns whether it rebuilt.</summary>
    public async Task<bool> RefreshAsync(CancellationToken ct)
    {
        // One group over the whole table, none when it is empty: listed, since taking it with First would make EF Core warn of
        // a First without an order on every run.
        var stats = (await db.Set<Report>().AsNoTracking().GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Latest = g.Max(r => r.UpdatedAtUtc) }).ToListAsync(ct)).SingleOrDefault();
        var fingerprint = $"{stats?.Count ?? 0}:{stats?.Latest.Ticks ?? 0}";
        var database = db.Database.GetConnectionString() ?? "";
        if (Built.TryGetValue(database, out var built) && built == fingerprint)
        {
            return false;
        }

        var reports = db.Table<Report>();
        var cells = db.Table<ReportMapCell>();
        var postgres = db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;
        for (var level = 0; level < CellSizes.Length; level++)
        {
            var scale = (1 / CellSizes[level]).ToString("R", CultureInfo.InvariantCulture);
            string Cell(string column, int offset) => postgres
                ? $"CAST(floor((\"{column}\" + {offset}) * {scale}) AS integer)"
                : $"CAST((\"{column}\" + {offset}) * {scale} AS INTEGER)"; // non-negative, so truncation is floor
            // Table names come from the model and numbers from the code, never from input.
#pragma warning disable EF1002, EF1003
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (postgres)
            {
                // Nodes rebuild one at a time (on SQLite the writers take turns anyway): a second node's DELETE would not see
                // the first one's new rows, and its INSERT would then collide with them. The lock mode conflicts with itself
                // and with writers, not with the map's readers; it ends with the transaction.
                await db.Database.ExecuteSqlRawAsync($"LOCK TABLE {cells} IN SHARE ROW EXCLUSIVE MODE", ct);
            }

            await db.Database.ExecuteSqlRawAsync($"DELETE FROM {cells} WHERE \"Level\" = {level}", ct);
            await db.Database.ExecuteSqlRawAsync(
                $"INSERT INTO {cells} (\"Level\", \"Y\", \"X\", \"CategoryCode\", \"Status\", \"Count\", \"SumLatitude\", \"SumLongitude\") " +
                $"SELECT {level}, {Cell("Latitude", 90)}, {Cell("Longitude", 180)}, \"CategoryCode\", \"Status\", COUNT(*), SUM(\"Latitude\"), SUM(\"Longitude\") " +
                $"FROM {reports} WHERE \"Latitude\" IS NOT NULL AND \"Longitude\" IS NOT NULL " +
                $"GROUP BY {Cell("Latitude", 90)}, {Cell("Longitude", 180)}, \"CategoryCode\", \"Status\"", ct);
#pragma warning restore EF1002, EF1003
            await tx.CommitAsync(ct);
        }

        Built[database] = fingerprint;
        return true;
    }
}
