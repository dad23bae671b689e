using Mahalla.Web.Modules.Accounts.Contracts;
using Mahalla.Web.Modules.Appeals.Attachments;
using Mahalla.Web.Modules.Appeals.Data;
using Mahalla.Web.Modules.Calendar.Contracts;
using Mahalla.Web.Modules.Notifications.Contracts;
using Mahalla.Web.Platform.Database;
using Mahalla.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Modules.Appeals.Transitions;

public sealed record AssignmentRequest(string? UserName);

public sealed record AnswerRequest(string? Text);

public sealed record ForwardingRequest(Guid? OrganizationId, string? Reason);

public sealed record ExtensionRequest(string? Reason);

public sealed record ConfirmationRequest;

public sealed record DisputeRequest(string? Reason);

public sealed record RatingRequest(int? Score, string? Comment);

public sealed record NoteRequest(string? Text);

public sealed record TransitionResult(Guid Id, string Status, int EscalationLevel, int Version);

/// <summary>
/// The verbs of the request lifecycle, one method each, shared by the API and the pages. Each
/// loads the request within the caller's scope, lets the entity check its rules and record the
/// event, adds the notifications, and commits once. A concurrent change to the same request
/// (another node, a replayed form) fails with 409 instead of applying twice.
/// </summary>
public sealed class Transitions(MahallaDb db, AppealWork work, Deadlines deadlines, Notifier notifier, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<TransitionResult> AssignAsync(Caller caller, Guid id, AssignmentRequest request, CancellationToken ct)
    {
        var appeal = await work.LoadForStaffAsync(caller, id, ct);
        var assignee = caller.UserId!.Value;
        if (!string.IsNullOrWhiteSpace(request.UserName))
        {
            var colleague = await work.ColleagueAsync(request.UserName, ct);
            if (colleague is not { } c || !c.Scope.IsStaff || !Scope.VisibleTo(c.Scope).Compile()(appeal))
            {
                throw new InvalidInputException(Validation.Of("userName", "validation.colleague"));
            }

            assignee = c.Id;
        }

        if (appeal.Assign(assignee, caller.AsActor(), Now) && assignee != caller.UserId)
        {
            await notifier.NotifyAsync(assignee, appeal.Id, "assigned_to_you", _ => [appeal.TrackingNumber], ct);
        }

        return await SaveAsync(appeal, ct);
    }

    public async Task<int> AssignManyAsync(Caller caller, IReadOnlyList<Guid> ids, string? userName, CancellationToken ct)
    {
        var done = 0;
        foreach (var id in ids.Distinct().Take(200))
        {
            await AssignAsync(caller, id, new AssignmentRequest(userName), ct);
            db.ChangeTracker.Clear();
            done++;
        }

        return done;
    }

    public async Task<TransitionResult> AnswerAsync(Caller caller, Guid id, AnswerRequest request, CancellationToken ct)
    {
        var validation = new Validation();
        var text = TextInput.Check(request.Text, "text", Appeal.MaxTextLength, validation);
        validation.ThrowIfInvalid();
        var appeal = await work.LoadForStaffAsync(caller, id, ct);
        var terms = await deadlines.TermsForAsync(appeal.Type.Code(), appeal.CategoryCode, ct);
        var calendar = await deadlines.CalendarAsync(ct);
        appeal.Answer(text!, caller.AsActor(), calendar.CalendarDaysAfter(Now, terms.ConfirmationDays), Now);
        await NotifyApplicantAsync(appeal, "answered", ct);
        return await SaveAsync(appeal, ct);
    }

    public async Task<TransitionResult> ForwardAsync(Caller caller, Guid id, ForwardingRequest request, CancellationToken ct)
    {
        var validation = new Validation();
        var reason = TextInput.Check(request.Reason, "reason", Appeal.MaxReasonLength, validation);
        var target = request.OrganizationId is { } orgId
            ? await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId && o.IsActive, ct)
            : null;
        if (target is null)
        {
            validation.Add("organizationId", "validation.organization");
        }

        validation.ThrowIfInvalid();
        var appeal = await work.LoadForStaffAsync(caller, id, ct);
        appeal.Forward(target!.Id, reason!, caller.AsActor(), Now);
        await NotifyApplicantAsync(appeal, "forwarded", ct, language => [appeal.TrackingNumber, target.Name.In(language)]);
        var staff = await db.Users.AsNoTracking().Where(u => u.OrganizationId == target.Id).Select(u => u.Id).ToListAsync(ct);
        await notifier.NotifyManyAsync(staff, appeal.Id, "assigned_to_organization", _ => [appeal.TrackingNumber], ct);
        return await SaveAsync(appeal, ct);
    }

    public async Task<TransitionResult> ExtendAsync(Caller caller, Guid id, ExtensionRequest request, CancellationToken ct)
    {
        var validation = new Validation();
        var reason = TextInput.Check(request.Reason, "reason", Appeal.MaxReasonLength, validation);
        validation.ThrowIfInvalid();
        var appeal = await work.LoadForStaffAsync(caller, id, ct);
        var terms = await deadlines.TermsForAsync(appeal.Type.Code(), appeal.CategoryCode, ct);
        var calendar = await deadlines.CalendarAsync(ct);
        appeal.ExtendDeadline(reason!, calendar.CalendarDaysAfter(appeal.FiledAtUtc, terms.ExtendedAnswerDays), caller.AsActor(), Now);
        await NotifyApplicantAsync(appeal, "extended", ct, _ => [appeal.TrackingNumber, Calendar.WorkingCalendar.LocalDate(appeal.AnswerDueUtc).ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture)]);
        return await SaveAsync(appeal, ct);
    }

    public async Task<TransitionResult> ConfirmAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var appeal = await work.LoadAsync(caller, id, ct);
        appeal.ConfirmResolution(caller.AsActor(), Now);
        if (appeal.AnsweredByUserId is { } answeredBy)
        {
            await notifier.NotifyAsync(answeredBy, appeal.Id, "confirmed", _ => [appeal.TrackingNumber], ct);
        }

        return await SaveAsync(appeal, ct);
    }

    public async Task<TransitionResult> DisputeAsync(Caller caller, Guid id, DisputeRequest request, IReadOnlyList<IFormFile> evidence, CancellationToken ct)
    {
        var validation = new Validation();
        var reason = TextInput.Check(request.Reason, "reason", Appeal.MaxReasonLength, validation);
        var uploads = await UploadedFiles.CheckAsync(evidence, "evidence", validation, ct);
        validation.ThrowIfInvalid();
        var appeal = await work.LoadAsync(caller, id, ct);
        var terms = await deadlines.TermsForAsync(appeal.Type.Code(), appeal.CategoryCode, ct);
        var calendar = await deadlines.CalendarAsync(ct);
        appeal.Dispute(reason!, caller.AsActor(), calendar.CalendarDaysAfter(Now, terms.ReopenedAnswerDays), Now);
        foreach (var upload in uploads)
        {
            db.AppealAttachments.Add(new AppealAttachment(Guid.CreateVersion7(), appeal.Id, AttachmentPurpose.DisputeEvidence,
                upload.FileName, upload.ContentType, upload.Content, Now));
        }

        await notifier.NotifyManyAsync(await work.SupervisorsAsync(appeal, ct), appeal.Id, "disputed", _ => [appeal.TrackingNumber], ct);
        return await SaveAsync(appeal, ct);
    }

    public async Task<TransitionResult> RateAsync(Caller caller, Guid id, RatingRequest request, CancellationToken ct)
    {
        var validation = new Validation();
        if (request.Score is not (>= 1 and <= 5))
        {
            validation.Add("score", "validation.score");
        }

        var comment = TextInput.Check(request.Comment, "comment", Appeal.MaxReasonLength, validation, required: false);
        validation.ThrowIfInvalid();
        var appeal = await work.LoadAsync(caller, id, ct);
        appeal.Rate(request.Score!.Value, comment, caller.AsActor(), Now);
        return await SaveAsync(appeal, ct);
    }

    /// <summary>
    /// Adds an internal note. Under an idempotency key (the page's form always sends one) the note is saved once: the same
    /// key again changes nothing, and the same key with another text is refused, as a filing's key is.
    /// </summary>
    public async Task AddNoteAsync(Caller caller, Guid id, NoteRequest request, string? idempotencyKey, CancellationToken ct)
    {
        var validation = new Validation();
        var text = TextInput.Check(request.Text, "text", Appeal.MaxReasonLength, validation);
        Platform.Web.IdempotencyKeys.Check(idempotencyKey, validation);
        validation.ThrowIfInvalid();
        var appeal = await work.LoadForStaffAsync(caller, id, ct);
        var author = caller.UserId!.Value;
        var note = new InternalNote(idempotencyKey is null ? Guid.CreateVersion7() : InternalNote.IdFor(appeal.Id, author, idempotencyKey),
            appeal.Id, author, text!, Now);
        await db.SaveNewAsync(note, once: idempotencyKey is not null, n => n.Text, ct);
    }

    private Task NotifyApplicantAsync(Appeal appeal, string kind, CancellationToken ct, Func<string, object?[]>? args = null) =>
        appeal.ApplicantUserId is { } applicant
            ? notifier.NotifyAsync(applicant, appeal.Id, kind, args ?? (_ => [appeal.TrackingNumber]), ct)
            : Task.CompletedTask;

    private async Task<TransitionResult> SaveAsync(Appeal appeal, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        return new TransitionResult(appeal.Id, appeal.Status.Code(), appeal.EscalationLevel, appeal.Version);
    }
}
