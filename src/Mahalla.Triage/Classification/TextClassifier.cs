using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Frozen;
using System.Globalization;
using System.Runtime.Intrinsics;
using System.Text.Json;
using Mahalla.Triage.Text;

namespace Mahalla.Triage.Classification;

/// <summary>
/// A trained multinomial logistic-regression text classifier with calibrated probabilities.
/// Immutable and thread-safe: one instance serves every request.
/// </summary>
public sealed class TextClassifier
{
    /// <summary>The file format written by <see cref="Save"/>.</summary>
    public const string Format = "mahalla.triage.linear-model";

    /// <summary>The format version this library reads and writes.</summary>
    public const int FormatVersion = 1;

    private static readonly Lazy<TextClassifier?> Seed = new(() => LoadEmbedded("Mahalla.Triage.seed-model.json"));

    private readonly FrozenDictionary<int, int> rows;
    private readonly string[] classes;
    private readonly int[] featureIds;
    private readonly float[] weights;
    private readonly float[] bias;

    internal TextClassifier(ModelCard card, FeatureOptions features, string[] classes, int[] featureIds, float[] weights, float[] bias, double temperature)
    {
        Card = card;
        Features = features;
        this.classes = classes;
        this.featureIds = featureIds;
        this.weights = weights;
        this.bias = bias;
        Temperature = temperature;
        var map = new Dictionary<int, int>(featureIds.Length);
        for (var i = 0; i < featureIds.Length; i++)
        {
            map[featureIds[i]] = i;
        }

        rows = map.ToFrozenDictionary();
    }

    /// <summary>The model card: data size, classes, training settings, cross-validated figures.</summary>
    public ModelCard Card { get; }

    /// <summary>The labels this model predicts, in a fixed order.</summary>
    public IReadOnlyList<string> Classes => classes;

    /// <summary>The feature settings the model was trained with.</summary>
    public FeatureOptions Features { get; }

    /// <summary>The softmax temperature fitted on held-out data (1 when not calibrated).</summary>
    public double Temperature { get; }

    internal int FeatureCount => featureIds.Length;

    /// <summary>
    /// The seed model that ships with the product (trained on the team's request corpus),
    /// or null when this build carries none.
    /// </summary>
    public static TextClassifier? LoadSeed() => Seed.Value;

    /// <summary>Probabilities of every class, highest first (ties in class order).</summary>
    public IReadOnlyList<ClassProbability> Predict(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Ranked(Probabilities(FeatureExtractor.Extract(text, Features)));
    }

    /// <summary>
    /// As <see cref="Predict(string)"/>, given the text's normalised form and its tokens (computed once by
    /// <see cref="RequestTriage"/> for every step); a model whose features are not normalised reads the text.
    /// </summary>
    internal IReadOnlyList<ClassProbability> Predict(string text, NormalizedText normalized, List<string> normalizedTokens)
    {
        if (!Features.Normalise)
        {
            return Predict(text);
        }

        return Ranked(Probabilities(FeatureExtractor.FromTokens(normalizedTokens, normalized.Text.Length, Features)));
    }

    private ClassProbability[] Ranked(double[] probabilities)
    {
        var order = Enumerable.Range(0, classes.Length).OrderByDescending(k => probabilities[k]).ThenBy(k => k);
        return [.. order.Select(k => new ClassProbability(classes[k], probabilities[k]))];
    }

    /// <summary>The <paramref name="top"/> most probable classes, highest first.</summary>
    public IReadOnlyList<ClassProbability> Predict(string text, int top) => [.. Predict(text).Take(Math.Max(1, top))];

    internal double[] Probabilities(SparseVector x)
    {
        var scores = Logits(x);
        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] /= Temperature;
        }

        Softmax(scores);
        return scores;
    }

    internal double[] Logits(SparseVector x) => Logits(x, Vector256.IsHardwareAccelerated);

    /// <summary>
    /// The class scores: each class's bias plus, feature by feature in the vector's order, the single-precision product of the
    /// feature's value and weight, added in double precision. With <paramref name="vectorized"/> eight classes are scored at once
    /// (each lane does the same operations in the same order as the scalar loop, so the scores are identical to the bit).
    /// </summary>
    internal double[] Logits(SparseVector x, bool vectorized)
    {
        var k = classes.Length;
        var scores = new double[k];
        for (var c = 0; c < k; c++)
        {
            scores[c] = bias[c];
        }

        // The weights' offsets and the values of the features the model knows, looked up once for every class.
        var found = 0;
        var offsets = ArrayPool<int>.Shared.Rent(x.Ids.Length);
        var values = ArrayPool<float>.Shared.Rent(x.Ids.Length);
        for (var i = 0; i < x.Ids.Length; i++)
        {
            if (rows.TryGetValue(x.Ids[i], out var row))
            {
                offsets[found] = row * k;
                values[found] = x.Values[i];
                found++;
            }
        }

        var first = 0;
        if (vectorized)
        {
            for (; first + 8 <= k; first += 8)
            {
                var lower = Vector256.Create<double>(scores.AsSpan(first, 4));
                var upper = Vector256.Create<double>(scores.AsSpan(first + 4, 4));
                for (var f = 0; f < found; f++)
                {
                    var products = Vector256.Create<float>(weights.AsSpan(offsets[f] + first, 8)) * Vector256.Create(values[f]);
                    var (productsLower, productsUpper) = Vector256.Widen(products);
                    lower += productsLower;
                    upper += productsUpper;
                }

                lower.CopyTo(scores.AsSpan(first, 4));
                upper.CopyTo(scores.AsSpan(first + 4, 4));
            }
        }

        for (var c = first; c < k; c++)
        {
            var score = scores[c];
            for (var f = 0; f < found; f++)
            {
                score += values[f] * weights[offsets[f] + c];
            }

            scores[c] = score;
        }

        ArrayPool<int>.Shared.Return(offsets);
        ArrayPool<float>.Shared.Return(values);
        return scores;
    }

    internal int IndexOf(string label) => Array.IndexOf(classes, label);

    internal static void Softmax(Span<double> scores)
    {
        var max = double.NegativeInfinity;
        foreach (var s in scores)
        {
            max = Math.Max(max, s);
        }

        var sum = 0.0;
        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] = Math.Exp(scores[c] - max);
            sum += scores[c];
        }

        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] /= sum;
        }
    }

    /// <summary>
    /// Writes the model as UTF-8 JSON: format, version, card, features, classes and weights.
    /// The same model always produces the same bytes.
    /// </summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("format", Format);
        json.WriteNumber("version", FormatVersion);
        json.WriteStartObject("card");
        json.WriteString("name", Card.Name);
        json.WriteString("description", Card.Description);
        json.WriteNumber("examples", Card.Examples);
        json.WriteStartObject("class_counts");
        foreach (var (label, count) in Card.ClassCounts)
        {
            json.WriteNumber(label, count);
        }

        json.WriteEndObject();
        json.WriteString("training", Card.Training);
        if (Card.CrossValidation is { } cv)
        {
            json.WriteStartObject("cross_validation");
            json.WriteNumber("folds", cv.Folds);
            json.WriteNumber("accuracy", Math.Round(cv.Accuracy, 4));
            json.WriteNumber("macro_f1", Math.Round(cv.MacroF1, 4));
            json.WriteNumber("expected_calibration_error", Math.Round(cv.ExpectedCalibrationError, 4));
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteStartObject("features");
        json.WriteBoolean("normalise", Features.Normalise);
        json.WriteNumber("char_min", Features.CharMin);
        json.WriteNumber("char_max", Features.CharMax);
        json.WriteNumber("word_ngrams", Features.WordNgrams);
        json.WriteNumber("hash_bits", Features.HashBits);
        json.WriteEndObject();
        json.WriteStartArray("classes");
        foreach (var label in classes)
        {
            json.WriteStringValue(label);
        }

        json.WriteEndArray();
        json.WriteString("temperature", Temperature.ToString("R", CultureInfo.InvariantCulture));
        json.WriteString("bias", FloatsToBase64(bias));

        // Ids ascend, so deltas are small; the model stays a few hundred kilobytes.
        var deltas = new int[featureIds.Length];
        for (var i = 0; i < featureIds.Length; i++)
        {
            deltas[i] = i == 0 ? featureIds[0] : featureIds[i] - featureIds[i - 1];
        }

        json.WriteString("feature_ids", IntsToBase64(deltas));
        json.WriteString("weights", HalvesToBase64(weights));
        json.WriteEndObject();
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is not a model of this format and version.</exception>
    public static TextClassifier Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var document = JsonDocument.Parse(stream);
            var root = document.RootElement;
            if (root.GetProperty("format").GetString() != Format || root.GetProperty("version").GetInt32() != FormatVersion)
            {
                throw new InvalidDataException($"Not a {Format} version {FormatVersion} model.");
            }

            var card = root.GetProperty("card");
            CrossValidationFigures? cv = null;
            if (card.TryGetProperty("cross_validation", out var c))
            {
                cv = new CrossValidationFigures(c.GetProperty("folds").GetInt32(), c.GetProperty("accuracy").GetDouble(), c.GetProperty("macro_f1").GetDouble(), c.GetProperty("expected_calibration_error").GetDouble());
            }

            var counts = new Dictionary<string, int>();
            foreach (var p in card.GetProperty("class_counts").EnumerateObject())
            {
                counts[p.Name] = p.Value.GetInt32();
            }

            var modelCard = new ModelCard(card.GetProperty("name").GetString()!, card.GetProperty("description").GetString()!, card.GetProperty("examples").GetInt32(), counts, card.GetProperty("training").GetString()!, cv);
            var f = root.GetProperty("features");
            var features = new FeatureOptions(f.GetProperty("normalise").GetBoolean(), f.GetProperty("char_min").GetInt32(), f.GetProperty("char_max").GetInt32(), f.GetProperty("word_ngrams").GetInt32(), f.GetProperty("hash_bits").GetInt32());
            var classes = root.GetProperty("classes").EnumerateArray().Select(e => e.GetString()!).ToArray();
            var temperature = double.Parse(root.GetProperty("temperature").GetString()!, CultureInfo.InvariantCulture);
            var bias = Base64ToFloats(root.GetProperty("bias").GetString()!);
            var ids = Base64ToInts(root.GetProperty("feature_ids").GetString()!);
            for (var i = 1; i < ids.Length; i++)
            {
                ids[i] += ids[i - 1];
            }

            var weights = Base64ToHalves(root.GetProperty("weights").GetString()!);
            if (bias.Length != classes.Length || weights.Length != ids.Length * classes.Length || temperature <= 0)
            {
                throw new InvalidDataException("The model's weights do not match its classes and features.");
            }

            return new TextClassifier(modelCard, features, classes, ids, weights, bias, temperature);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            throw new InvalidDataException($"Not a readable {Format} model: {e.Message}", e);
        }
    }

    internal static TextClassifier? LoadEmbedded(string resource)
    {
        using var stream = typeof(TextClassifier).Assembly.GetManifestResourceStream(resource);
        return stream is null ? null : Load(stream);
    }

    private static string FloatsToBase64(float[] values)
    {
        var bytes = new byte[values.Length * 4];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), values[i]);
        }

        return Convert.ToBase64String(bytes);
    }

    // Weights are stored at half precision (trained weights are rounded to it before use, so a
    // saved and reloaded model predicts exactly as the trained one); it halves the model's size.
    internal static float RoundToStored(float weight) => (float)(Half)weight;

    private static string HalvesToBase64(float[] values)
    {
        var bytes = new byte[values.Length * 2];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteHalfLittleEndian(bytes.AsSpan(i * 2), (Half)values[i]);
        }

        return Convert.ToBase64String(bytes);
    }

    private static float[] Base64ToHalves(string base64)
    {
        var bytes = Convert.FromBase64String(base64);
        var values = new float[bytes.Length / 2];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)BinaryPrimitives.ReadHalfLittleEndian(bytes.AsSpan(i * 2));
        }

        return values;
    }

    private static string IntsToBase64(int[] values)
    {
        var bytes = new byte[values.Length * 4];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * 4), values[i]);
        }

        return Convert.ToBase64String(bytes);
    }

    private static float[] Base64ToFloats(string base64)
    {
        var bytes = Convert.FromBase64String(base64);
        var values = new float[bytes.Length / 4];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * 4));
        }

        return values;
    }

    private static int[] Base64ToInts(string base64)
    {
        var bytes = Convert.FromBase64String(base64);
        var values = new int[bytes.Length / 4];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(i * 4));
        }

        return values;
    }
}
