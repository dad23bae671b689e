using System.ComponentModel.DataAnnotations;

namespace Mahalla.Web.Modules.Transparency;

/// <summary>Configuration section <c>Transparency</c>.</summary>
internal sealed class TransparencyOptions
{
    public const string Section = "Transparency";

    /// <summary>The log's origin line (its public name).</summary>
    [Required]
    public string Origin { get; set; } = "mahalla.local/log";

    /// <summary>
    /// The log's private key, <c>PRIVATE+KEY+name+keyid+…</c> (<c>SignerKey.Format()</c>). When absent, a key
    /// is generated on first start and kept in the database: for development only (ADR 0043).
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>Whether this node runs the sequencer in the background (tests drive it by hand).</summary>
    public bool SequencerEnabled { get; set; } = true;

    /// <summary>How often the sequencer integrates pending entries and signs a checkpoint while entries arrive.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Entries integrated per transaction.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 2_000;

    /// <summary>How long a node holds the sequencing lease without renewing it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Witnesses asked to cosign each checkpoint.</summary>
    public List<WitnessOptions> Witnesses { get; set; } = [];

    /// <summary>A checkpoint is published only with at least this many valid witness cosignatures (0: none needed).</summary>
    [Range(0, 100)]
    public int WitnessThreshold { get; set; }
}

internal sealed class WitnessOptions
{
    /// <summary>The witness's submission prefix (it serves <c>{Url}/add-checkpoint</c>).</summary>
    public string Url { get; set; } = "";

    /// <summary>The witness's cosignature verifier key.</summary>
    public string Vkey { get; set; } = "";
}
