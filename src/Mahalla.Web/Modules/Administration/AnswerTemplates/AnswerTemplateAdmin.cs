using Mahalla.Web.Modules.Accounts.Contracts;
using Mahalla.Web.Modules.Appeals.Data;
using Mahalla.Web.Modules.Catalogue.Data;
using Mahalla.Web.Platform.Database;
using Mahalla.Web.Platform.Errors;
using Mahalla.Web.Platform.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Modules.Administration.AnswerTemplates;

public sealed record AnswerTemplateView(Guid Id, string Language, string Title, string Body, Guid? OrganizationId, string? OrganizationName);

/// <summary>A template in one language; without organizationId every organisation's staff may use it.</summary>
public sealed record AnswerTemplateRequest(string? Language, string? Title, string? Body, Guid? OrganizationId);

/// <summary>Answer templates staff pick from when answering; each in one interface language.</summary>
internal sealed class AnswerTemplateAdmin(MahallaDb db, Texts texts)
{
    public static void Map(RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/answer-templates");
        group.MapGet("/", async Task<Ok<IReadOnlyList<AnswerTemplateView>>> (string? language, AnswerTemplateAdmin a, CancellationToken ct) =>
            TypedResults.Ok(await a.ListAsync(language, ct)))
            .WithName("AdminAnswerTemplates").WithSummary("Answer templates, optionally of one language (uz-Latn, uz-Cyrl, ru, en).");
        group.MapRead("/{id:guid}", (AnswerTemplateAdmin a, Guid id, CancellationToken ct) => a.GetAsync(id, ct))
            .WithName("AdminAnswerTemplate").WithSummary("One answer template.");
        group.MapCreateOnce("/", (AnswerTemplateAdmin a, AnswerTemplateRequest r, Guid? once, CancellationToken ct) => a.CreateAsync(r, once, ct), t => $"/api/admin/answer-templates/{t.Id}")
            .WithName("AdminCreateAnswerTemplate").WithSummary("Create an answer template: language, title, body, optionally one organisation.");
        group.MapChange("/{id:guid}", (AnswerTemplateAdmin a, Caller _, Guid id, AnswerTemplateRequest r, CancellationToken ct) => a.EditAsync(id, r, ct))
            .WithName("AdminEditAnswerTemplate").WithSummary("Replace a template's language, title, body and organisation.");
        group.MapRemove((AnswerTemplateAdmin a, Guid id, CancellationToken ct) => a.DeleteAsync(id, ct))
            .WithName("AdminDeleteAnswerTemplate").WithSummary("Delete a template (answers already sent keep their text).");
    }

    public async Task<IReadOnlyList<AnswerTemplateView>> ListAsync(string? language, CancellationToken ct)
    {
        var templates = db.AnswerTemplates.AsNoTracking();
        if (!string.IsNullOrEmpty(language))
        {
            templates = templates.Where(t => t.Language == language);
        }

        return await ViewsAsync(await templates.ToListAsync(ct), ct);
    }

    public async Task<AnswerTemplateView?> GetAsync(Guid id, CancellationToken ct) =>
        await db.AnswerTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) is { } t ? (await ViewsAsync([t], ct))[0] : null;

    /// <summary>
    /// Creates a template. With <paramref name="once"/> (a page form's, ADR 0083, or an API caller's key, ADR 0086) the same
    /// request sent twice creates one; the key sent with another template is refused.
    /// </summary>
    public async Task<AnswerTemplateView> CreateAsync(AnswerTemplateRequest request, Guid? once, CancellationToken ct)
    {
        var (language, title, body) = await CheckAsync(request, ct);
        var template = await db.SaveNewAsync(new AnswerTemplate(once ?? Guid.CreateVersion7(), request.OrganizationId, language, title, body),
            once is not null, t => (t.OrganizationId, t.Language, t.Title, t.Body), ct);

        return (await ViewsAsync([template], ct))[0];
    }

    public async Task<AnswerTemplateView?> EditAsync(Guid id, AnswerTemplateRequest request, CancellationToken ct)
    {
        if (await db.AnswerTemplates.FirstOrDefaultAsync(t => t.Id == id, ct) is not { } template)
        {
            return null;
        }

        var (language, title, body) = await CheckAsync(request, ct);
        template.Update(language, title, body);
        template.LimitTo(request.OrganizationId);
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync([template], ct))[0];
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken ct)
    {
        if (await db.AnswerTemplates.FirstOrDefaultAsync(t => t.Id == id, ct) is not { } template)
        {
            return false;
        }

        await db.RemoveFoundAsync(template, ct);
        return true;
    }

    private async Task<(string Language, string Title, string Body)> CheckAsync(AnswerTemplateRequest request, CancellationToken ct)
    {
        var validation = new Validation();
        if (!TextCatalog.Cultures.Contains(request.Language ?? ""))
        {
            validation.Add("language", "validation.language");
        }

        var title = AdminInput.Text(request.Title, "title", AdminInput.NameLength, validation);
        var body = AdminInput.Text(request.Body, "body", Appeal.MaxTextLength, validation);
        if (request.OrganizationId is { } org && !await db.Organizations.AnyAsync(o => o.Id == org, ct))
        {
            validation.Add("organizationId", "validation.organization");
        }

        validation.ThrowIfInvalid();
        return (request.Language!, title!, body!);
    }

    private async Task<List<AnswerTemplateView>> ViewsAsync(IReadOnlyList<AnswerTemplate> templates, CancellationToken ct)
    {
        var ids = templates.Where(t => t.OrganizationId is not null).Select(t => t.OrganizationId!.Value).Distinct().ToList();
        var organizations = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name.In(texts.Culture), ct);
        return templates
            .OrderBy(t => TextCatalog.Cultures.ToList().IndexOf(t.Language)).ThenBy(t => t.Title, StringComparer.CurrentCultureIgnoreCase)
            .Select(t => new AnswerTemplateView(t.Id, t.Language, t.Title, t.Body, t.OrganizationId,
                t.OrganizationId is { } o ? organizations.GetValueOrDefault(o) : null))
            .ToList();
    }
}
