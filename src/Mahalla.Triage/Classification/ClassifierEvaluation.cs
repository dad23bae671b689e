namespace Mahalla.Triage.Classification;

/// <summary>Precision, recall and F1 of one label.</summary>
/// <param name="Label">The label.</param>
/// <param name="Support">Test examples that carry the label.</param>
/// <param name="Precision">Right among those predicted as the label.</param>
/// <param name="Recall">Found among those that carry the label.</param>
/// <param name="F1">Harmonic mean of precision and recall.</param>
public sealed record ClassFigures(string Label, int Support, double Precision, double Recall, double F1);

/// <summary>One confidence bin of a reliability diagram.</summary>
/// <param name="Lower">Lower bound of the top-class probability in the bin.</param>
/// <param name="Upper">Upper bound.</param>
/// <param name="Count">Predictions in the bin.</param>
/// <param name="MeanConfidence">Mean top-class probability in the bin.</param>
/// <param name="Accuracy">Share of those predictions that were right.</param>
public sealed record ReliabilityBin(double Lower, double Upper, int Count, double MeanConfidence, double Accuracy);

/// <summary>How a classifier did on labelled data it was not trained on.</summary>
/// <param name="Examples">Number of test examples.</param>
/// <param name="Accuracy">Share whose top class is right.</param>
/// <param name="MacroF1">Mean F1 over the labels that occur in the test data or the predictions.</param>
/// <param name="ExpectedCalibrationError">Count-weighted mean |accuracy − confidence| over the reliability bins.</param>
/// <param name="LogLoss">Mean negative log probability of the right label.</param>
/// <param name="PerClass">Figures per label, in label order.</param>
/// <param name="Reliability">Ten equal-width bins of top-class probability.</param>
public sealed record EvaluationReport(
    int Examples,
    double Accuracy,
    double MacroF1,
    double ExpectedCalibrationError,
    double LogLoss,
    IReadOnlyList<ClassFigures> PerClass,
    IReadOnlyList<ReliabilityBin> Reliability)
{
    internal CrossValidationFigures Figures(int folds) => new(folds, Accuracy, MacroF1, ExpectedCalibrationError);
}

/// <summary>Held-out evaluation and cross-validation: the figures an administrator compares before promoting a model.</summary>
public static class ClassifierEvaluation
{
    /// <summary>Predicts every example of <paramref name="test"/> with <paramref name="model"/> and scores the predictions.</summary>
    public static EvaluationReport Evaluate(TextClassifier model, IReadOnlyList<LabelledText> test)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(test);
        var outcomes = test.Select(e => Outcome.Of(model, model.Probabilities(FeatureExtractor.Extract(e.Text, model.Features)), e.Label)).ToList();
        return Score(outcomes);
    }

    /// <summary>
    /// Stratified k-fold cross-validation: each example is predicted by a model trained, with
    /// <paramref name="options"/>, on the other folds. Deterministic for a given seed.
    /// </summary>
    public static EvaluationReport CrossValidate(IReadOnlyList<LabelledText> examples, TrainingOptions options, int folds)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(options);
        return CrossValidate(TrainingData.Prepare(examples, options.Features), options, folds);
    }

    internal static EvaluationReport CrossValidate(TrainingData data, TrainingOptions options, int folds)
    {
        if (folds < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(folds), "Cross-validation needs at least two folds.");
        }

        var fold = Stratified.Folds(data.Labels, folds, options.Seed);
        var outcomes = new Outcome[data.Count];
        for (var f = 0; f < folds; f++)
        {
            var train = Enumerable.Range(0, data.Count).Where(i => fold[i] != f).ToArray();
            var test = Enumerable.Range(0, data.Count).Where(i => fold[i] == f).ToArray();
            if (test.Length == 0)
            {
                continue;
            }

            var model = ClassifierTrainer.Train(data, train, options, null);
            foreach (var i in test)
            {
                outcomes[i] = Outcome.Of(model, model.Probabilities(data.Vectors[i]), data.Classes[data.Labels[i]]);
            }
        }

        return Score([.. outcomes.Where(o => o is not null)]);
    }

    private static EvaluationReport Score(IReadOnlyList<Outcome> outcomes)
    {
        var labels = outcomes.Select(o => o.Truth).Concat(outcomes.Select(o => o.Predicted)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var perClass = labels.Select(label =>
        {
            var truePositive = outcomes.Count(o => o.Truth == label && o.Predicted == label);
            var predicted = outcomes.Count(o => o.Predicted == label);
            var support = outcomes.Count(o => o.Truth == label);
            var precision = predicted == 0 ? 0 : truePositive / (double)predicted;
            var recall = support == 0 ? 0 : truePositive / (double)support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            return new ClassFigures(label, support, precision, recall, f1);
        }).ToList();

        var bins = new List<ReliabilityBin>();
        var ece = 0.0;
        for (var b = 0; b < 10; b++)
        {
            double lower = b / 10.0, upper = (b + 1) / 10.0;
            var inBin = outcomes.Where(o => Math.Min(9, (int)(o.Confidence * 10)) == b).ToList();
            if (inBin.Count == 0)
            {
                bins.Add(new ReliabilityBin(lower, upper, 0, 0, 0));
                continue;
            }

            var confidence = inBin.Average(o => o.Confidence);
            var accuracy = inBin.Count(o => o.Correct) / (double)inBin.Count;
            ece += inBin.Count * Math.Abs(accuracy - confidence);
            bins.Add(new ReliabilityBin(lower, upper, inBin.Count, confidence, accuracy));
        }

        var n = Math.Max(1, outcomes.Count);
        return new EvaluationReport(
            outcomes.Count,
            outcomes.Count(o => o.Correct) / (double)n,
            perClass.Count == 0 ? 0 : perClass.Average(c => c.F1),
            ece / n,
            outcomes.Count == 0 ? 0 : outcomes.Average(o => -Math.Log(Math.Max(o.TruthProbability, 1e-12))),
            perClass,
            bins);
    }

    private sealed record Outcome(string Truth, string Predicted, double Confidence, double TruthProbability)
    {
        public bool Correct => Truth == Predicted;

        public static Outcome Of(TextClassifier model, double[] probabilities, string truth)
        {
            var best = 0;
            for (var c = 1; c < probabilities.Length; c++)
            {
                if (probabilities[c] > probabilities[best])
                {
                    best = c;
                }
            }

            var truthIndex = model.IndexOf(truth);
            return new Outcome(truth, model.Classes[best], probabilities[best], truthIndex < 0 ? 0 : probabilities[truthIndex]);
        }
    }
}
