namespace Mahalla.Tests.Infrastructure;

/// <summary>A clock the test moves by hand. Timers still run on real time; background jobs are off in tests and driven explicitly.</summary>
public sealed class FakeClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;

    public void Set(DateTimeOffset now) => _now = now;

    /// <summary>Tuesday 3 November 2026, 10:00 in Tashkent: a plain working week with no holiday near.</summary>
    public static DateTimeOffset OrdinaryTuesday => new(2026, 11, 3, 5, 0, 0, TimeSpan.Zero);
}
