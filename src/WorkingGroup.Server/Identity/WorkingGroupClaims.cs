using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace WorkingGroup.Server.Identity;

/// <summary>Claims the server adds to every signed-in principal (cookie and bearer token alike).</summary>
public static class WorkingGroupClaims
{
    public const string Side = "wg:side";
    public const string DisplayName = "wg:display_name";

    public static Side? GetSide(this ClaimsPrincipal user) =>
        Enum.TryParse<Side>(user.FindFirstValue(Side), out var side) ? side : null;

    public static string GetDisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? "";
}

internal sealed class WorkingGroupClaimsFactory(
    UserManager<AppUser> userManager, RoleManager<IdentityRole> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(WorkingGroupClaims.DisplayName, user.DisplayName));
        if (user.Side is { } side)
        {
            identity.AddClaim(new Claim(WorkingGroupClaims.Side, side.ToString()));
        }

        return identity;
    }
}
