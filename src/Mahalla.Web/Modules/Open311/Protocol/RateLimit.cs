using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Mahalla.Web.Modules.Open311.Protocol;

/// <summary>
/// Requests per minute for each client key, and for each address that calls without a valid key. The key of a
/// POST travels in the form body, which the rate-limiting middleware cannot read before the endpoint runs; so
/// the module applies the same fixed-window limiter itself once the key is known (ADR 0061).
/// <c>RateLimiting:Enabled=false</c> switches it off like the platform's other limits.
/// </summary>
internal sealed class Open311Limiter : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _limiter;

    public Open311Limiter(IOptions<Open311Options> options, IConfiguration configuration)
    {
        if (!configuration.GetValue("RateLimiting:Enabled", true))
        {
            return;
        }

        var perMinute = options.Value.RequestsPerMinute;
        _limiter = PartitionedRateLimiter.Create<string, string>(partition => RateLimitPartition.GetFixedWindowLimiter(partition,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }

    /// <summary>Takes one permit of the partition; null when allowed, otherwise how long to wait.</summary>
    public TimeSpan? Refuse(string partition)
    {
        if (_limiter is null)
        {
            return null;
        }

        using var lease = _limiter.AttemptAcquire(partition);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
    }

    public void Dispose() => _limiter?.Dispose();
}
