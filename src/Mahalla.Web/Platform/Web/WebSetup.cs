using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Mahalla.Web.Platform.Database;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mahalla.Web.Platform.Web;

public static class WebSetup
{
    public const string AuthLimit = "auth";
    public const string WriteLimit = "writes";

    /// <summary>
    /// Rate limits per client address (sign-in) and per user (writes). <c>RateLimiting:Enabled=false</c>
    /// switches them off for load tests; they are on by default.
    /// </summary>
    public static IServiceCollection AddMahallaRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var enabled = configuration.GetValue("RateLimiting:Enabled", true);
        var authPerMinute = configuration.GetValue("RateLimiting:SignInPerMinute", 20);
        var writesPerMinute = configuration.GetValue("RateLimiting:WritesPerMinute", 60);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(AuthLimit, http => enabled
                ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = authPerMinute, Window = TimeSpan.FromMinutes(1) })
                : RateLimitPartition.GetNoLimiter("off"));
            o.AddPolicy(WriteLimit, http => enabled && HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(http.User.Identity?.Name ?? http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = writesPerMinute, Window = TimeSpan.FromMinutes(1) })
                : RateLimitPartition.GetNoLimiter("off"));
        });
        return services;
    }

    public static IServiceCollection AddMahallaHttp(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<Errors.ProblemHandler>();
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase;
            // A field the request does not have is refused, not dropped: a misspelt "isAnonymous" filed under the
            // citizen's name (ADR 0082).
            o.SerializerOptions.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow;
            // A field given twice is refused, not read as its last value: a checker that read the first would have
            // passed what the app then did with the second (ADR 0085).
            o.SerializerOptions.AllowDuplicateProperties = false;
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer((doc, _, _) =>
            {
                doc.Info.Title = "Mahalla API";
                doc.Info.Description = "Appeals, tracking, staff inbox and reference data of the Mahalla platform.";
                return Task.CompletedTask;
            });
            o.AddDocumentTransformer<OpenApiAnswersStayOpen>();
        });
        services.AddHealthChecks().AddCheck<DatabaseReady>("database");
        services.AddAntiforgery();
        // Pages write Cyrillic and the Uzbek ʻ as themselves, not as &#x...; entities (the default encoder keeps only
        // Basic Latin), which made Russian and Uzbek Cyrillic pages twice the size of the English ones. Markup
        // characters (<, >, &, quotes) are still escaped.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<ContentSecurity>();

        // Scripts and styles go compressed (Leaflet is 147 KB raw, 43 KB gzipped: slow mobile connections feel it).
        // Only those: pages and API answers carry tokens next to user input, which compression over HTTPS exposes (BREACH).
        // Gzip at its optimal level: smaller here than Brotli at any level cheap enough to run on every request.
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.MimeTypes = ["text/css", "text/javascript", "application/javascript"];
            o.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        return services;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResultStatusCodes = { [HealthStatus.Healthy] = 200, [HealthStatus.Degraded] = 200, [HealthStatus.Unhealthy] = 503 },
        });
        return routes;
    }
}

/// <summary>What the content security policy allows beyond the site itself; modules add sources (the map's tile server).</summary>
public sealed class ContentSecurity
{
    /// <summary>Origins images may come from, e.g. <c>https://tile.openstreetmap.org</c> or <c>https://*.tile.example.org</c>.</summary>
    public List<string> ImageSources { get; } = [];
}

/// <summary>Healthy once migrations and seeding finished and the database answers.</summary>
internal sealed class DatabaseReady(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!ReadinessFlag.Ready)
        {
            return HealthCheckResult.Unhealthy("starting");
        }

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MahallaDb>();
        return await db.Database.CanConnectAsync(cancellationToken) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("database unreachable");
    }
}

public static class WebApplicationExtensions
{
    /// <summary>
    /// Conservative headers for every response. No referrer leaves the site, so tracking pages
    /// never leak into another site's logs.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var images = string.Concat(app.ApplicationServices.GetRequiredService<IOptions<ContentSecurity>>().Value.ImageSources.Select(s => " " + s));
        var policy = $"default-src 'self'; img-src 'self' data:{images}; style-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
        return app.Use(async (http, next) =>
        {
            var h = http.Response.Headers;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "no-referrer";
            h.ContentSecurityPolicy = policy;
            await next(http);
        });
    }

    /// <summary>Prints where the platform listens and the demo accounts, once the server is up.</summary>
    public static void PrintWelcomeOnStart(this WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Urls.Count > 0 ? string.Join(", ", app.Urls) : "(see the server log)";
            Console.WriteLine();
            Console.WriteLine($"Mahalla is running at {addresses}");
            if (app.Configuration.GetValue("Demo:Enabled", true))
            {
                var password = app.Configuration["Demo:Password"] is { Length: > 0 } ? "(from Demo:Password)" : Modules.Demo.DemoData.DefaultPassword;
                Console.WriteLine($"Demo accounts (password {password}):");
                foreach (var (userName, role) in Modules.Demo.DemoData.Accounts)
                {
                    Console.WriteLine($"  {userName,-20} {role}");
                }
            }

            Console.WriteLine();
        });
}
