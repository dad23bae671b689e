using System.Globalization;

namespace Mahalla.Triage.Classification;

/// <summary>Settings for <see cref="ClassifierTrainer.Train(IReadOnlyList{LabelledText}, TrainingOptions?)"/>. The defaults suit request triage.</summary>
public sealed record TrainingOptions
{
    /// <summary>Model name written into the card.</summary>
    public string Name { get; init; } = "mahalla-triage";

    /// <summary>Where the data came from, written into the card.</summary>
    public string Description { get; init; } = "";

    /// <summary>How texts become features.</summary>
    public FeatureOptions Features { get; init; } = FeatureOptions.Requests;

    /// <summary>Passes over the training data.</summary>
    public int Epochs { get; init; } = 15;

    /// <summary>Initial step size of stochastic gradient descent (decays as 1/(1 + epoch)).</summary>
    public double LearningRate { get; init; } = 1.0;

    /// <summary>L2 penalty on the weights a step touches.</summary>
    public double L2 { get; init; } = 1e-5;

    /// <summary>Seed of the example order; the same data and seed give a byte-identical model.</summary>
    public int Seed { get; init; } = 20240601;

    /// <summary>Weight each example by the inverse frequency of its class, so rare categories are not drowned.</summary>
    public bool BalanceClasses { get; init; } = true;

    /// <summary>Share of each class held out to fit the probability temperature (0 turns calibration off).</summary>
    public double CalibrationFraction { get; init; } = 0.2;

    /// <summary>A feature must occur in at least this many training texts to enter the model.</summary>
    public int MinFeatureCount { get; init; } = 2;

    /// <summary>Folds of cross-validation whose figures go into the model card (0: none).</summary>
    public int CrossValidationFolds { get; init; }
}

/// <summary>
/// Trains <see cref="TextClassifier"/>s: multinomial logistic regression by stochastic gradient
/// descent in a fixed order on one thread, class-weighted, with temperature scaling fitted on a
/// stratified held-out split. Deterministic: the same examples and options give the same bytes.
/// </summary>
public static class ClassifierTrainer
{
    /// <summary>Trains a classifier on <paramref name="examples"/>.</summary>
    /// <exception cref="ArgumentException">Fewer than two examples or fewer than two labels.</exception>
    public static TextClassifier Train(IReadOnlyList<LabelledText> examples, TrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        options ??= new TrainingOptions();
        var data = TrainingData.Prepare(examples, options.Features);
        var figures = options.CrossValidationFolds >= 2
            ? ClassifierEvaluation.CrossValidate(data, options, options.CrossValidationFolds).Figures(options.CrossValidationFolds)
            : null;
        return Train(data, Enumerable.Range(0, data.Count).ToArray(), options, figures);
    }

    internal static TextClassifier Train(TrainingData data, int[] subset, TrainingOptions options, CrossValidationFigures? figures)
    {
        var labelsInSubset = subset.Select(i => data.Labels[i]).Distinct().Count();
        if (subset.Length < 2 || labelsInSubset < 2)
        {
            throw new ArgumentException("Training needs at least two examples of at least two different labels.");
        }

        var temperature = 1.0;
        if (options.CalibrationFraction > 0)
        {
            var (fit, holdOut) = Stratified.Split(data.Labels, subset, options.CalibrationFraction, options.Seed);
            if (holdOut.Length >= 10 && fit.Select(i => data.Labels[i]).Distinct().Count() >= 2)
            {
                var draft = Fit(data, fit, options, 1.0, figures);
                temperature = FitTemperature(draft, data, holdOut);
            }
        }

        return Fit(data, subset, options, temperature, figures);
    }

    private static TextClassifier Fit(TrainingData data, int[] subset, TrainingOptions options, double temperature, CrossValidationFigures? figures)
    {
        var k = data.Classes.Length;

        // Vocabulary: hashed ids seen in enough training texts, ascending.
        var documentFrequency = new Dictionary<int, int>();
        foreach (var i in subset)
        {
            foreach (var id in data.Vectors[i].Ids)
            {
                documentFrequency[id] = documentFrequency.GetValueOrDefault(id) + 1;
            }
        }

        var featureIds = documentFrequency.Where(p => p.Value >= options.MinFeatureCount).Select(p => p.Key).Order().ToArray();
        var row = new Dictionary<int, int>(featureIds.Length);
        for (var r = 0; r < featureIds.Length; r++)
        {
            row[featureIds[r]] = r;
        }

        var rows = new int[subset.Length][];
        var values = new float[subset.Length][];
        for (var s = 0; s < subset.Length; s++)
        {
            var vector = data.Vectors[subset[s]];
            var r = new List<int>(vector.Ids.Length);
            var v = new List<float>(vector.Ids.Length);
            for (var j = 0; j < vector.Ids.Length; j++)
            {
                if (row.TryGetValue(vector.Ids[j], out var index))
                {
                    r.Add(index);
                    v.Add(vector.Values[j]);
                }
            }

            rows[s] = [.. r];
            values[s] = [.. v];
        }

        var counts = new int[k];
        foreach (var i in subset)
        {
            counts[data.Labels[i]]++;
        }

        var present = counts.Count(c => c > 0);
        var classWeight = new double[k];
        for (var c = 0; c < k; c++)
        {
            classWeight[c] = !options.BalanceClasses || counts[c] == 0
                ? 1.0
                : Math.Clamp(subset.Length / (double)(present * counts[c]), 0.1, 10.0);
        }

        // Rows are padded to a multiple of 16 floats so that the class loop runs on SIMD vectors
        // of any width; the padding lanes stay zero and are dropped before the model is built.
        var stride = (k + 15) / 16 * 16;
        var padded = new float[featureIds.Length * stride];
        var bias = new double[k];
        var scores = new float[stride];
        var probabilities = new double[k];
        var gradient = new float[stride];
        var position = Enumerable.Range(0, subset.Length).ToArray();
        var random = new SplitMix64((ulong)options.Seed);
        long step = 0;
        var n = (double)subset.Length;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(position);
            foreach (var s in position)
            {
                var learningRate = options.LearningRate / (1.0 + (step++ / n));
                var r = rows[s];
                var v = values[s];
                Array.Clear(scores);
                for (var j = 0; j < r.Length; j++)
                {
                    Simd.AddScaled(scores, padded.AsSpan(r[j] * stride, stride), v[j]);
                }

                for (var c = 0; c < k; c++)
                {
                    probabilities[c] = bias[c] + scores[c];
                }

                TextClassifier.Softmax(probabilities);
                var label = data.Labels[subset[s]];
                var cw = classWeight[label];
                for (var c = 0; c < k; c++)
                {
                    var g = learningRate * cw * (probabilities[c] - (c == label ? 1.0 : 0.0));
                    bias[c] -= g;
                    gradient[c] = (float)g;
                }

                var decay = (float)(1.0 - (learningRate * options.L2));
                for (var j = 0; j < r.Length; j++)
                {
                    Simd.DecayAndSubtract(padded.AsSpan(r[j] * stride, stride), decay, gradient, v[j]);
                }
            }
        }

        var weights = new float[featureIds.Length * k];
        for (var f = 0; f < featureIds.Length; f++)
        {
            for (var c = 0; c < k; c++)
            {
                weights[(f * k) + c] = TextClassifier.RoundToStored(padded[(f * stride) + c]);
            }
        }

        var classCounts = new Dictionary<string, int>();
        for (var c = 0; c < k; c++)
        {
            classCounts[data.Classes[c]] = counts[c];
        }

        var card = new ModelCard(options.Name, options.Description, subset.Length, classCounts, Describe(options, temperature, featureIds.Length), figures);
        return new TextClassifier(card, options.Features, data.Classes, featureIds, weights, [.. bias.Select(b => (float)b)], temperature);
    }

    private static string Describe(TrainingOptions o, double temperature, int features) => string.Create(CultureInfo.InvariantCulture,
        $"multinomial logistic regression, SGD {o.Epochs} epochs, rate {o.LearningRate}, L2 {o.L2}, seed {o.Seed}, " +
        $"{(o.BalanceClasses ? "class-balanced" : "unweighted")}; features: char {o.Features.CharMin}-{o.Features.CharMax}-grams + word " +
        $"{(o.Features.WordNgrams >= 2 ? "uni+bigrams" : "unigrams")} on {(o.Features.Normalise ? "normalised" : "cleaned")} text, " +
        $"hashed to 2^{o.Features.HashBits}, {features} kept (min count {o.MinFeatureCount}); temperature {temperature:F3} fitted on a {o.CalibrationFraction:P0} stratified hold-out");

    // Temperature scaling: the one parameter that minimises held-out log loss, by golden-section search on log T.
    private static double FitTemperature(TextClassifier draft, TrainingData data, int[] holdOut)
    {
        var logits = holdOut.Select(i => draft.Logits(data.Vectors[i])).ToArray();
        var labels = holdOut.Select(i => draft.IndexOf(data.Classes[data.Labels[i]])).ToArray();
        double Loss(double logT)
        {
            var t = Math.Exp(logT);
            var loss = 0.0;
            var scaled = new double[draft.Classes.Count];
            for (var i = 0; i < logits.Length; i++)
            {
                for (var c = 0; c < scaled.Length; c++)
                {
                    scaled[c] = logits[i][c] / t;
                }

                TextClassifier.Softmax(scaled);
                loss -= labels[i] < 0 ? 0 : Math.Log(Math.Max(scaled[labels[i]], 1e-12));
            }

            return loss;
        }

        double lo = Math.Log(0.05), hi = Math.Log(20);
        var ratio = (Math.Sqrt(5) - 1) / 2;
        var a = hi - (ratio * (hi - lo));
        var b = lo + (ratio * (hi - lo));
        double fa = Loss(a), fb = Loss(b);
        for (var iteration = 0; iteration < 40; iteration++)
        {
            if (fa < fb)
            {
                hi = b;
                b = a;
                fb = fa;
                a = hi - (ratio * (hi - lo));
                fa = Loss(a);
            }
            else
            {
                lo = a;
                a = b;
                fa = fb;
                b = lo + (ratio * (hi - lo));
                fb = Loss(b);
            }
        }

        return Math.Exp((lo + hi) / 2);
    }
}

/// <summary>Examples turned into vectors once, so that calibration and cross-validation reuse them.</summary>
internal sealed class TrainingData
{
    private TrainingData(SparseVector[] vectors, int[] labels, string[] classes)
    {
        Vectors = vectors;
        Labels = labels;
        Classes = classes;
    }

    public SparseVector[] Vectors { get; }

    public int[] Labels { get; }

    public string[] Classes { get; }

    public int Count => Labels.Length;

    public static TrainingData Prepare(IReadOnlyList<LabelledText> examples, FeatureOptions features)
    {
        var classes = examples.Select(e => e.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var index = classes.Select((label, i) => (label, i)).ToDictionary(p => p.label, p => p.i, StringComparer.Ordinal);
        var vectors = new SparseVector[examples.Count];
        var labels = new int[examples.Count];
        for (var i = 0; i < examples.Count; i++)
        {
            vectors[i] = FeatureExtractor.Extract(examples[i].Text, features);
            labels[i] = index[examples[i].Label];
        }

        return new TrainingData(vectors, labels, classes);
    }
}

/// <summary>Deterministic stratified splits: each label's examples shuffled with the seed, then dealt out.</summary>
internal static class Stratified
{
    public static (int[] Keep, int[] HoldOut) Split(int[] labels, int[] subset, double fraction, int seed)
    {
        var keep = new List<int>();
        var holdOut = new List<int>();
        foreach (var group in ByLabel(labels, subset, seed))
        {
            var take = group.Length >= 3 ? (int)Math.Round(group.Length * fraction) : 0;
            holdOut.AddRange(group.Take(take));
            keep.AddRange(group.Skip(take));
        }

        keep.Sort();
        holdOut.Sort();
        return ([.. keep], [.. holdOut]);
    }

    public static int[] Folds(int[] labels, int folds, int seed)
    {
        var fold = new int[labels.Length];
        var next = 0;
        foreach (var group in ByLabel(labels, Enumerable.Range(0, labels.Length).ToArray(), seed))
        {
            foreach (var i in group)
            {
                // Continue the deal across labels so that small classes do not all land in fold 0.
                fold[i] = next++ % folds;
            }
        }

        return fold;
    }

    private static IEnumerable<int[]> ByLabel(int[] labels, int[] subset, int seed)
    {
        var random = new SplitMix64((ulong)seed ^ 0xA5A5A5A5UL);
        foreach (var group in subset.GroupBy(i => labels[i]).OrderBy(g => g.Key))
        {
            var members = group.Order().ToArray();
            random.Shuffle(members);
            yield return members;
        }
    }
}

/// <summary>
/// Lane-wise vector arithmetic: each lane does the same IEEE operations as scalar code would,
/// so results do not depend on the machine's vector width.
/// </summary>
internal static class Simd
{
    /// <summary>target += source × scale.</summary>
    public static void AddScaled(Span<float> target, ReadOnlySpan<float> source, float scale)
    {
        var width = System.Numerics.Vector<float>.Count;
        var i = 0;
        for (; i + width <= target.Length; i += width)
        {
            var t = new System.Numerics.Vector<float>(target[i..]);
            var x = new System.Numerics.Vector<float>(source[i..]);
            (t + (x * scale)).CopyTo(target[i..]);
        }

        for (; i < target.Length; i++)
        {
            target[i] += source[i] * scale;
        }
    }

    /// <summary>weights = weights × decay − gradient × value.</summary>
    public static void DecayAndSubtract(Span<float> weights, float decay, ReadOnlySpan<float> gradient, float value)
    {
        var width = System.Numerics.Vector<float>.Count;
        var i = 0;
        for (; i + width <= weights.Length; i += width)
        {
            var w = new System.Numerics.Vector<float>(weights[i..]);
            var g = new System.Numerics.Vector<float>(gradient[i..]);
            ((w * decay) - (g * value)).CopyTo(weights[i..]);
        }

        for (; i < weights.Length; i++)
        {
            weights[i] = (weights[i] * decay) - (gradient[i] * value);
        }
    }
}

/// <summary>A small, fully specified random generator: System.Random's sequence is not a documented contract.</summary>
internal sealed class SplitMix64(ulong seed)
{
    private ulong state = seed;

    public ulong Next()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public int NextInt(int exclusiveMax) => (int)(Next() % (ulong)exclusiveMax);

    public void Shuffle<T>(T[] items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
