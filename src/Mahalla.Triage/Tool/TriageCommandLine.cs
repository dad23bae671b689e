using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Mahalla.Triage.Classification;

namespace Mahalla.Triage.Tool;

/// <summary>
/// The <c>mahalla triage …</c> commands (train, evaluate, predict), so that the command-line
/// program stays a thin shell and the behaviour is tested here.
/// </summary>
/// <remarks>
/// Exit codes: 0 success; 2 bad usage or unreadable input (a message on the error writer).
/// <c>evaluate</c> prints per-class figures and then, as its last line, one JSON object with
/// at least <c>accuracy</c> and <c>macro_f1</c>.
/// </remarks>
public static class TriageCommandLine
{
    private const string Usage = """
        mahalla triage — train, evaluate and run the request classifier

          triage train --input F.csv --text-column C --label-column L --model OUT.json
                       [--folds 5] [--name N] [--description D] [--seed S] [--epochs E]
                       [--features requests|language-id] [--min-count 2]
          triage evaluate --train F.csv --test G.csv --text-column C --label-column L
                       [--seed S] [--epochs E] [--features requests|language-id] [--min-count 2]
          triage predict [--model M.json] --text "…" [--top 3]
                       (without --model: the seed model that ships with the product)
          triage background --input F.csv --text-column C --output background.tsv
                       (document frequencies for keyword extraction)

        Inputs: UTF-8 CSV with a header row (RFC 4180 quoting). Rows with an empty text or
        label are skipped. evaluate prints one JSON object as its last line.
        """;

    /// <summary>Runs one triage command; returns the process exit code.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Count == 0 || args[0] is "help" or "--help" or "-h")
        {
            error.WriteLine(Usage);
            return 2;
        }

        try
        {
            var options = Options.Parse(args.Skip(1));
            return args[0] switch
            {
                "train" => Train(options, output, error),
                "evaluate" => Evaluate(options, output, error),
                "predict" => Predict(options, output),
                "background" => Background(options, output),
                _ => throw new UsageException($"unknown command '{args[0]}'"),
            };
        }
        catch (UsageException e)
        {
            error.WriteLine($"mahalla triage: {e.Message}");
            error.WriteLine(Usage);
            return 2;
        }
        catch (CsvException e)
        {
            error.WriteLine($"mahalla triage: {e.Message}");
            return 2;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            error.WriteLine($"mahalla triage: {e.Message}");
            return 2;
        }
    }

    private static int Train(Options options, TextWriter output, TextWriter error)
    {
        options.AllowOnly("input", "text-column", "label-column", "model", "folds", "name", "description", "seed", "epochs", "features", "min-count");
        var examples = ReadExamples(options.Required("input"), options, error);
        var modelPath = options.Required("model");
        var training = TrainingOptionsFrom(options) with
        {
            Name = options.Optional("name") ?? Path.GetFileNameWithoutExtension(modelPath),
            Description = options.Optional("description") ?? $"trained from {Path.GetFileName(options.Required("input"))}",
            CrossValidationFolds = options.Integer("folds", 5),
        };

        var clock = Stopwatch.StartNew();
        var model = ClassifierTrainer.Train(examples, training);
        var directory = Path.GetDirectoryName(Path.GetFullPath(modelPath));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        using (var stream = File.Create(modelPath))
        {
            model.Save(stream);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"trained on {model.Card.Examples} examples, {model.Classes.Count} classes, in {clock.Elapsed.TotalSeconds:F1} s"));
        if (model.Card.CrossValidation is { } cv)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{cv.Folds}-fold cross-validation: accuracy {cv.Accuracy:F4}, macro F1 {cv.MacroF1:F4}, calibration error {cv.ExpectedCalibrationError:F4}"));
        }

        output.WriteLine($"model written to {modelPath}");
        return 0;
    }

    private static int Evaluate(Options options, TextWriter output, TextWriter error)
    {
        options.AllowOnly("train", "test", "text-column", "label-column", "seed", "epochs", "features", "min-count");
        var train = ReadExamples(options.Required("train"), options, error);
        var test = ReadExamples(options.Required("test"), options, error);
        var model = ClassifierTrainer.Train(train, TrainingOptionsFrom(options));
        var report = ClassifierEvaluation.Evaluate(model, test);
        output.WriteLine($"{"class",-24} {"support",8} {"precision",9} {"recall",9} {"f1",9}");
        foreach (var c in report.PerClass)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{c.Label,-24} {c.Support,8} {c.Precision,9:F4} {c.Recall,9:F4} {c.F1,9:F4}"));
        }

        output.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["accuracy"] = Math.Round(report.Accuracy, 6),
            ["macro_f1"] = Math.Round(report.MacroF1, 6),
            ["expected_calibration_error"] = Math.Round(report.ExpectedCalibrationError, 6),
            ["log_loss"] = Math.Round(report.LogLoss, 6),
            ["train_examples"] = train.Count,
            ["test_examples"] = report.Examples,
        }));
        return 0;
    }

    private static int Predict(Options options, TextWriter output)
    {
        options.AllowOnly("model", "text", "top");
        var text = options.Required("text");
        TextClassifier model;
        if (options.Optional("model") is { } path)
        {
            if (!File.Exists(path))
            {
                throw new InvalidDataException($"{path}: file not found");
            }

            using var stream = File.OpenRead(path);
            model = TextClassifier.Load(stream);
        }
        else
        {
            model = TextClassifier.LoadSeed() ?? throw new InvalidDataException("this build carries no seed model; pass --model");
        }

        foreach (var p in model.Predict(text, options.Integer("top", 3)))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{p.Label}\t{p.Probability:F4}"));
        }

        return 0;
    }

    private static int Background(Options options, TextWriter output)
    {
        options.AllowOnly("input", "text-column", "output");
        var table = Csv.ReadFile(options.Required("input"));
        var column = table.Column(options.Required("text-column"));
        var extractor = Summaries.KeywordExtractor.FromBackground(table.Rows.Select(r => r[column]).Where(t => !string.IsNullOrWhiteSpace(t)));
        using (var writer = new StreamWriter(options.Required("output"), false, new System.Text.UTF8Encoding(false)))
        {
            writer.NewLine = "\n";
            extractor.WriteBackground(writer);
        }

        output.WriteLine($"background of {table.Rows.Count} texts written to {options.Required("output")}");
        return 0;
    }

    private static TrainingOptions TrainingOptionsFrom(Options options)
    {
        var defaults = new TrainingOptions();
        return defaults with
        {
            Seed = options.Integer("seed", defaults.Seed),
            Epochs = options.Integer("epochs", defaults.Epochs),
            MinFeatureCount = options.Integer("min-count", defaults.MinFeatureCount),
            Features = options.Optional("features") switch
            {
                null or "requests" => FeatureOptions.Requests,
                "language-id" => FeatureOptions.LanguageId,
                var other => throw new UsageException($"--features must be 'requests' or 'language-id', not '{other}'"),
            },
        };
    }

    private static List<LabelledText> ReadExamples(string path, Options options, TextWriter error)
    {
        var table = Csv.ReadFile(path);
        var text = table.Column(options.Required("text-column"));
        var label = table.Column(options.Required("label-column"));
        var examples = new List<LabelledText>(table.Rows.Count);
        var skipped = 0;
        foreach (var row in table.Rows)
        {
            if (string.IsNullOrWhiteSpace(row[text]) || string.IsNullOrWhiteSpace(row[label]))
            {
                skipped++;
                continue;
            }

            examples.Add(new LabelledText(row[text], row[label].Trim()));
        }

        if (skipped > 0)
        {
            error.WriteLine($"mahalla triage: {path}: skipped {skipped} rows with an empty text or label");
        }

        return examples.Count > 0 ? examples : throw new CsvException($"{path}: no rows with both a text and a label");
    }

    private sealed class UsageException(string message) : Exception(message);

    private sealed class Options
    {
        private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

        public static Options Parse(IEnumerable<string> args)
        {
            var options = new Options();
            using var e = args.GetEnumerator();
            while (e.MoveNext())
            {
                var name = e.Current;
                if (!name.StartsWith("--", StringComparison.Ordinal) || name.Length == 2)
                {
                    throw new UsageException($"expected an option such as --input, got '{name}'");
                }

                if (!e.MoveNext())
                {
                    throw new UsageException($"{name} needs a value");
                }

                options.values[name[2..]] = e.Current;
            }

            return options;
        }

        public void AllowOnly(params string[] names)
        {
            var unknown = values.Keys.Where(k => !names.Contains(k)).ToList();
            if (unknown.Count > 0)
            {
                throw new UsageException($"unknown option --{unknown[0]}");
            }
        }

        public string Required(string name) =>
            values.TryGetValue(name, out var value) && value.Length > 0 ? value : throw new UsageException($"--{name} is required");

        public string? Optional(string name) => values.GetValueOrDefault(name);

        public int Integer(string name, int fallback) => values.TryGetValue(name, out var value)
            ? int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : throw new UsageException($"--{name} must be a whole number")
            : fallback;
    }
}
