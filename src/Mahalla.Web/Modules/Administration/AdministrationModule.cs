using Mahalla.Web.Modules.Accounts.Data;
using Mahalla.Web.Modules.Administration.AnswerTemplates;
using Mahalla.Web.Modules.Administration.Categories;
using Mahalla.Web.Modules.Administration.DeadlinePolicies;
using Mahalla.Web.Modules.Administration.Holidays;
using Mahalla.Web.Modules.Administration.Organizations;
using Mahalla.Web.Modules.Administration.RoutingRules;
using Mahalla.Web.Modules.Administration.Territories;
using Mahalla.Web.Modules.Administration.Users;

namespace Mahalla.Web.Modules.Administration;

/// <summary>
/// Administration of the reference data the request engine runs on (territories, organisations,
/// categories, routing, the calendar, deadlines, answer templates) and of accounts. Each use case's
/// handler serves both its API under <c>/api/admin</c> and its page under <c>/admin</c>.
/// </summary>
public static class AdministrationModule
{
    public static IServiceCollection AddAdministration(this IServiceCollection services)
    {
        services.AddScoped<TerritoryAdmin>();
        services.AddScoped<OrganizationAdmin>();
        services.AddScoped<CategoryAdmin>();
        services.AddScoped<RoutingAdmin>();
        services.AddScoped<HolidayAdmin>();
        services.AddScoped<DeadlinePolicyAdmin>();
        services.AddScoped<AnswerTemplateAdmin>();
        services.AddScoped<UserAdmin>();
        return services;
    }

    public static IEndpointRouteBuilder MapAdministration(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("/api/admin").WithTags("Administration")
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        TerritoryAdmin.Map(admin);
        OrganizationAdmin.Map(admin);
        CategoryAdmin.Map(admin);
        RoutingAdmin.Map(admin);
        HolidayAdmin.Map(admin);
        DeadlinePolicyAdmin.Map(admin);
        AnswerTemplateAdmin.Map(admin);
        UserAdmin.Map(admin);
        return routes;
    }
}
