using Mahalla.Tlog.Notes;
using Mahalla.Web.Modules.Transparency.Overview;
using Mahalla.Web.Modules.Transparency.RecordEvents;
using Mahalla.Web.Modules.Transparency.ServeLog;
using Mahalla.Web.Modules.Transparency.Sequencing;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mahalla.Web.Modules.Transparency;

/// <summary>
/// The transparency log in the platform (docs/tlog.md, "In the platform"): every appeal event becomes a log
/// entry in the same transaction, a sequencer integrates entries and publishes witnessed checkpoints, and
/// the log is served as tlog-tiles with proofs and receipts for anyone to verify.
/// </summary>
public static class TransparencyModule
{
    public static IServiceCollection AddTransparency(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TransparencyOptions>().Bind(configuration.GetSection(TransparencyOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.CheckpointInterval > TimeSpan.Zero && o.LeaseDuration > o.CheckpointInterval,
                "Transparency:CheckpointInterval must be positive and shorter than Transparency:LeaseDuration.")
            .Validate(o => o.WitnessThreshold <= o.Witnesses.Count, "Transparency:WitnessThreshold cannot exceed the number of witnesses.")
            .Validate(o => o.Witnesses.All(ValidWitness), "Each Transparency:Witnesses entry needs an absolute http(s) Url and a valid Vkey.")
            .Validate(o => o.SigningKey is not { Length: > 0 } key || ValidSigningKey(key), "Transparency:SigningKey is not a valid PRIVATE+KEY+… string.")
            .ValidateOnStart();
        services.AddSingleton<IInterceptor, RecordEventsInterceptor>();
        services.AddSingleton<LogKeys>();
        services.AddSingleton<Sequencer>();
        services.AddHostedService<SequencerService>();
        services.AddHttpClient(Sequencer.WitnessClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddScoped<PublishedLog>();
        services.AddScoped<Receipts.Receipts>();
        services.AddScoped<Overview.Overview>();
        return services;
    }

    public static IEndpointRouteBuilder MapTransparency(this IEndpointRouteBuilder routes)
    {
        LogEndpoints.Map(routes);
        Receipts.Receipts.Map(routes);
        return routes;
    }

    private static bool ValidWitness(WitnessOptions w)
    {
        if (!Uri.TryCreate(w.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return false;
        }

        try
        {
            NoteVerifier.ParseCosigner(w.Vkey);
            return true;
        }
        catch (NoteFormatException)
        {
            return false;
        }
    }

    private static bool ValidSigningKey(string key)
    {
        try
        {
            using var parsed = SignerKey.Parse(key);
            return true;
        }
        catch (NoteFormatException)
        {
            return false;
        }
    }
}
