using System.ComponentModel.DataAnnotations;

namespace Mahalla.Web.Modules.Delivery;

/// <summary>Configuration section <c>Delivery</c>.</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>The platform's public address, for the links in deliveries (report page, photos).</summary>
    [Required]
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>Whether this node runs the delivery worker in the background (tests drive it by hand).</summary>
    public bool WorkerEnabled { get; set; } = true;

    /// <summary>How often the worker looks for due deliveries and status pulls.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Attempts in a row before a delivery is marked failed (staff can then retry it by hand).</summary>
    [Range(1, 30)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failure; it doubles after each further failure, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long one HTTP call to an organisation may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a node owns a claimed delivery; after it, another node may try (a crashed node's work is not lost).</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often an Open311 request's status is pulled from the organisation's server.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Plain <c>http://</c> addresses for webhooks and Open311 servers: for development and tests only.</summary>
    public bool AllowInsecureHttp { get; set; }
}
