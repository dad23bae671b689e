using System.Diagnostics;
using System.Globalization;
using Mahalla.Web.Modules.Appeals.Data;
using Mahalla.Web.Modules.Calendar.Contracts;
using Mahalla.Web.Modules.Delivery.Data;
using Mahalla.Web.Modules.Notifications.Contracts;
using Mahalla.Web.Platform.Database;
using Mahalla.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mahalla.Web.Modules.Delivery.Sending;

/// <summary>
/// Sends due deliveries and pulls Open311 statuses, on every node. A delivery is claimed with one conditional
/// UPDATE that bumps its version and pushes its next attempt forward by a lease; only the node whose UPDATE
/// changed the row sends, and its outcome is saved under the version it claimed — so two nodes never send
/// the same attempt, a node that died mid-attempt leaves the delivery to another after the lease, and a
/// cancellation that raced the attempt wins. Delivery is at least once: receivers deduplicate by delivery id.
/// An Open311 request that the organisation closes marks our report answered ("fixed") through the request
/// engine's own <see cref="Appeal.Answer"/>, acted by the role <c>external_system</c> and recorded as an event.
/// </summary>
public sealed class DeliveryWorker(IServiceScopeFactory scopes, TimeProvider clock, IOptions<DeliveryOptions> options, TextCatalog catalog,
    ILogger<DeliveryWorker> logger) : BackgroundService
{
    public const string ExternalSystemRole = "external_system";
    private const int Batch = 50;

    public sealed record RunResult(int Delivered, int Retrying, int Failed, int Polled, int ClosedByOrganization);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<RunResult> RunOnceAsync(CancellationToken ct)
    {
        var now = Now;
        List<Guid> due;
        List<Guid> polls;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MahallaDb>();
            due = await db.Set<ReportDelivery>().AsNoTracking()
                .Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptUtc <= now)
                .OrderBy(d => d.NextAttemptUtc).Select(d => d.Id).Take(Batch).ToListAsync(ct);
            polls = await db.Set<ReportDelivery>().AsNoTracking()
                .Where(d => d.NextPollUtc <= now)
                .OrderBy(d => d.NextPollUtc).Select(d => d.Id).Take(Batch).ToListAsync(ct);
        }

        int delivered = 0, retrying = 0, failed = 0, polled = 0, closed = 0;
        foreach (var id in due)
        {
            switch (await SendAsync(id, ct))
            {
                case DeliveryStatus.Delivered: delivered++; break;
                case DeliveryStatus.Pending: retrying++; break;
                case DeliveryStatus.Failed: failed++; break;
            }
        }

        foreach (var id in polls)
        {
            if (await PullAsync(id, ct) is { } answered)
            {
                polled++;
                closed += answered ? 1 : 0;
            }
        }

        return new RunResult(delivered, retrying, failed, polled, closed);
    }

    /// <summary>The wait before attempt <c>n + 1</c> after <c>n</c> failures in a row: doubling from the first delay, capped.</summary>
    public static TimeSpan Backoff(int failures, TimeSpan first, TimeSpan max)
    {
        var factor = Math.Pow(2, Math.Clamp(failures - 1, 0, 30));
        return TimeSpan.FromTicks((long)Math.Min(first.Ticks * factor, max.Ticks));
    }

    private async Task<DeliveryStatus?> SendAsync(Guid id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<MahallaDb>();
        var o = options.Value;
        var now = Now;
        var lease = now + o.Lease;
        var claimed = await db.Set<ReportDelivery>()
            .Where(d => d.Id == id && d.Status == DeliveryStatus.Pending && d.NextAttemptUtc <= now)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.NextAttemptUtc, lease)
                .SetProperty(d => d.Attempts, d => d.Attempts + 1)
                .SetProperty(d => d.Version, d => d.Version + 1), ct);
        if (claimed == 0)
        {
            return null;
        }

        var delivery = await db.Set<ReportDelivery>().SingleAsync(d => d.Id == id, ct);
        var settings = await db.Set<DeliverySettings>().AsNoTracking().FirstOrDefaultAsync(s => s.OrganizationId == delivery.OrganizationId, ct);
        var reader = services.GetRequiredService<ReportFactsReader>();
        var facts = settings is null ? null
            : await reader.ReadAsync(delivery.ReportId, settings.ShareReporterContact && delivery.Kind != DeliveryKind.Withdrawal, ct);
        if (delivery.Kind != DeliveryKind.Withdrawal && facts is not null && facts.ResponsibleOrganizationId != delivery.OrganizationId)
        {
            // Re-routed while this waited: the organisation is no longer the one to tell.
            delivery.Cancel();
            return await SaveAsync(db, delivery, ct);
        }

        // Open311 withdrawals and updates concern the newest request this delivery's organisation holds for the report.
        var reached = delivery.Kind != DeliveryKind.Report && delivery.Method == DeliveryMethod.Open311
            ? await db.Set<ReportDelivery>().AsNoTracking()
                .Where(d => d.ReportId == delivery.ReportId && d.OrganizationId == delivery.OrganizationId && d.Id != delivery.Id
                    && d.Kind != DeliveryKind.Withdrawal && d.Method == DeliveryMethod.Open311 && d.Status == DeliveryStatus.Delivered && d.RemoteId != null)
                .OrderByDescending(d => d.CreatedAtUtc).Select(d => d.RemoteId).FirstOrDefaultAsync(ct)
            : null;
        var change = delivery.Kind == DeliveryKind.Update && facts is not null
            ? await reader.ChangeAsync(delivery.ReportId, delivery.OrganizationId, delivery.CreatedAtUtc, ct)
            : null;
        var watch = Stopwatch.StartNew();
        var outcome = settings is null || facts is null
            ? SendOutcome.Failure("not_found: the organisation's settings or the report", permanent: true)
            : await services.GetServices<IDeliveryChannel>().Single(c => c.Method == delivery.Method)
                .SendAsync(new DeliveryJob(delivery, settings, facts, now, reached, change), ct);
        var after = Now;
        db.Add(new DeliveryAttempt(Guid.CreateVersion7(), delivery.Id, delivery.Attempts, now, (int)watch.ElapsedMilliseconds,
            outcome.StatusCode, outcome.Ok, outcome.Error));
        if (outcome.Ok)
        {
            delivery.Delivered(after, outcome.StatusCode, outcome.RemoteId, outcome.RemoteToken, after + o.PollInterval);
        }
        else
        {
            delivery.AttemptFailed(after, outcome.StatusCode, outcome.Error!, outcome.Permanent, o.MaxAttempts,
                Backoff(delivery.FailuresInRow + 1, o.FirstRetryDelay, o.MaxRetryDelay));
            logger.LogWarning("Delivery {DeliveryId} to organisation {OrganizationId}, attempt {Attempt}, failed: {Error}",
                delivery.Id, delivery.OrganizationId, delivery.Attempts, outcome.Error);
        }

        var status = await SaveAsync(db, delivery, ct);
        if (status == DeliveryStatus.Delivered && delivery.Kind == DeliveryKind.Update && delivery.NextPollUtc is not null)
        {
            // A follow-up request replaced the earlier one on the organisation's server: only the newest is followed.
            await db.Set<ReportDelivery>()
                .Where(d => d.ReportId == delivery.ReportId && d.OrganizationId == delivery.OrganizationId && d.Id != delivery.Id && d.NextPollUtc != null)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.NextPollUtc, (DateTime?)null).SetProperty(d => d.Version, d => d.Version + 1), ct);
        }

        return status;
    }

    /// <summary>Pulls one Open311 request's status; true when the organisation closed it and our report was answered.</summary>
    private async Task<bool?> PullAsync(Guid id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<MahallaDb>();
        var o = options.Value;
        var now = Now;
        var lease = now + o.Lease;
        var claimed = await db.Set<ReportDelivery>()
            .Where(d => d.Id == id && d.NextPollUtc <= now)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.NextPollUtc, lease).SetProperty(d => d.Version, d => d.Version + 1), ct);
        if (claimed == 0)
        {
            return null;
        }

        var delivery = await db.Set<ReportDelivery>().SingleAsync(d => d.Id == id, ct);
        var appeal = await db.Appeals.FirstOrDefaultAsync(a => a.Id == delivery.ReportId, ct);
        if (appeal is null || appeal.Status.IsClosed() || appeal.ResponsibleOrganizationId != delivery.OrganizationId)
        {
            delivery.StopPolling();
            return await SaveAsync(db, delivery, ct) is null ? null : false;
        }

        var next = now + o.PollInterval;
        var settings = await db.Set<DeliverySettings>().AsNoTracking().FirstOrDefaultAsync(s => s.OrganizationId == delivery.OrganizationId, ct);
        var pull = settings is null
            ? new PullOutcome(null, null, null, "not_found: the organisation's settings")
            : await services.GetRequiredService<Open311Channel>().PullAsync(settings, delivery, ct);
        var answered = false;
        if (pull.Error is not null)
        {
            delivery.PollFailed(now, pull.Error, next);
            logger.LogWarning("Status pull of delivery {DeliveryId} failed: {Error}", delivery.Id, pull.Error);
        }
        else
        {
            if (pull.RemoteId is { } remoteId && delivery.RemoteId is null)
            {
                delivery.IdentifiedBy(remoteId);
            }

            if (pull.Status == "closed" && delivery.RemoteStatus != "closed" && appeal.Status.IsOpen())
            {
                await AnswerAsync(services, appeal, pull.StatusNotes, now, ct);
                answered = true;
            }

            delivery.Polled(now, pull.Status ?? delivery.RemoteStatus, next);
        }

        return await SaveAsync(db, delivery, ct) is null ? null : answered;
    }

    /// <summary>The organisation closed the request in its own system: our report is answered (marked fixed), and the reporter asked to confirm.</summary>
    private async Task AnswerAsync(IServiceProvider services, Appeal appeal, string? notes, DateTime now, CancellationToken ct)
    {
        var db = services.GetRequiredService<MahallaDb>();
        var deadlines = services.GetRequiredService<Deadlines>();
        var terms = await deadlines.TermsForAsync(appeal.Type.Code(), appeal.CategoryCode, ct);
        var calendar = await deadlines.CalendarAsync(ct);
        var organization = await db.Organizations.AsNoTracking().Where(x => x.Id == appeal.ResponsibleOrganizationId).Select(x => x.Name).FirstAsync(ct);
        var language = TextCatalog.Normalize(appeal.Language);
        var text = string.Format(CultureInfo.GetCultureInfo(language), catalog.Get(language, "delivery.open311.closed_answer"), organization.In(language));
        if (!string.IsNullOrWhiteSpace(notes))
        {
            text = $"{text}\n\n{notes}";
        }

        appeal.Answer(text.Length <= Appeal.MaxTextLength ? text : text[..Appeal.MaxTextLength], new Actor(null, ExternalSystemRole),
            calendar.CalendarDaysAfter(now, terms.ConfirmationDays), now);
        if (appeal.ApplicantUserId is { } applicant)
        {
            await services.GetRequiredService<Notifier>().NotifyAsync(applicant, appeal.Id, "answered", _ => [appeal.TrackingNumber], ct);
        }
    }

    private async Task<DeliveryStatus?> SaveAsync(MahallaDb db, ReportDelivery delivery, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return delivery.Status;
        }
        catch (DbUpdateConcurrencyException)
        {
            // A cancellation (the report was re-routed) or a staff answer changed the row meanwhile: theirs stands.
            logger.LogInformation("Delivery {DeliveryId} changed while it was being worked; the other change stands", delivery.Id);
            return null;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WorkerEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var result = await RunOnceAsync(stoppingToken);
                if (result.Delivered + result.Failed + result.ClosedByOrganization > 0)
                {
                    logger.LogInformation("Deliveries: {Delivered} delivered, {Retrying} to retry, {Failed} failed; {Closed} closed by organisations",
                        result.Delivered, result.Retrying, result.Failed, result.ClosedByOrganization);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The delivery run failed; it runs again at the next tick");
            }
        }
    }
}
