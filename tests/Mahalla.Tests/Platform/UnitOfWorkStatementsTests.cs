using Mahalla.Tests.Infrastructure;
using Mahalla.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Tests.Platform;

/// <summary>The plain ADO.NET statements of ADR 0019 on a DbContext's own connection, on SQLite and on PostgreSQL.</summary>
public abstract class UnitOfWorkStatementsTests(MahallaApp app)
{
    protected MahallaApp App { get; } = app;

    [Fact]
    public async Task Plain_reads_open_and_close_the_connection_through_ef_core_and_plain_writes_need_a_transaction()
    {
        var (read, afterRead, keptOpen, afterClose, refused) = await App.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            var values = new List<long>();
            await using (var query = db.Query("SELECT CAST(41 AS BIGINT) UNION ALL SELECT CAST(42 AS BIGINT)"))
            {
                await db.ReadAsync(query, row => values.Add(row.GetInt64(0)), CancellationToken.None);
            }

            var afterRead = connection.State;
            var kept = await db.KeepOpenAsync(CancellationToken.None);
            await using (var query = db.Query("SELECT 1"))
            {
                await db.ReadAsync(query, _ => { }, CancellationToken.None);
            }

            var keptOpen = connection.State;
            await kept.CloseAsync();
            var afterClose = connection.State;
            await kept.DisposeAsync(); // closes once only: the context's own opening count stays right
            var refused = Assert.Throws<InvalidOperationException>(() => db.Statement("UPDATE x SET y = 1"));
            return (values, afterRead, keptOpen, afterClose, refused.Message);
        });

        Assert.Equal([41L, 42L], read);
        Assert.Equal(System.Data.ConnectionState.Closed, afterRead);
        Assert.Equal(System.Data.ConnectionState.Open, keptOpen);
        Assert.Equal(System.Data.ConnectionState.Closed, afterClose);
        Assert.Contains("transaction", refused, StringComparison.Ordinal);
    }
}

public sealed class UnitOfWorkStatementsOnSqlite(SqliteApp app) : UnitOfWorkStatementsTests(app), IClassFixture<SqliteApp>;

public sealed class UnitOfWorkStatementsOnPostgres(PostgresApp app) : UnitOfWorkStatementsTests(app), IClassFixture<PostgresApp>;
