using System.Diagnostics;
using System.Globalization;
using Mahalla.Triage;
using Mahalla.Triage.Classification;
using Mahalla.Triage.Duplicates;
using Mahalla.Triage.Summaries;
using Mahalla.Triage.Tool;
using Mahalla.Triage.Urgency;

// Usage: dotnet run -c Release --project bench/Mahalla.Triage.Bench -- [seed-corpus.csv] [examples-for-training]
// Everything runs on one thread; the process is pinned to one core where the OS allows it.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
{
    Process.GetCurrentProcess().ProcessorAffinity = 1;
}

var corpusPath = args.Length > 0 ? args[0] : "data/triage/seed-corpus.csv";
var trainingSize = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
var table = Csv.ReadFile(corpusPath);
var (text, category) = (table.Column("text"), table.Column("category"));
var corpus = table.Rows.Select(r => new LabelledText(r[text], r[category])).ToList();
Console.WriteLine($"corpus: {corpus.Count} examples from {corpusPath}; {Environment.ProcessorCount} logical cores visible, pinned to one");

var seed = TextClassifier.LoadSeed() ?? ClassifierTrainer.Train(corpus);
Measure("classify (seed model)", corpus, t => seed.Predict(t.Text));
Measure("urgency flags", corpus, t => UrgencyDetector.Assess(t.Text));
Measure("summary + keywords", corpus, t => { RequestSummary.Summarize(t.Text); KeywordExtractor.Default.Extract(t.Text); });
Measure("duplicate signature", corpus, t => TextSignature.Of(t.Text));
Measure("whole analysis (RequestTriage.Analyse)", corpus, t => RequestTriage.Analyse(t.Text, seed));

using (var buffer = new MemoryStream())
{
    seed.Save(buffer);
    Console.WriteLine($"seed model: {buffer.Length / 1024.0:F0} KiB on disk, {seed.FeatureCount} features x {seed.Classes.Count} classes");
    var before = GC.GetTotalMemory(forceFullCollection: true);
    buffer.Position = 0;
    var loaded = TextClassifier.Load(buffer);
    var after = GC.GetTotalMemory(forceFullCollection: true);
    Console.WriteLine($"seed model in memory: {(after - before) / 1024.0 / 1024.0:F1} MiB managed heap ({loaded.Classes.Count} classes)");
}

var large = Augment(corpus, trainingSize);
var clock = Stopwatch.StartNew();
var model = ClassifierTrainer.Train(large, new TrainingOptions { Name = "bench" });
Console.WriteLine($"train on {large.Count:N0} examples (features, calibration split, final fit): {clock.Elapsed.TotalSeconds:F1} s, {model.FeatureCount} features");
Console.WriteLine($"process peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:F0} MiB");

static void Measure(string name, List<LabelledText> corpus, Action<LabelledText> action)
{
    foreach (var t in corpus.Take(500))
    {
        action(t);
    }

    var latencies = new List<double>();
    var total = Stopwatch.StartNew();
    var count = 0;
    while (total.Elapsed.TotalSeconds < 5)
    {
        foreach (var t in corpus)
        {
            var start = Stopwatch.GetTimestamp();
            action(t);
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            count++;
        }
    }

    latencies.Sort();
    Console.WriteLine($"{name}: {count / total.Elapsed.TotalSeconds:N0} requests/s on one core; latency mean {latencies.Average():F3} ms, p50 {latencies[latencies.Count / 2]:F3} ms, p99 {latencies[(int)(latencies.Count * 0.99)]:F3} ms, max {latencies[^1]:F3} ms");
}

// Distinct variants of the corpus texts (dropped and swapped words, apostrophe variants,
// typos), so that training time is measured on 100,000 different texts.
static List<LabelledText> Augment(List<LabelledText> corpus, int size)
{
    var random = new Random(42);
    var result = new List<LabelledText>(size);
    for (var i = 0; i < size; i++)
    {
        var source = corpus[i % corpus.Count];
        if (i < corpus.Count)
        {
            result.Add(source);
            continue;
        }

        var words = source.Text.Split(' ').ToList();
        for (var edit = 0; edit < 3 && words.Count > 3; edit++)
        {
            var at = random.Next(words.Count);
            switch (random.Next(4))
            {
                case 0:
                    words.RemoveAt(at);
                    break;
                case 1:
                    (words[at], words[(at + 1) % words.Count]) = (words[(at + 1) % words.Count], words[at]);
                    break;
                case 2 when words[at].Length > 3:
                    var chars = words[at].ToCharArray();
                    var c = random.Next(1, chars.Length - 1);
                    (chars[c], chars[c - 1]) = (chars[c - 1], chars[c]);
                    words[at] = new string(chars);
                    break;
                default:
                    words[at] = words[at].Replace('\'', '\u2019').Replace('\u02BB', '`');
                    break;
            }
        }

        result.Add(new LabelledText(string.Join(' ', words), source.Label));
    }

    return result;
}
