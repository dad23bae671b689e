using System.ComponentModel.DataAnnotations;

namespace Mahalla.Web.Modules.Open311;

/// <summary>Configuration section <c>Open311</c>.</summary>
public sealed class Open311Options
{
    public const string Section = "Open311";

    /// <summary>The platform's own jurisdiction id (the spec suggests the site's domain). Territories are jurisdictions too, by SOATO code.</summary>
    [Required, MaxLength(100)]
    public string JurisdictionId { get; set; } = "mahalla.uz";

    /// <summary>Requests per minute for each client key (and for each address calling without a key).</summary>
    [Range(1, 100_000)]
    public int RequestsPerMinute { get; set; } = 60;

    /// <summary>Discovery: how to reach the people who run the API.</summary>
    [Required, MaxLength(500)]
    public string Contact { get; set; } = "Write to the administrators of this Mahalla installation.";

    /// <summary>Discovery: how to get an API key.</summary>
    [Required, MaxLength(500)]
    public string KeyService { get; set; } = "API keys are issued by the administrators of this Mahalla installation (Administration → Open311 clients).";

    /// <summary>Discovery: the endpoint's type, <c>production</c> or <c>test</c>.</summary>
    [RegularExpression("^(production|test)$")]
    public string EndpointType { get; set; } = "production";

    /// <summary>Discovery: when the service list or its definitions last changed (sortable, e.g. <c>2026-11-22 00:00</c>).</summary>
    [Required, MaxLength(40)]
    public string Changeset { get; set; } = "2026-11-22 00:00";

    /// <summary>Whether this node files queued (non-realtime) submissions in the background (tests drive the queue by hand).</summary>
    public bool QueueProcessorEnabled { get; set; } = true;

    /// <summary>How often the queue of non-realtime submissions is processed.</summary>
    public TimeSpan QueueInterval { get; set; } = TimeSpan.FromMinutes(1);
}
