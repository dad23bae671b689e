using Mahalla.Web.Modules.Accounts.Contracts;
using Mahalla.Web.Modules.Appeals.Data;
using Mahalla.Web.Modules.Appeals.Transitions;
using Mahalla.Web.Modules.Notifications.Contracts;
using Mahalla.Web.Modules.Organizations.Contracts;
using Mahalla.Web.Modules.Reports.Data;
using Mahalla.Web.Platform.Database;
using Mahalla.Web.Platform.Errors;
using Mahalla.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Modules.Delivery.Rerouting;

public sealed record CategoryChangeRequest(string? CategoryCode);

public sealed record CategoryChangeResult(Guid Id, string CategoryCode, Guid OrganizationId, string Organization, bool Rerouted, string Status, int Version);

/// <summary>
/// Staff change a report's category: the routing rules (category × the report's mahalla) pick the organisation,
/// and when it is another one the report is re-routed through the request engine's <see cref="Appeal.Reclassify"/>
/// (one <c>reclassified</c> event). The new organisation's staff and the reporter are told here; the previous
/// organisation is told, and the deliveries planned, by the delivery planner in the same transaction — as for
/// every other change of a report's organisation.
/// </summary>
internal sealed class ReportRerouting(MahallaDb db, AppealWork work, Router router, Notifier notifier, Texts texts, TimeProvider clock)
{
    public async Task<CategoryChangeResult> ChangeCategoryAsync(Caller caller, Guid id, CategoryChangeRequest request, CancellationToken ct)
    {
        var code = request.CategoryCode?.Trim();
        var reportable = code is { Length: > 0 and <= 40 }
            && await (from r in db.Set<ReportCategory>().AsNoTracking()
                      join c in db.Categories.AsNoTracking() on r.CategoryCode equals c.Code
                      where r.CategoryCode == code && r.IsReportable && c.IsActive
                      select r).AnyAsync(ct);
        if (!reportable)
        {
            throw new InvalidInputException(Validation.Of("categoryCode", "delivery.validation.category"));
        }

        var appeal = await work.LoadForStaffAsync(caller, id, ct);
        if (appeal.Type != AppealType.Report)
        {
            throw new NotFoundException();
        }

        var mahalla = await db.Territories.AsNoTracking().FirstAsync(t => t.Id == appeal.TerritoryId, ct);
        var organizationId = await router.ResponsibleForAsync(code!, mahalla, ct);
        var previous = appeal.ResponsibleOrganizationId;
        appeal.Reclassify(code!, organizationId, caller.AsActor(), clock.GetUtcNow().UtcDateTime);
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => o.Name).SingleAsync(ct);
        var rerouted = organizationId != previous;
        if (rerouted)
        {
            var staff = await db.Users.AsNoTracking().Where(u => u.OrganizationId == organizationId && u.Id != caller.UserId).Select(u => u.Id).ToListAsync(ct);
            await notifier.NotifyManyAsync(staff, appeal.Id, "assigned_to_organization", _ => [appeal.TrackingNumber], ct);
            if (appeal.ApplicantUserId is { } reporter)
            {
                await notifier.NotifyAsync(reporter, appeal.Id, "forwarded", language => [appeal.TrackingNumber, organization.In(language)], ct);
            }
        }

        await db.SaveChangesAsync(ct);
        return new CategoryChangeResult(appeal.Id, appeal.CategoryCode, organizationId, organization.In(texts.Culture), rerouted,
            appeal.Status.Code(), appeal.Version);
    }
}
