using System.Net;
using System.Security.Cryptography;
using Mahalla.Web.Modules.Delivery.Data;
using Microsoft.AspNetCore.DataProtection;

namespace Mahalla.Web.Modules.Delivery.Sending;

/// <summary>Everything one attempt needs: the delivery, the organisation's settings and the report's facts as they are now.</summary>
/// <remarks>
/// <see cref="ReachedRemoteId"/>: for an Open311 withdrawal or update, the organisation's id of its newest request for the
/// report. <see cref="Change"/>: for an update, the status change it tells about.
/// </remarks>
internal sealed record DeliveryJob(ReportDelivery Delivery, DeliverySettings Settings, ReportFacts Facts, DateTime NowUtc,
    string? ReachedRemoteId = null, ReportChange? Change = null);

/// <summary>
/// How one attempt ended. <see cref="Error"/> is technical (an error kind, a status, the receiver's own error
/// code) and never carries request data; <see cref="Permanent"/> says retrying cannot help.
/// </summary>
internal sealed record SendOutcome(bool Ok, int? StatusCode, string? Error, bool Permanent = false, string? RemoteId = null, string? RemoteToken = null)
{
    public static SendOutcome Success(int? statusCode, string? remoteId = null, string? remoteToken = null) => new(true, statusCode, null, false, remoteId, remoteToken);

    public static SendOutcome Failure(string error, int? statusCode = null, bool permanent = false) => new(false, statusCode, error, permanent);

    /// <summary>A call that never got an answer: network errors and time-outs are worth retrying.</summary>
    public static SendOutcome From(Exception exception) => exception switch
    {
        HttpRequestException http => Failure($"connection: {http.HttpRequestError}"),
        TaskCanceledException or TimeoutException => Failure("timeout"),
        System.Net.Mail.SmtpException smtp => Failure($"smtp: {smtp.StatusCode}"),
        IOException => Failure("io"),
        _ => Failure(exception.GetType().Name),
    };

    /// <summary>Receivers that answer 408, 429 or 5xx are busy or broken for now; any other 4xx refused the message for good.</summary>
    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;
}

/// <summary>A way of delivering reports to organisations (the inbox needs none).</summary>
internal interface IDeliveryChannel
{
    DeliveryMethod Method { get; }

    /// <summary>Makes one attempt and reports how it ended; throws only when cancelled.</summary>
    Task<SendOutcome> SendAsync(DeliveryJob job, CancellationToken ct);
}

/// <summary>The organisations' secrets (webhook signing secrets, Open311 API keys), encrypted at rest with the data-protection key ring.</summary>
internal sealed class SecretBox(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Mahalla.Delivery.Secrets.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string? Unprotect(string? protectedSecret) => protectedSecret is null ? null : _protector.Unprotect(protectedSecret);

    /// <summary>A new webhook signing secret: 32 random bytes, base64url, with a recognisable prefix.</summary>
    public static string NewWebhookSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>The named HTTP client for calls to organisations: no redirects (a redirect could lead anywhere), no cookies, a time-out.</summary>
internal static class DeliveryHttp
{
    public const string Client = "delivery";

    public static IServiceCollection AddDeliveryHttp(this IServiceCollection services)
    {
        services.AddHttpClient(Client, (sp, c) =>
            {
                c.Timeout = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<DeliveryOptions>>().Value.Timeout;
                c.DefaultRequestHeaders.UserAgent.ParseAdd("Mahalla-Delivery/1");
                c.MaxResponseContentBufferSize = 1_000_000;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        return services;
    }
}
