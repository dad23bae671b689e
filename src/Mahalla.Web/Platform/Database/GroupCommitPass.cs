namespace Mahalla.Web.Platform.Database;

/// <summary>
/// The first pass of a group commit as its units see it (<see cref="MahallaDb.Pass"/>; ADR 0014, session 22's addendum):
/// the units left to run, and what the pass shares between them until it commits. A statement that every unit would run
/// alone, such as taking the next tracking number, can instead run once for the units left, keep what it got here, and
/// settle what was not used before the commit.
/// </summary>
/// <remarks>
/// Only the first pass, which takes no savepoints, has one: if a unit fails, that pass is rolled back whole, whatever it
/// shared. The pass after a failure gives each unit a savepoint and no <see cref="GroupCommitPass"/>, so that a unit rolled
/// back alone takes back exactly what it did.
/// </remarks>
public sealed class GroupCommitPass
{
    private readonly Dictionary<object, object> _shared = [];
    private readonly List<Func<MahallaDb, Task>> _beforeCommit = [];

    internal GroupCommitPass(int units) => UnitsLeft = units;

    /// <summary>The units of the pass not yet run, the one running included.</summary>
    public int UnitsLeft { get; internal set; }

    /// <summary>
    /// What the pass keeps under <paramref name="key"/>, made by <paramref name="create"/> the first time. Its
    /// <paramref name="beforeCommit"/> step is registered then, once: it runs on what was made, in the pass's transaction,
    /// after the pass's last unit and before the commit (to give back what the units did not use, or to write what they
    /// gathered). It is the pass's own step, not a unit's, so it runs without a unit's cancellation token.
    /// </summary>
    public T Shared<T>(object key, Func<T> create, Func<T, MahallaDb, Task> beforeCommit)
        where T : class
    {
        if (!_shared.TryGetValue(key, out var value))
        {
            var made = create();
            _beforeCommit.Add(db => beforeCommit(made, db));
            value = made;
            _shared[key] = value;
        }

        return (T)value;
    }

    internal async Task SettleAsync(MahallaDb db)
    {
        foreach (var settle in _beforeCommit)
        {
            await settle(db);
        }
    }
}
