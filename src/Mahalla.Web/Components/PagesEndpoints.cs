using Mahalla.Web.Modules.Accounts.Data;
using Microsoft.AspNetCore.Identity;

namespace Mahalla.Web.Components;

public static class PagesEndpoints
{
    /// <summary>Form posts that are not pages: signing out (antiforgery-checked, POST only).</summary>
    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/account/logout", async (SignInManager<User> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/");
        }).ExcludeFromDescription();
        return routes;
    }
}
