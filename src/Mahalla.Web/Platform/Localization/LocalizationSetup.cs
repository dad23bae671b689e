using Microsoft.AspNetCore.Localization;

namespace Mahalla.Web.Platform.Localization;

public static class LocalizationSetup
{
    public const string CookieName = ".Mahalla.Culture";

    public static IServiceCollection AddMahallaLocalization(this IServiceCollection services)
    {
        services.AddSingleton<TextCatalog>();
        services.AddScoped<Texts>();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = TextCatalog.Cultures.ToArray();
            options.SetDefaultCulture(TextCatalog.Default)
                .AddSupportedCultures(cultures)
                .AddSupportedUICultures(cultures);
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = "lang", UIQueryStringKey = "lang" },
                new CookieRequestCultureProvider { CookieName = CookieName },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    /// <summary>
    /// <c>GET /language/{culture}?returnUrl=…</c>: remembers the choice in a cookie and goes back.
    /// A plain link, so that switching works without JavaScript on every page.
    /// </summary>
    public static IEndpointRouteBuilder MapLanguageSwitch(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/language/{culture}", (string culture, string? returnUrl, HttpContext http) =>
        {
            var chosen = TextCatalog.Normalize(culture);
            http.Response.Cookies.Append(CookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            var target = Web.LocalUrl.IsSafe(returnUrl) ? returnUrl! : "/";
            return TypedResults.LocalRedirect(target);
        }).WithName("SwitchLanguage").WithSummary("Switch the interface language and return to the page.").ExcludeFromDescription();
        return routes;
    }
}
