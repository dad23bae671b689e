using Mahalla.Triage.Classification;

namespace Mahalla.Triage.Tests;

public sealed class ClassifierTests
{
    // A real multilingual labelled set: the language-id sentences, with both Uzbek scripts under
    // one label (normalisation writes Uzbek in Latin, so the model must not need the script).
    private static readonly IReadOnlyList<(int Line, LabelledText Example)> Sentences =
        [.. TestData.LanguageSentences()
            .Where(s => s.Label != "pes")
            .Select(s => (s.Line, new LabelledText(s.Text, s.Label is "uz_lat" or "uz_cyr" ? "uzb" : s.Label)))];

    private static List<LabelledText> Where(Func<int, bool> line) => [.. Sentences.Where(s => line(s.Line)).Select(s => s.Example)];

    private static readonly TrainingOptions Fast = new() { Epochs = 8, Name = "test" };

    [Theory]
    [InlineData(0, 1 << 22)] // the radix sort's range, below and above its small-input cut-off
    [InlineData(0, 300)] // many repeats, as a text's n-grams have
    [InlineData(-5, 1 << 22)] // out of its range: the comparison sort
    [InlineData(0, int.MaxValue)]
    public void Feature_ids_are_sorted_as_a_comparison_sort_sorts_them(int min, int max)
    {
        var random = new Random(min ^ max);
        foreach (var length in new[] { 0, 1, 63, 64, 65, 1_000, 5_000 })
        {
            var ids = Enumerable.Range(0, length).Select(_ => random.Next(min, max)).ToArray();
            var expected = ids.Order().ToArray();
            FeatureExtractor.SortIds(ids);
            Assert.Equal(expected, ids);
        }
    }

    [Fact]
    public void Scoring_eight_classes_at_once_gives_the_scalar_scores_to_the_bit()
    {
        // Both paths run whatever the hardware: without 256-bit vectors the vector type is emulated, and the sums must still match.
        var models = new[] { TextClassifier.LoadSeed()!, TextClassifier.LoadEmbedded(Languages.LanguageIdentifier.ResourceName)! };
        var compared = 0;
        foreach (var model in models)
        {
            Assert.True(model.Classes.Count >= 8, $"{model.Card.Name}: {model.Classes.Count} classes");
            foreach (var (_, example) in Sentences.Take(1_500))
            {
                var x = FeatureExtractor.Extract(example.Text, model.Features);
                var scalar = model.Logits(x, vectorized: false);
                var vectorized = model.Logits(x, vectorized: true);
                Assert.Equal(scalar.Select(BitConverter.DoubleToInt64Bits), vectorized.Select(BitConverter.DoubleToInt64Bits));
                compared++;
            }
        }

        Assert.Equal(3_000, compared);
    }

    [Fact]
    public void The_same_data_and_seed_give_a_byte_identical_model()
    {
        var data = Where(line => line % 5 == 1);
        var first = Bytes(ClassifierTrainer.Train(data, Fast));
        var second = Bytes(ClassifierTrainer.Train(data, Fast));
        Assert.Equal(first, second);

        var otherSeed = Bytes(ClassifierTrainer.Train(data, Fast with { Seed = 7 }));
        Assert.NotEqual(first, otherSeed);
    }

    [Fact]
    public void Held_out_accuracy_stays_above_the_floor_and_probabilities_are_calibrated()
    {
        var model = ClassifierTrainer.Train(Where(line => line % 5 is 1 or 2 or 3), Fast);
        var report = ClassifierEvaluation.Evaluate(model, Where(line => line % 5 == 0));

        Assert.True(report.Accuracy >= 0.93, $"accuracy {report.Accuracy:F3}");
        Assert.True(report.MacroF1 >= 0.9, $"macro F1 {report.MacroF1:F3}");
        Assert.True(report.ExpectedCalibrationError <= 0.05, $"ECE {report.ExpectedCalibrationError:F3}");
        foreach (var bin in report.Reliability.Where(b => b.Count >= 40))
        {
            Assert.True(Math.Abs(bin.Accuracy - bin.MeanConfidence) <= 0.12, $"bin {bin.Lower:F1}-{bin.Upper:F1}: confidence {bin.MeanConfidence:F3}, accuracy {bin.Accuracy:F3}");
        }
    }

    [Fact]
    public void Temperature_scaling_fits_a_temperature_on_held_out_data()
    {
        var calibrated = ClassifierTrainer.Train(Where(line => line % 5 is 1 or 2), Fast);
        var uncalibrated = ClassifierTrainer.Train(Where(line => line % 5 is 1 or 2), Fast with { CalibrationFraction = 0 });
        Assert.NotEqual(1.0, calibrated.Temperature);
        Assert.Equal(1.0, uncalibrated.Temperature);

        var test = Where(line => line % 5 == 0);
        Assert.True(ClassifierEvaluation.Evaluate(calibrated, test).LogLoss <= ClassifierEvaluation.Evaluate(uncalibrated, test).LogLoss + 0.01);
    }

    [Fact]
    public void Class_weighting_keeps_a_rare_class_from_being_drowned()
    {
        // English cut to 25 examples against ~300 of each other language.
        var english = 0;
        var data = Where(line => line % 5 is 1 or 2).Where(e => e.Label != "eng" || english++ < 25).ToList();
        var test = Where(line => line % 5 == 0);
        var balanced = ClassifierEvaluation.Evaluate(ClassifierTrainer.Train(data, Fast), test).PerClass.Single(c => c.Label == "eng");
        var unweighted = ClassifierEvaluation.Evaluate(ClassifierTrainer.Train(data, Fast with { BalanceClasses = false }), test).PerClass.Single(c => c.Label == "eng");

        Assert.True(balanced.Recall >= 0.75, $"balanced recall {balanced.Recall:F3}");
        Assert.True(balanced.Recall > unweighted.Recall, $"balanced {balanced.Recall:F3}, unweighted {unweighted.Recall:F3}");
    }

    [Fact]
    public void A_saved_model_loads_with_its_card_and_predicts_exactly_as_before()
    {
        var model = ClassifierTrainer.Train(Where(line => line % 5 == 2), Fast with { CrossValidationFolds = 3, Description = "language sentences" });
        using var stream = new MemoryStream(Bytes(model));
        var loaded = TextClassifier.Load(stream);

        Assert.Equal(model.Classes, loaded.Classes);
        Assert.Equal(model.Card.Examples, loaded.Card.Examples);
        Assert.Equal("language sentences", loaded.Card.Description);
        Assert.Equal(3, loaded.Card.CrossValidation!.Folds);
        Assert.InRange(loaded.Card.CrossValidation.Accuracy, 0.8, 1.0);
        foreach (var example in Where(line => line % 50 == 0))
        {
            Assert.Equal(model.Predict(example.Text), loaded.Predict(example.Text));
        }
    }

    [Fact]
    public void Probabilities_of_all_classes_sum_to_one_highest_first()
    {
        var model = ClassifierTrainer.Train(Where(line => line % 5 == 3), Fast);
        var prediction = model.Predict("Ich bin nicht in Toms Auto eingestiegen.");
        Assert.Equal(model.Classes.Count, prediction.Count);
        Assert.Equal(1.0, prediction.Sum(p => p.Probability), 6);
        Assert.Equal("deu", prediction[0].Label);
        Assert.True(prediction.Zip(prediction.Skip(1)).All(p => p.First.Probability >= p.Second.Probability));
    }

    [Fact]
    public void A_file_that_is_not_a_model_is_refused()
    {
        using var stream = new MemoryStream("{\"format\":\"something-else\",\"version\":1}"u8.ToArray());
        Assert.Throws<InvalidDataException>(() => TextClassifier.Load(stream));
    }

    [Fact]
    public void Training_needs_two_labels() =>
        Assert.Throws<ArgumentException>(() => ClassifierTrainer.Train([new LabelledText("a", "x"), new LabelledText("b", "x")]));

    private static byte[] Bytes(TextClassifier model)
    {
        using var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }
}
