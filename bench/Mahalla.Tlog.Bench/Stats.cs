using System.Diagnostics;
using System.Globalization;

namespace Mahalla.Tlog.Bench;

/// <summary>Latency samples in microseconds, summarised.</summary>
internal sealed class Samples
{
    private readonly List<double> _micros = [];

    public int Count => _micros.Count;

    public void Add(long startTimestamp) => _micros.Add(Stopwatch.GetElapsedTime(startTimestamp).TotalMicroseconds);

    public void AddRange(Samples other) => _micros.AddRange(other._micros);

    public double Mean => _micros.Average();

    public double Percentile(double p)
    {
        var sorted = _micros.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100 * sorted.Count) - 1)];
    }

    /// <summary>"mean / p50 / p99 / max" in milliseconds.</summary>
    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"{Mean / 1000:0.000} | {Percentile(50) / 1000:0.000} | {Percentile(99) / 1000:0.000} | {_micros.Max() / 1000:0.000}");
}

internal static class Fmt
{
    public static string N(double value, string format = "#,0") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Mb(long bytes) => N(bytes / 1024.0 / 1024.0, "#,0") + " MiB";
}

/// <summary>The report: one line per figure on stdout (section|provider|…, turned into tables by bench/tlog.sh), progress on stderr.</summary>
internal static class Report
{
    public static void Progress(string message) => Console.Error.WriteLine($"[tlog-bench {DateTime.Now:HH:mm:ss}] {message}");

    public static void Line(string markdown)
    {
        Console.Out.WriteLine(markdown);
        Console.Out.Flush();
    }
}
