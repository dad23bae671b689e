using Mahalla.Tests.Infrastructure;
using Mahalla.Web.Platform.Database;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Mahalla.Tests.Platform;

public sealed class DatabaseConnectionsTests
{
    [Fact]
    public void PostgreSQL_gets_the_apps_defaults_and_keeps_everything_else_in_the_connection_string()
    {
        var plain = new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply("Host=db;Username=app;Password=p;Database=mahalla"));
        Assert.Equal(PostgresConnectionDefaults.MaxAutoPrepare, plain.MaxAutoPrepare);
        Assert.Equal(PostgresConnectionDefaults.MinPoolSize, plain.MinPoolSize);
        Assert.True(plain.NoResetOnClose);
        Assert.Equal("db", plain.Host);
        Assert.Equal("app", plain.Username);
        Assert.Equal("p", plain.Password);
        Assert.Equal("mahalla", plain.Database);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0")]
    [InlineData("Host=db;MaxAutoPrepare=0")]
    [InlineData("Host=db;max auto prepare=0")]
    public void Automatic_preparation_is_left_as_the_connection_string_sets_it(string given)
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply(given));
        Assert.Equal(0, builder.MaxAutoPrepare);
        Assert.Equal(PostgresConnectionDefaults.MinPoolSize, builder.MinPoolSize);
    }

    [Theory]
    [InlineData("Host=db;Minimum Pool Size=0", 0)]
    [InlineData("Host=db;MinPoolSize=2", 2)]
    [InlineData("Host=db;minimum pool size=12;Maximum Pool Size=20", 12)]
    public void The_pools_floor_is_left_as_the_connection_string_sets_it(string given, int expected)
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply(given));
        Assert.Equal(expected, builder.MinPoolSize);
        Assert.Equal(PostgresConnectionDefaults.MaxAutoPrepare, builder.MaxAutoPrepare);
    }

    [Theory]
    [InlineData("Host=db;No Reset On Close=false")]
    [InlineData("Host=db;NoResetOnClose=false")]
    [InlineData("Host=db;no reset on close=False")]
    public void The_reset_of_pooled_connections_is_left_as_the_connection_string_sets_it(string given)
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply(given));
        Assert.False(builder.NoResetOnClose);
        Assert.Equal(PostgresConnectionDefaults.MaxAutoPrepare, builder.MaxAutoPrepare);
    }

    [Theory]
    [InlineData("Host=db;Username=app;Maximum Pool Size=16", "-c plan_cache_mode=force_generic_plan")]
    [InlineData("Host=db;Username=app;Options=-c statement_timeout=5s", "-c statement_timeout=5s -c plan_cache_mode=force_generic_plan")]
    public void Keyed_reads_plan_once_and_keep_the_rest_of_the_connection_string(string given, string options)
    {
        var keyed = new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.ForKeyedReads(PostgresConnectionDefaults.Apply(given)));
        var apps = new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply(given));
        Assert.Equal(options, keyed.Options);
        keyed.Options = apps.Options;
        Assert.True(keyed.EquivalentTo(apps));
    }

    [Fact]
    public void The_pools_floor_is_never_above_its_maximum()
    {
        // Npgsql refuses to open a connection whose floor is above its maximum.
        var small = new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply("Host=db;Maximum Pool Size=4"));
        Assert.Equal(4, small.MaxPoolSize);
        Assert.Equal(4, small.MinPoolSize);
    }
}

/// <summary>
/// What a pooled connection carries from one use to the next without Npgsql's reset (ADR 0073), on a real PostgreSQL
/// server: the pool has one connection, so the second use gets the first one's backend.
/// </summary>
public sealed class PostgresPooledConnectionTests
{
    [Fact]
    public async Task A_connection_given_back_in_a_transaction_comes_out_of_the_pool_with_nothing_of_it()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var table = $"pool_probe_{tag}";
        var apps = PostgresPoolFloorTests.AppsConnectionString(Postgres.Server + $";Maximum Pool Size=1;Application Name=probe_{tag}");
        Assert.True(new NpgsqlConnectionStringBuilder(apps).NoResetOnClose);
        await using var pool = NpgsqlDataSource.Create(apps);
        await ExecuteAsync(pool, $"CREATE TABLE {table} (id integer PRIMARY KEY)");
        try
        {
            int firstBackend;
            await using (var first = await pool.OpenConnectionAsync())
            {
                firstBackend = await ScalarAsync<int>(first, "SELECT pg_backend_pid()");
                await using var transaction = await first.BeginTransactionAsync();
                await using var insert = new NpgsqlCommand($"INSERT INTO {table} VALUES (1)", first, transaction);
                await insert.ExecuteNonQueryAsync();
                await using var failing = new NpgsqlCommand($"INSERT INTO {table} VALUES (1)", first, transaction);
                await Assert.ThrowsAsync<PostgresException>(() => failing.ExecuteNonQueryAsync()); // the transaction is now aborted
            } // given back without a commit or a rollback

            await using var second = await pool.OpenConnectionAsync();
            Assert.Equal(firstBackend, await ScalarAsync<int>(second, "SELECT pg_backend_pid()"));
            Assert.Equal(0L, await ScalarAsync<long>(second, $"SELECT count(*) FROM {table}"));
            // Outside any transaction: each statement is its own, so two statements see two transaction ids.
            var one = await ScalarAsync<long>(second, "SELECT pg_current_xact_id()::text::bigint");
            var two = await ScalarAsync<long>(second, "SELECT pg_current_xact_id()::text::bigint");
            Assert.NotEqual(one, two);
        }
        finally
        {
            await ExecuteAsync(pool, $"DROP TABLE {table}");
        }
    }

    private static async Task ExecuteAsync(NpgsqlDataSource pool, string sql)
    {
        await using var connection = await pool.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}

/// <summary>
/// The keyed reads' sessions on a real PostgreSQL server (ADR 0077): each prepared statement planned once, generic,
/// from its first execution; the app's other sessions keep PostgreSQL's own choice.
/// </summary>
public sealed class PostgresKeyedReadsTests
{
    [Fact]
    public async Task A_keyed_read_plans_its_prepared_statement_once_and_other_sessions_keep_postgresqls_choice()
    {
        using var connections = PostgresPoolFloorTests.AppsConnections(Postgres.Server + $";Application Name=keyed_{Guid.NewGuid():N}");

        await using (var keyed = (NpgsqlConnection)connections.CreateForKeyedReads())
        {
            await keyed.OpenAsync();
            foreach (var name in new[] { "pg_class", "pg_type", "pg_proc", "pg_attribute", "pg_index", "pg_namespace", "pg_am", "pg_database" })
            {
                await using var lookUp = new NpgsqlCommand("SELECT relpages FROM pg_class WHERE relname = @name", keyed);
                lookUp.Parameters.AddWithValue("name", name);
                await lookUp.PrepareAsync();
                await lookUp.ExecuteScalarAsync();
            }

            await using var plans = new NpgsqlCommand(
                "SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement LIKE 'SELECT relpages FROM pg_class%'", keyed);
            await using var reader = await plans.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal((8L, 0L), (reader.GetInt64(0), reader.GetInt64(1)));
        }

        await using var other = new NpgsqlConnection(connections.ConnectionString);
        await other.OpenAsync();
        await using var mode = new NpgsqlCommand("SHOW plan_cache_mode", other);
        Assert.Equal("auto", await mode.ExecuteScalarAsync());
    }
}

/// <summary>
/// The pool's floor on a real PostgreSQL server (ADR 0068): after a burst, Npgsql's pruning closes the idle connections
/// of a pool without a floor, and leaves the app's pool its warm ones. Both pools see the same burst and the same
/// pruning windows (shortened here from five minutes to two seconds), side by side.
/// </summary>
public sealed class PostgresPoolFloorTests
{
    private const int Burst = 12;

    [Fact]
    public async Task After_a_burst_pruning_leaves_the_apps_pool_its_floor_of_warm_connections()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var pruning = ";Connection Idle Lifetime=2;Connection Pruning Interval=1";
        var apps = AppsConnectionString(Postgres.Server + pruning + $";Application Name=floor_{tag}");
        var bare = Postgres.Server + pruning + $";Application Name=bare_{tag};Minimum Pool Size=0";
        Assert.Equal(PostgresConnectionDefaults.MinPoolSize, new NpgsqlConnectionStringBuilder(apps).MinPoolSize);

        // Pools of their own: data sources, which the other tests' NpgsqlConnection.ClearAllPools does not empty. They
        // are the same pool as the app's connections by connection string (Npgsql's PoolingDataSource), pruning and all.
        await using var appsPool = NpgsqlDataSource.Create(apps);
        await using var barePool = NpgsqlDataSource.Create(bare);
        await BurstAsync(appsPool, $"floor_{tag}");
        await BurstAsync(barePool, $"bare_{tag}");

        // Wait until pruning has emptied the pool without a floor: the same windows have passed for the other.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await BackendsAsync($"bare_{tag}") > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "Npgsql never pruned the pool without a floor; the test cannot tell anything.");
            await Task.Delay(250);
        }

        await Task.Delay(2500); // one more window, for a pruning of the app's pool that might come a tick later
        Assert.Equal(PostgresConnectionDefaults.MinPoolSize, await BackendsAsync($"floor_{tag}"));
    }

    /// <summary>The connection string the app makes of a configured one.</summary>
    internal static string AppsConnectionString(string connectionString)
    {
        using var connections = AppsConnections(connectionString);
        return connections.ConnectionString;
    }

    /// <summary>The app's connections for a configured PostgreSQL connection string.</summary>
    internal static DatabaseConnections AppsConnections(string connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Mahalla"] = connectionString,
        }).Build();
        return DatabaseConnections.From(configuration, new TestEnvironment());
    }

    /// <summary>
    /// Opens <see cref="Burst"/> connections at once, runs a statement on each, checks that the server has that many
    /// sessions of the pool while all are open (counted after they are given back, a busy machine may already have
    /// pruned some), and gives them all back.
    /// </summary>
    private static async Task BurstAsync(NpgsqlDataSource pool, string applicationName)
    {
        var connections = new List<NpgsqlConnection>();
        try
        {
            for (var i = 0; i < Burst; i++)
            {
                var connection = await pool.OpenConnectionAsync();
                connections.Add(connection);
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync();
            }

            Assert.Equal(Burst, await BackendsAsync(applicationName));
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private static async Task<long> BackendsAsync(string applicationName)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Postgres.Server) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE application_name = @name", connection);
        command.Parameters.AddWithValue("name", applicationName);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
