using System.Text.Json;
using Mahalla.Web.Modules.Accounts.Contracts;
using Mahalla.Web.Modules.Open311.Data;
using Mahalla.Web.Modules.Open311.PostRequest;
using Mahalla.Web.Modules.Open311.Protocol;
using Mahalla.Web.Modules.Reports.Data;
using Mahalla.Web.Modules.Reports.FileReport;
using Mahalla.Web.Platform.Database;
using Mahalla.Web.Platform.Errors;
using Mahalla.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mahalla.Web.Modules.Open311.Tokens;

/// <summary><c>GET tokens/{token}</c>: the service_request_id of a queued request once it is filed (empty until then).</summary>
internal sealed class TokenQueries(MahallaDb db, TextCatalog catalog)
{
    public async Task<Node> GetAsync(string token, CancellationToken ct)
    {
        var submission = token.Length <= Open311Submission.MaxTokenLength
            ? await db.Set<Open311Submission>().AsNoTracking().Where(s => s.Token == token)
                .Select(s => new { s.State, s.TrackingNumber, s.Rejection }).FirstOrDefaultAsync(ct)
            : null;
        if (submission is null)
        {
            throw Open311Exception.NotFound($"token{Open311Exception.Quoted(token)} was not found.");
        }

        if (submission.State == SubmissionState.Rejected)
        {
            throw Open311Exception.NotFound($"token{Open311Exception.Quoted(token)}: the request was not filed. {catalog.Get("en", submission.Rejection ?? "error.not_found")}");
        }

        return new Many("service_requests", "request",
            [new Group("request", new Leaf("service_request_id", submission.TrackingNumber), new Leaf("token", token))]);
    }
}

/// <summary>
/// Files the queued (non-realtime) submissions, oldest first, each in its own scope and transaction through the
/// reports module, exactly as a realtime request is filed. A submission that can no longer be filed (its service
/// was withdrawn, its place left the served area) is rejected with the reason; a passing failure (the database
/// away) leaves it queued for the next run.
/// </summary>
internal sealed class SubmissionQueue(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SubmissionQueue> logger)
{
    private const int Batch = 50;

    public async Task<int> ProcessAsync(CancellationToken ct)
    {
        List<Guid> queued;
        await using (var scope = scopes.CreateAsyncScope())
        {
            queued = await scope.ServiceProvider.GetRequiredService<MahallaDb>().Set<Open311Submission>().AsNoTracking()
                .Where(s => s.State == SubmissionState.Queued).OrderBy(s => s.SubmittedAtUtc).Select(s => s.Id).Take(Batch).ToListAsync(ct);
        }

        var filed = 0;
        foreach (var id in queued)
        {
            filed += await FileAsync(id, ct) ? 1 : 0;
        }

        return filed;
    }

    private async Task<bool> FileAsync(Guid id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var submission = await services.GetRequiredService<MahallaDb>().Set<Open311Submission>().AsNoTracking()
            .FirstOrDefaultAsync(s => s.Id == id && s.State == SubmissionState.Queued, ct);
        if (submission?.RequestJson is null)
        {
            return false;
        }

        string? refusal;
        try
        {
            var request = JsonSerializer.Deserialize<FileReportRequest>(submission.RequestJson, PostServiceRequest.Json)
                ?? throw new JsonException("empty request");
            services.GetRequiredService<Open311Filing>().Expect(new ExpectedFiling(submission.ClientId, submission.ServiceCode, submission.MediaUrl, submission.Id));
            await services.GetRequiredService<FileReportHandler>()
                .HandleAsync(new ReportIntake(Caller.Anonymous, ReportChannel.Open311, submission.ClientId), request, [], ct);
            return true;
        }
        catch (InvalidInputException invalid)
        {
            refusal = invalid.Validation.Errors.Values.SelectMany(k => k).FirstOrDefault() ?? "error.invalid_input";
        }
        catch (BusinessRuleException rule)
        {
            refusal = rule.Rule;
        }
        catch (JsonException)
        {
            refusal = "error.invalid_input";
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogDebug("Open311 submission {Submission} was filed by another node", id);
            return false;
        }

        await RejectAsync(id, refusal, ct);
        return false;
    }

    private async Task RejectAsync(Guid id, string reason, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MahallaDb>();
        var submission = await db.Set<Open311Submission>().FirstOrDefaultAsync(s => s.Id == id && s.State == SubmissionState.Queued, ct);
        if (submission is null)
        {
            return;
        }

        submission.Reject(reason, clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Open311 submission {Submission} was rejected: {Reason}", id, reason);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogDebug("Open311 submission {Submission} was processed by another node", id);
        }
    }
}

/// <summary>Runs <see cref="SubmissionQueue"/> every <see cref="Open311Options.QueueInterval"/> when enabled.</summary>
internal sealed class SubmissionProcessor(SubmissionQueue queue, IOptions<Open311Options> options, ILogger<SubmissionProcessor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.QueueProcessorEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.QueueInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await queue.ProcessAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Filing queued Open311 requests failed; the queue is tried again at the next tick");
            }
        }
    }
}
