namespace Mahalla.Web.Modules.Triage;

/// <summary>Triage settings (section <c>Triage</c>).</summary>
public sealed class TriageOptions
{
    /// <summary>Least calibrated probability at which the model routes a request on its own.</summary>
    public double AutoRouteConfidence { get; set; } = 0.85;

    /// <summary>The category a request waits under when the citizen left the topic open and the model is unsure.</summary>
    public string FallbackCategory { get; set; } = "other";

    /// <summary>How often a node looks for a newly promoted model.</summary>
    public TimeSpan ModelRefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Duplicates: the time window within which two reports may be the same problem.</summary>
    public TimeSpan DuplicateWindow { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Duplicates: least estimated similarity of the two texts.</summary>
    public double DuplicateSimilarity { get; set; } = 0.35;

    /// <summary>Training epochs of the retrain action (the seed model used 15).</summary>
    public int RetrainEpochs { get; set; } = 15;
}
