using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WorkingGroup.Server.Persistence;

namespace WorkingGroup.Server.Identity;

/// <summary>
/// Holds every request's sign-in, bearer token and cookie alike, to the account as it is now. A sign-in carries the
/// roles and side of the moment it was issued; whatever changes them renews the account's security stamp (an approved
/// composition change, R-1.5; a password reset does too). A sign-in whose stamp is no longer the account's fails
/// authentication, so the request answers 401 (a page sends to the sign-in page) and the person signs in again with the
/// roles the account holds now, as <c>/api/auth/refresh</c> already demands of a refresh token.
/// </summary>
/// <remarks>One primary-key lookup per request that carries a sign-in, in the scheme's own event.</remarks>
internal static class SecurityStampCheck
{
    private const string Stale = "The sign-in was issued before the account's roles or side changed; sign in again.";
    private const string BearerPrefix = "Bearer ";

    /// <summary>For <see cref="BearerTokenEvents.OnMessageReceived"/>: fails a token whose stamp is stale; the handler checks the rest.</summary>
    public static async Task RefuseStaleBearerTokenAsync(MessageReceivedContext context)
    {
        // Read as the bearer token handler reads it; a token it could not read or that expired it refuses itself.
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith(BearerPrefix, StringComparison.Ordinal)
            && context.Options.BearerTokenProtector.Unprotect(authorization[BearerPrefix.Length..]) is { } ticket
            && !await IsCurrentAsync(context.HttpContext, ticket.Principal))
        {
            context.Fail(Stale);
        }
    }

    /// <summary>
    /// For <see cref="CookieAuthenticationEvents.OnValidatePrincipal"/>: rejects and removes a cookie whose stamp is stale;
    /// a current one goes on to Identity's periodic refresh of its claims.
    /// </summary>
    public static async Task RefuseStaleCookieAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is not { } principal || !await IsCurrentAsync(context.HttpContext, principal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    private static async Task<bool> IsCurrentAsync(HttpContext http, ClaimsPrincipal principal)
    {
        var claimTypes = http.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var userId = principal.FindFirstValue(claimTypes.UserIdClaimType);
        var stamp = principal.FindFirstValue(claimTypes.SecurityStampClaimType);
        return userId is not null && stamp is not null
            && await http.RequestServices.GetRequiredService<AppDbContext>().Users
                .AnyAsync(u => u.Id == userId && u.SecurityStamp == stamp, http.RequestAborted);
    }
}
