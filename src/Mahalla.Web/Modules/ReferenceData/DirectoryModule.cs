using Mahalla.Web.Modules.Calendar.Contracts;
using Mahalla.Web.Modules.Demo;
using Mahalla.Web.Modules.Organizations.Contracts;
using Mahalla.Web.Modules.Territories;

namespace Mahalla.Web.Modules.ReferenceData;

/// <summary>Reference data: territories, categories, organisations and routing, the working calendar, demo data.</summary>
public static class DirectoryModule
{
    public static IServiceCollection AddDirectory(this IServiceCollection services)
    {
        services.AddOptions<ReferenceDataOptions>().BindConfiguration("ReferenceData");
        services.AddSingleton<ReferenceCache>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, ReferenceDataChanges>();
        services.AddScoped<Router>();
        services.AddScoped<Deadlines>();
        services.AddScoped<DemoData>();
        return services;
    }

    public static IEndpointRouteBuilder MapDirectory(this IEndpointRouteBuilder routes) => TerritoriesModule.MapReferenceData(routes);
}
