using System.Globalization;
using System.Text.Json;
using Mahalla.Web.Modules.Accounts.Contracts;
using Mahalla.Web.Modules.Appeals;
using Mahalla.Web.Modules.Appeals.Data;
using Mahalla.Web.Modules.Calendar;
using Mahalla.Web.Modules.Calendar.Contracts;
using Mahalla.Web.Modules.Notifications.Contracts;
using Mahalla.Web.Modules.Organizations.Contracts;
using Mahalla.Web.Modules.ReferenceData;
using Mahalla.Web.Modules.Reports.Data;
using Mahalla.Web.Modules.Reports.Geo;
using Mahalla.Web.Modules.Reports.Photos;
using Mahalla.Web.Modules.Territories.Data;
using Mahalla.Web.Platform.Database;
using Mahalla.Web.Platform.Errors;
using Mahalla.Web.Platform.Localization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mahalla.Web.Modules.Reports.FileReport;

/// <summary>
/// A report as a resident (or a client application) sends it. The place is either a point
/// (<see cref="Latitude"/>, <see cref="Longitude"/>, picked on the map or from the device) or, without a map,
/// a mahalla (<see cref="TerritoryId"/>) and an <see cref="Address"/> or landmark. Answers to the category's
/// questions are keyed by question code; a multi-value answer has several values. The reporter's name is
/// public only with <see cref="ShowName"/>; otherwise the report is anonymous to the public.
/// </summary>
public sealed record FileReportRequest(
    string? CategoryCode, string? Title, string? Description, double? Latitude, double? Longitude, string? LocationSource,
    Guid? TerritoryId, string? Address, Dictionary<string, List<string>>? Answers, bool ShowName = false, string? Language = null);

/// <summary>A photo as uploaded, before sanitising.</summary>
public sealed record PhotoUpload(string FileName, byte[] Content);

/// <summary>Who files: a signed-in resident, or a client application on behalf of someone without an account.</summary>
public sealed record ReportIntake(Caller Caller, ReportChannel Channel, Guid? ClientId = null, string? PublicName = null);

public sealed record FiledReport(
    Guid Id, string TrackingNumber, string AccessCode, string Status, Guid TerritoryId, string PlacedBy,
    Guid ResponsibleOrganizationId, string ResponsibleOrganization, DateTime RegistrationDueUtc, DateTime AnswerDueUtc);

/// <summary>
/// Files a report: checks it, places the point in a mahalla (boundaries, then the nearest centre), routes
/// category × territory to the organisation as appeals are routed, strips the photos' metadata, and records
/// the request (type <c>report</c>, tracking number <c>R-…</c>), its place, photos and notifications in one
/// transaction. Nothing is saved when anything is wrong.
/// </summary>
public sealed class FileReportHandler(
    MahallaDb db, ReferenceCache reference, Locator locator, Notifier notifier, TimeProvider clock, Texts texts,
    IOptions<ReportsOptions> options, Microsoft.AspNetCore.DataProtection.IDataProtectionProvider protection)
{
    public const string Prefix = "R";

    private readonly Microsoft.AspNetCore.DataProtection.IDataProtector _protector = protection.CreateProtector("Mahalla.Reports.Idempotency");

    /// <summary>
    /// Files the report. With an idempotency key (the API's <c>Idempotency-Key</c> header, the page's hidden field), a
    /// retried or replayed request returns the first result and creates nothing new; the same key with another report is a 409.
    /// </summary>
    public async Task<FiledReport> HandleAsync(ReportIntake intake, FileReportRequest request, IReadOnlyList<PhotoUpload> photos, CancellationToken ct,
        string? idempotencyKey = null)
    {
        var caller = intake.Caller;
        if (!caller.IsSignedIn && intake.Channel != ReportChannel.Open311)
        {
            throw new ForbiddenException("rule.sign_in_to_file");
        }

        var data = await reference.GetAsync(db, ct);
        var validation = new Validation();
        var category = request.CategoryCode is { Length: > 0 and <= 40 } ? data.ActiveCategory(request.CategoryCode) : null;
        var settings = category is null ? null
            : await db.Set<ReportCategory>().AsNoTracking().FirstOrDefaultAsync(r => r.CategoryCode == category.Code && r.IsReportable, ct);
        if (settings is null)
        {
            validation.Add("categoryCode", "reports.validation.category");
        }

        var description = TextInput.Check(request.Description, "description", Appeal.MaxTextLength, validation);
        // Too long gets its own message here: the generic one names the 2,000 characters of a reason.
        var title = OptionalText(request.Title, Report.MaxTitleLength, "title", "reports.validation.title", validation);
        var address = OptionalText(request.Address, Report.MaxAddressLength, "address", "reports.validation.address", validation);
        var language = request.Language is null ? texts.Culture
            : TextCatalog.Cultures.Contains(request.Language) ? request.Language : null;
        if (language is null)
        {
            validation.Add("language", "validation.language");
        }

        var source = ParseSource(request.LocationSource, request.Latitude is not null);
        if (source is null)
        {
            validation.Add("locationSource", "reports.validation.location_source");
        }

        Territory? mahalla = null;
        var placedBy = PlacedBy.MahallaBoundary;
        if (request.Latitude is { } lat && request.Longitude is { } lon)
        {
            if (!double.IsFinite(lat) || !double.IsFinite(lon) || lat is < -90 or > 90 || lon is < -180 or > 180)
            {
                validation.Add("latitude", "reports.validation.location");
            }
            else if (await locator.PlaceAsync(lat, lon, ct) is { } placement)
            {
                // A mahalla created on another node a moment ago may not be in this node's copy yet.
                mahalla = data.Mahalla(placement.MahallaId);
                if (mahalla is null)
                {
                    validation.Add("latitude", "reports.validation.outside_area");
                }
                placedBy = placement.By;
            }
            else
            {
                validation.Add("latitude", "reports.validation.outside_area");
            }
        }
        else if (request.Latitude is not null || request.Longitude is not null)
        {
            validation.Add("latitude", "reports.validation.location");
        }
        else
        {
            mahalla = request.TerritoryId is { } territoryId ? data.Mahalla(territoryId) : null;
            if (mahalla is null)
            {
                validation.Add("territoryId", "reports.validation.location_or_mahalla");
            }
            else if (address is null && !validation.Errors.ContainsKey("address"))
            {
                validation.Add("address", "reports.validation.address_required");
            }

            placedBy = PlacedBy.MahallaBoundary;
        }

        var answers = settings is null ? "{}" : CheckAnswers(settings.Questions, request.Answers, validation);
        var clean = CheckPhotos(photos, validation);
        Platform.Web.IdempotencyKeys.Check(idempotencyKey, validation);

        validation.ThrowIfInvalid();

        var recordKey = idempotencyKey is null || caller.UserId is null ? null : $"report:{caller.UserId:N}:{idempotencyKey}";
        var requestHash = RequestHash(request, photos);
        if (recordKey is not null && await ReplayAsync(recordKey, requestHash, ct) is { } earlier)
        {
            return earlier;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var terms = Deadlines.TermsFor(data, AppealType.Report.Code(), category!.Code);
        var calendar = Deadlines.Calendar(data);
        var organizationId = Router.ResponsibleFor(data, category.Code, mahalla!);
        var organizationName = data.Organization(organizationId)!.Name;
        var recipients = await notifier.StaffAndFilerAsync(organizationId, caller.UserId, ct);
        var finalTitle = title ?? TitleFrom(description!);
        var publicName = !request.ShowName ? null
            : intake.PublicName ?? (caller.UserId is { } uid
                ? await db.Users.AsNoTracking().Where(u => u.Id == uid).Select(u => u.DisplayName ?? u.UserName).FirstOrDefaultAsync(ct)
                : null);

        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            return await FileAsync();
        }
        catch (DbUpdateException) when (recordKey is not null)
        {
            // A concurrent retry with the same key won the race: answer with its result.
            db.ChangeTracker.Clear();
            return await ReplayAsync(recordKey, requestHash, ct) ?? throw new BusinessRuleException("rule.changed_by_someone_else");
        }

        Task<FiledReport> FileAsync() => strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var accessCode = AccessCodes.New();
            var tracking = await TrackingNumbers.NextAsync(db, Prefix, WorkingCalendar.LocalDate(now).Year, ct);
            var actor = caller.IsSignedIn ? caller.AsActor() : new Actor(null, "open311_client");
            var appeal = Appeal.File(Guid.CreateVersion7(), tracking, AccessCodes.Hash(accessCode), AppealType.Report, category.Code,
                mahalla!.Id, mahalla.Path, description!, language!, publicName is null, actor, organizationId,
                calendar.WorkingDaysAfter(now, terms.RegistrationWorkingDays), calendar.CalendarDaysAfter(now, terms.AnswerDays), now);
            db.Appeals.Add(appeal);
            db.Add(Report.For(appeal, finalTitle, request.Latitude, request.Longitude, source!.Value, address, answers,
                publicName, intake.Channel, intake.ClientId));
            for (var i = 0; i < clean.Count; i++)
            {
                db.Add(new ReportPhoto(Guid.CreateVersion7(), appeal.Id, i, clean[i].ContentType, clean[i].Content, now));
            }

            foreach (var recipient in recipients.Values)
            {
                notifier.Notify(recipient, appeal.Id, recipient.UserId == caller.UserId ? "report_filed" : "assigned_to_organization", _ => [tracking]);
            }

            var result = new FiledReport(appeal.Id, tracking, accessCode, appeal.Status.Code(), mahalla.Id, Placed(placedBy),
                organizationId, organizationName.In(texts.Culture), appeal.RegistrationDueUtc, appeal.AnswerDueUtc);
            if (recordKey is not null)
            {
                db.IdempotencyRecords.Add(IdempotencyRecord.Of(recordKey, requestHash, appeal.Id, result, _protector, now));
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return result;
        });
    }

    private static string RequestHash(FileReportRequest request, IReadOnlyList<PhotoUpload> photos)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(request with { Language = null }));
        foreach (var photo in photos)
        {
            hash.AppendData(System.Security.Cryptography.SHA256.HashData(photo.Content));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private Task<FiledReport?> ReplayAsync(string recordKey, string requestHash, CancellationToken ct) =>
        IdempotencyRecord.ReplayAsync<FiledReport>(db, recordKey, requestHash, _protector, ct);

    public static string Placed(PlacedBy by) => by switch
    {
        PlacedBy.MahallaBoundary => "boundary",
        PlacedBy.DistrictBoundaryNearestCentre => "district_nearest_centre",
        _ => "nearest_centre",
    };

    private static LocationSource? ParseSource(string? code, bool hasPoint) => code?.Trim().ToLowerInvariant() switch
    {
        null or "" => hasPoint ? Data.LocationSource.Map : Data.LocationSource.Address,
        "map" when hasPoint => Data.LocationSource.Map,
        "device" when hasPoint => Data.LocationSource.Device,
        "address" when !hasPoint => Data.LocationSource.Address,
        _ => null,
    };

    private static string TitleFrom(string description)
    {
        var firstLine = description.Trim().Split('\n', 2)[0].Trim();
        return firstLine.Length <= Report.MaxTitleLength ? firstLine : firstLine[..(Report.MaxTitleLength - 1)].TrimEnd() + "…";
    }

    /// <summary>Checks answers against the category's questions and returns them as canonical JSON.</summary>
    public static string CheckAnswers(IReadOnlyList<ReportQuestion> questions, Dictionary<string, List<string>>? given, Validation validation)
    {
        given ??= [];
        var result = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var code in given.Keys.Where(k => questions.All(q => q.Code != k)))
        {
            validation.Add($"answers.{Short(code)}", "reports.validation.unknown_question");
        }

        foreach (var q in questions)
        {
            var field = $"answers.{q.Code}";
            var values = (given.GetValueOrDefault(q.Code) ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToList();
            if (values.Count == 0)
            {
                if (q.Required)
                {
                    validation.Add(field, "reports.validation.answer_required");
                }

                continue;
            }

            if (values.Count > 1 && q.Type != QuestionTypes.MultiValueList || values.Any(v => v.Length > ReportQuestion.MaxAnswerLength || !TextInput.IsClean(v)))
            {
                validation.Add(field, "reports.validation.answer_invalid");
                continue;
            }

            var ok = q.Type switch
            {
                QuestionTypes.Number => double.TryParse(values[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n),
                QuestionTypes.DateTime => DateTimeOffset.TryParse(values[0], CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                QuestionTypes.SingleValueList or QuestionTypes.MultiValueList => values.All(v => q.Values.Any(x => x.Key == v)) && values.Distinct().Count() == values.Count,
                _ => true,
            };
            if (!ok)
            {
                validation.Add(field, "reports.validation.answer_invalid");
                continue;
            }

            result[q.Code] = q.Type == QuestionTypes.MultiValueList ? values : values[0];
        }

        var json = JsonSerializer.Serialize(result);
        if (json.Length > Report.MaxAnswersLength)
        {
            validation.Add("answers", "reports.validation.answers");
        }

        return json;
    }

    private static string? OptionalText(string? text, int maxLength, string field, string tooLong, Validation validation)
    {
        if (text?.Length > maxLength)
        {
            validation.Add(field, tooLong);
            return null;
        }

        return TextInput.Check(text, field, maxLength, validation, required: false);
    }

    private static string Short(string code) => code.Length <= 40 ? code : code[..40];

    private List<CleanPhoto> CheckPhotos(IReadOnlyList<PhotoUpload> photos, Validation validation)
    {
        var clean = new List<CleanPhoto>();
        var present = photos.Where(p => p.Content.Length > 0).ToList();
        if (present.Count > options.Value.MaxPhotos)
        {
            validation.Add("photos", "reports.validation.photos_too_many");
            return clean;
        }

        foreach (var photo in present)
        {
            if (photo.Content.Length > options.Value.MaxPhotoBytes)
            {
                validation.Add("photos", "reports.validation.photo_too_large");
            }
            else if (PhotoSanitizer.Clean(photo.Content) is { } ok)
            {
                clean.Add(ok);
            }
            else
            {
                validation.Add("photos", "reports.validation.photo_type");
            }
        }

        return clean;
    }
}
