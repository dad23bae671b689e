using System.Security.Cryptography;
using System.Text.Json;
using Mahalla.Web.Modules.Accounts.Contracts;
using Mahalla.Web.Modules.Appeals.Attachments;
using Mahalla.Web.Modules.Appeals.Contracts;
using Mahalla.Web.Modules.Appeals.Data;
using Mahalla.Web.Modules.Calendar;
using Mahalla.Web.Modules.Calendar.Contracts;
using Mahalla.Web.Modules.Notifications.Contracts;
using Mahalla.Web.Modules.Organizations.Contracts;
using Mahalla.Web.Modules.ReferenceData;
using Mahalla.Web.Platform.Database;
using Mahalla.Web.Platform.Errors;
using Mahalla.Web.Platform.Localization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Modules.Appeals.FileAppeal;

/// <summary>What a citizen files. Every field is optional here so that a missing one gets a clear 400, not a parser error.</summary>
public sealed record FileAppealRequest(string? Type, string? CategoryCode, Guid? TerritoryId, string? Text, string? Language, bool IsAnonymous = false);

public sealed record OrganizationRef(Guid Id, string Name);

public sealed record FiledAppeal(
    Guid Id, string TrackingNumber, string AccessCode, string Status, OrganizationRef ResponsibleOrganization,
    DateTime RegistrationDueUtc, DateTime AnswerDueUtc, bool Replayed = false);

/// <summary>
/// Files an appeal: validates, routes (category × territory → organisation), computes deadlines
/// on the working calendar, takes a tracking number, records the <c>filed</c> event and the
/// notifications — all in one transaction. With an idempotency key, a retry returns the first result.
/// With triage registered, a citizen may leave the category out: triage suggests the one to route by
/// and records its assessment in the same transaction.
/// </summary>
/// <remarks>
/// By default the transaction is shared with the filings queued at the same moment (group commit, ADR 0014).
/// Everything that reads is done before the transaction (reference data from the node's copy,
/// ADR 0011; the recipients in one query; the triage assessment). Inside it, the tracking-number
/// counter — one row every filing of the year updates — is taken last, just before the save, so its
/// lock is held for the save and the commit only.
/// </remarks>
public sealed class FileAppealHandler(
    MahallaDb db, ReferenceCache reference, Notifier notifier, TimeProvider clock, Texts texts,
    IDataProtectionProvider protection, IEnumerable<IFilingTriage> triages, GroupCommit groupCommit)
{
    private readonly IFilingTriage? _triage = triages.LastOrDefault();

    private const string Prefix = "M";
    private readonly IDataProtector _protector = protection.CreateProtector("Mahalla.Appeals.Idempotency");

    public async Task<FiledAppeal> HandleAsync(Caller caller, FileAppealRequest request, IReadOnlyList<IFormFile> files, string? idempotencyKey, CancellationToken ct)
    {
        if (!caller.IsSignedIn)
        {
            throw new ForbiddenException("rule.sign_in_to_file");
        }

        var data = await reference.GetAsync(db, ct);
        var validation = new Validation();
        var type = AppealWords.ParseType(request.Type);
        if (type is null)
        {
            validation.Add("type", "validation.type");
        }

        var leftToTriage = _triage is not null && string.IsNullOrEmpty(request.CategoryCode);
        var category = request.CategoryCode is { Length: > 0 and <= 40 } ? data.ActiveCategory(request.CategoryCode) : null;
        if (category is null && !leftToTriage)
        {
            validation.Add("categoryCode", "validation.category");
        }

        var mahalla = request.TerritoryId is { } territoryId ? data.Mahalla(territoryId) : null;
        if (mahalla is null)
        {
            validation.Add("territoryId", "validation.mahalla");
        }

        var text = TextInput.Check(request.Text, "text", Appeal.MaxTextLength, validation);
        var language = request.Language is null ? texts.Culture
            : TextCatalog.Cultures.Contains(request.Language) ? request.Language : null;
        if (language is null)
        {
            validation.Add("language", "validation.language");
        }

        Platform.Web.IdempotencyKeys.Check(idempotencyKey, validation);

        var uploads = await UploadedFiles.CheckAsync(files, "attachments", validation, ct);
        validation.ThrowIfInvalid();

        // The reads before the transaction share one opening of the connection; it is closed before the filing waits for its
        // turn to write, so that a crowd of waiting filings holds no connections.
        await using var reads = await db.KeepOpenAsync(ct);
        var recordKey = idempotencyKey is null ? null : $"{caller.UserId:N}:{idempotencyKey}";
        var requestHash = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request with { Language = language })));
        if (recordKey is not null && await ReplayAsync(recordKey, requestHash, ct) is { } earlier)
        {
            return earlier;
        }

        var suggestion = _triage is null ? null : await _triage.SuggestAsync(text!, category?.Code, ct);
        if (suggestion is not null && suggestion.CategoryCode != category?.Code)
        {
            category = data.ActiveCategory(suggestion.CategoryCode)
                ?? throw new InvalidInputException(Validation.Of("categoryCode", "validation.category"));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var terms = Deadlines.TermsFor(data, type!.Value.Code(), category!.Code);
        var calendar = Deadlines.Calendar(data);
        var organizationId = Router.ResponsibleFor(data, category.Code, mahalla!);
        var organizationName = data.Organization(organizationId)!.Name;
        var recipients = await notifier.StaffAndFilerAsync(organizationId, caller.UserId, ct);
        var appealId = Guid.CreateVersion7();
        var accessCode = AccessCodes.New();
        var accessCodeHash = AccessCodes.Hash(accessCode);
        var registrationDue = calendar.WorkingDaysAfter(now, terms.RegistrationWorkingDays);
        var answerDue = calendar.CalendarDaysAfter(now, terms.AnswerDays);
        if (suggestion is not null)
        {
            suggestion = await _triage!.PrepareAsync(suggestion,
                new FilingFacts(appealId, mahalla!.Id, caller.UserId, now, category.Code, organizationId), ct);
        }

        await reads.CloseAsync();

        // Everything the transaction needs is known: save it with the others queued now (ADR 0014), or alone.
        // The parameters hide the handler's own DbContext and collaborators: in a batch, the batch's are used.
        async Task<FiledAppeal> SaveAsync(MahallaDb db, Notifier notifier, IFilingTriage? triage, CancellationToken ct)
        {
            var tracking = await TrackingNumbers.NextAsync(db, Prefix, WorkingCalendar.LocalDate(now).Year, ct);
            var appeal = Appeal.File(appealId, tracking, accessCodeHash, type.Value, category.Code,
                mahalla!.Id, mahalla.Path, text!, language!, request.IsAnonymous, caller.AsActor(), organizationId,
                registrationDue, answerDue, now);
            db.Appeals.Add(appeal);
            foreach (var upload in uploads)
            {
                db.AppealAttachments.Add(new AppealAttachment(Guid.CreateVersion7(), appeal.Id, AttachmentPurpose.Filing,
                    upload.FileName, upload.ContentType, upload.Content, now));
            }

            var result = new FiledAppeal(appeal.Id, tracking, accessCode, appeal.Status.Code(),
                new OrganizationRef(organizationId, organizationName.In(texts.Culture)), appeal.RegistrationDueUtc, appeal.AnswerDueUtc);
            if (recordKey is not null)
            {
                db.IdempotencyRecords.Add(IdempotencyRecord.Of(recordKey, requestHash, appeal.Id, result, _protector, now));
            }

            if (suggestion is not null)
            {
                await triage!.RecordAsync(suggestion, appeal, ct);
            }

            foreach (var recipient in recipients.Values)
            {
                notifier.Notify(recipient, appeal.Id, recipient.UserId == caller.UserId ? "filed" : "assigned_to_organization", _ => [tracking]);
            }

            return result;
        }

        try
        {
            if (groupCommit.Enabled)
            {
                // Once its turn has come, a filing is saved even if its caller has gone (ADR 0014): no token inside.
                return await groupCommit.SaveAsync((services, batchDb) => SaveAsync(batchDb, services.GetRequiredService<Notifier>(),
                    services.GetServices<IFilingTriage>().LastOrDefault(), CancellationToken.None), ct);
            }

            return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var result = await SaveAsync(db, notifier, _triage, ct);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return result;
            });
        }
        catch (DbUpdateException) when (recordKey is not null)
        {
            // A concurrent retry with the same key won the race: answer with its result.
            db.ChangeTracker.Clear();
            return await ReplayAsync(recordKey, requestHash, ct) ?? throw new BusinessRuleException("rule.changed_by_someone_else");
        }
    }

    private async Task<FiledAppeal?> ReplayAsync(string recordKey, string requestHash, CancellationToken ct) =>
        await IdempotencyRecord.ReplayAsync<FiledAppeal>(db, recordKey, requestHash, _protector, ct) is { } earlier ? earlier with { Replayed = true } : null;
}
