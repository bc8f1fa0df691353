using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using WorkingGroup.Server.Identity;

namespace WorkingGroup.Server.Components.Account;

/// <summary>The form posts of the web UI that are not pages: sign-out and the language switch.</summary>
internal static class AccountPages
{
    public static IEndpointRouteBuilder MapAccountPages(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/account").ExcludeFromDescription();

        group.MapPost("/logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/account/login");
        });

        group.MapGet("/culture", Results<RedirectHttpResult, BadRequest> (HttpContext http, [FromQuery] string culture, [FromQuery] string? returnUrl) =>
        {
            if (culture is not ("ru" or "en"))
            {
                return TypedResults.BadRequest();
            }

            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
            return TypedResults.LocalRedirect(LocalUrl.OrRoot(returnUrl));
        });

        group.MapGet("/access-denied", () => TypedResults.Redirect("/"));
        return routes;
    }
}
