namespace Mahalla.Triage.Classification;

/// <summary>A labelled example: a request text and its category (or any label).</summary>
/// <param name="Text">The text as received (HTML remnants, any script).</param>
/// <param name="Label">The label, such as a category code.</param>
public sealed record LabelledText(string Text, string Label);

/// <summary>What a model is, what it was trained on and how well it did; travels inside the model file.</summary>
/// <param name="Name">Model name, such as "mahalla-seed".</param>
/// <param name="Description">Free text: where the data came from and what it is for.</param>
/// <param name="Examples">Number of training examples.</param>
/// <param name="ClassCounts">Training examples per label, in label order.</param>
/// <param name="Training">The training settings, in words.</param>
/// <param name="CrossValidation">Cross-validated figures, when computed at training time.</param>
public sealed record ModelCard(
    string Name,
    string Description,
    int Examples,
    IReadOnlyDictionary<string, int> ClassCounts,
    string Training,
    CrossValidationFigures? CrossValidation);

/// <summary>Figures from k-fold cross-validation (every example predicted once, by a model that did not see it).</summary>
/// <param name="Folds">Number of folds.</param>
/// <param name="Accuracy">Share of examples whose top class is right.</param>
/// <param name="MacroF1">Unweighted mean of the per-class F1 scores.</param>
/// <param name="ExpectedCalibrationError">Mean gap between confidence and accuracy over ten confidence bins.</param>
public sealed record CrossValidationFigures(int Folds, double Accuracy, double MacroF1, double ExpectedCalibrationError);

/// <summary>One class and its probability.</summary>
/// <param name="Label">The class label (category code).</param>
/// <param name="Probability">Calibrated probability, 0 to 1; the probabilities of all classes sum to 1.</param>
public sealed record ClassProbability(string Label, double Probability);
