using Npgsql;

namespace Mahalla.Web.Platform.Database;

/// <summary>
/// What the app adds to a PostgreSQL connection string (<c>DatabaseConnections.From</c>). Depends on Npgsql alone:
/// the benchmark's bare endpoint compiles this same file (bench/Mahalla.Bench.Baseline), so that both sides of a ratio
/// talk to PostgreSQL the same way.
/// </summary>
public static class PostgresConnectionDefaults
{
    /// <summary>Statements Npgsql prepares by itself when the connection string does not say (ADR 0015).</summary>
    public const int MaxAutoPrepare = 100;

    /// <summary>Pooled connections Npgsql keeps when it prunes idle ones, unless the connection string says (ADR 0068).</summary>
    public const int MinPoolSize = 8;

    /// <summary>Whether a pooled connection is given out again without Npgsql's reset of its session (ADR 0073).</summary>
    public const bool NoResetOnClose = true;

    /// <summary>
    /// The PostgreSQL connection string with the app's three defaults, each only where the connection string does not
    /// name the setting itself (in any spelling Npgsql accepts):
    /// <list type="bullet">
    /// <item><c>Max Auto Prepare=100</c> (ADR 0015). Npgsql prepares nothing unless told to, so PostgreSQL would parse
    /// and plan every statement of every unit of work again; with it, each pooled connection keeps the statements it
    /// has run twice prepared. 0 turns it off, e.g. behind a pooler that cannot carry prepared statements.</item>
    /// <item><c>Minimum Pool Size=8</c>, or the <c>Maximum Pool Size</c> if that is smaller (ADR 0068). Every five
    /// minutes Npgsql closes, all at once, as many idle connections as the median of its idle counts over that span,
    /// and under a steady load that was nearly every one: the requests of the next moment then waited for new
    /// connections, and for their statements to be planned and prepared again (stalls of up to a second). The floor
    /// keeps enough warm connections for a node's usual concurrency; bursts above it still open more, and those are
    /// pruned as before.</item>
    /// <item><c>No Reset On Close=true</c> (ADR 0073). Otherwise every connection taken from the pool first runs seven
    /// statements that undo session state (<c>RESET ALL</c>, <c>pg_advisory_unlock_all()</c>, <c>DISCARD TEMP</c> and
    /// others): seven statements ahead of a tracking look-up's one, for state the app never sets. An open transaction
    /// is still rolled back when a connection goes back to the pool. The app must therefore change no session state:
    /// no session-level <c>SET</c> (<c>SET LOCAL</c> ends with its transaction), no session advisory locks, no
    /// <c>LISTEN</c>, no temporary tables. A connection string that names the setting keeps its own value.</item>
    /// </list>
    /// </summary>
    public static string Apply(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var given = builder.Keys.Cast<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!given.Contains("Max Auto Prepare"))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
        }

        if (!given.Contains("Minimum Pool Size"))
        {
            builder.MinPoolSize = Math.Min(MinPoolSize, builder.MaxPoolSize);
        }

        if (!given.Contains("No Reset On Close"))
        {
            builder.NoResetOnClose = NoResetOnClose;
        }

        return builder.ConnectionString;
    }

    /// <summary>
    /// The connection string for hand-written reads by a unique key (the tracking look-up, ADR 0012): the same string
    /// with <c>plan_cache_mode=force_generic_plan</c> for the session, added to any <c>Options</c> it has (ADR 0077).
    /// PostgreSQL otherwise decides per connection, after five executions of a prepared statement, whether to plan it
    /// once or on every call; a connection that once decided for planning on every call keeps doing so, and planning
    /// the tracking join took ten times as long as running it. A look-up by a unique key has one right plan whatever
    /// the value, so these connections plan each statement once. Being a different string, it is a pool of its own:
    /// the app's other statements keep PostgreSQL's choice, which some of them need (a prefix <c>LIKE</c>, a partial
    /// index proven by a value).
    /// </summary>
    public static string ForKeyedReads(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? GenericPlans : $"{builder.Options} {GenericPlans}";
        return builder.ConnectionString;
    }

    private const string GenericPlans = "-c plan_cache_mode=force_generic_plan";
}
