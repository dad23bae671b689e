using Mahalla.Web.Modules.Catalogue.Data;
using Mahalla.Web.Platform.Database;
using Mahalla.Web.Platform.Errors;
using Mahalla.Web.Platform.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Mahalla.Web.Modules.Administration.Categories;

public sealed record CategoryView(string Code, string Name, NamesInput Names, int SortOrder, bool IsActive);

public sealed record NewCategoryRequest(string? Code, NamesInput? Names, int? SortOrder);

public sealed record PositionRequest(int? SortOrder);

/// <summary>
/// The request catalogue. A category's code is permanent (routing rules, deadline policies and
/// filed requests refer to it), so categories are renamed, reordered and deactivated, never deleted.
/// </summary>
internal sealed class CategoryAdmin(MahallaDb db, Texts texts)
{
    public const int MaxSortOrder = 100_000;

    public static void Map(RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/categories");
        group.MapGet("/", async Task<Ok<IReadOnlyList<CategoryView>>> (CategoryAdmin a, CancellationToken ct) => TypedResults.Ok(await a.ListAsync(ct)))
            .WithName("AdminCategories").WithSummary("Every category, active or not, in display order.");
        group.MapGet("/{code}", async Task<Results<Ok<CategoryView>, ProblemHttpResult>> (string code, CategoryAdmin a, Texts texts, CancellationToken ct) =>
            AdminRoutes.OkOrNotFound(await a.GetAsync(code, ct), texts))
            .WithName("AdminCategory").WithSummary("One category.");
        group.MapPost("/", async Task<Created<CategoryView>> (NewCategoryRequest request, CategoryAdmin a, CancellationToken ct) =>
        {
            var created = await a.CreateAsync(request, ct);
            return TypedResults.Created($"/api/admin/categories/{created.Code}", created);
        }).WithName("AdminCreateCategory").WithSummary("Create a category: a permanent code (2–40 lowercase letters, digits, hyphens) and names in every language.");
        group.MapPut("/{code}/name", async Task<Results<Ok<CategoryView>, ProblemHttpResult>> (string code, RenameRequest request, CategoryAdmin a, Texts texts, CancellationToken ct) =>
            AdminRoutes.OkOrNotFound(await a.RenameAsync(code, request, ct), texts))
            .WithName("AdminRenameCategory").WithSummary("Rename a category in every language.");
        group.MapPut("/{code}/position", async Task<Results<Ok<CategoryView>, ProblemHttpResult>> (string code, PositionRequest request, CategoryAdmin a, Texts texts, CancellationToken ct) =>
            AdminRoutes.OkOrNotFound(await a.MoveAsync(code, request, ct), texts))
            .WithName("AdminReorderCategory").WithSummary("Set a category's place in lists (smaller sortOrder first).");
        group.MapPost("/{code}/deactivation", async Task<Results<Ok<CategoryView>, ProblemHttpResult>> (string code, CategoryAdmin a, Texts texts, CancellationToken ct) =>
            AdminRoutes.OkOrNotFound(await a.SetActiveAsync(code, false, ct), texts))
            .WithName("AdminDeactivateCategory").WithSummary("Deactivate a category: no new requests can be filed under it.");
        group.MapPost("/{code}/activation", async Task<Results<Ok<CategoryView>, ProblemHttpResult>> (string code, CategoryAdmin a, Texts texts, CancellationToken ct) =>
            AdminRoutes.OkOrNotFound(await a.SetActiveAsync(code, true, ct), texts))
            .WithName("AdminActivateCategory").WithSummary("Activate a category again.");
    }

    public async Task<IReadOnlyList<CategoryView>> ListAsync(CancellationToken ct) =>
        (await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Code).ToListAsync(ct)).Select(View).ToList();

    public async Task<CategoryView?> GetAsync(string code, CancellationToken ct) =>
        await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, ct) is { } c ? View(c) : null;

    public async Task<CategoryView> CreateAsync(NewCategoryRequest request, CancellationToken ct)
    {
        var validation = new Validation();
        var code = request.Code?.Trim();
        if (!Category.IsValidCode(code))
        {
            validation.Add("code", "admin.validation.category_code");
        }

        var name = AdminInput.Names(request.Names, validation);
        SortOrder(request.SortOrder, validation, required: false);
        validation.ThrowIfInvalid();
        if (await db.Categories.AnyAsync(c => c.Code == code, ct))
        {
            throw new BusinessRuleException("admin.rule.category_code_taken");
        }

        var last = await db.Categories.Select(c => (int?)c.SortOrder).MaxAsync(ct) ?? 0;
        var category = new Category(code!, name!, request.SortOrder ?? Math.Min(last + 10, MaxSortOrder));
        db.Categories.Add(category);
        await db.SaveChangesAsync(ct);
        return View(category);
    }

    public async Task<CategoryView?> RenameAsync(string code, RenameRequest request, CancellationToken ct)
    {
        if (await db.Categories.FirstOrDefaultAsync(c => c.Code == code, ct) is not { } category)
        {
            return null;
        }

        var validation = new Validation();
        var name = AdminInput.Names(request.Names, validation);
        validation.ThrowIfInvalid();
        category.Update(name!, category.SortOrder, category.IsActive);
        await db.SaveChangesAsync(ct);
        return View(category);
    }

    public async Task<CategoryView?> MoveAsync(string code, PositionRequest request, CancellationToken ct)
    {
        if (await db.Categories.FirstOrDefaultAsync(c => c.Code == code, ct) is not { } category)
        {
            return null;
        }

        var validation = new Validation();
        SortOrder(request.SortOrder, validation, required: true);
        validation.ThrowIfInvalid();
        category.Update(category.Name, request.SortOrder!.Value, category.IsActive);
        await db.SaveChangesAsync(ct);
        return View(category);
    }

    public async Task<CategoryView?> SetActiveAsync(string code, bool active, CancellationToken ct)
    {
        if (await db.Categories.FirstOrDefaultAsync(c => c.Code == code, ct) is not { } category)
        {
            return null;
        }

        category.Update(category.Name, category.SortOrder, active);
        await db.SaveChangesAsync(ct);
        return View(category);
    }

    private static void SortOrder(int? sortOrder, Validation validation, bool required)
    {
        if ((sortOrder is null && required) || sortOrder is < 0 or > MaxSortOrder)
        {
            validation.Add("sortOrder", "admin.validation.sort_order");
        }
    }

    private CategoryView View(Category c) => new(c.Code, c.Name.In(texts.Culture), NamesInput.From(c.Name), c.SortOrder, c.IsActive);
}
