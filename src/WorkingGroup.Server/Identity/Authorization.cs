using Microsoft.AspNetCore.Authorization;

namespace WorkingGroup.Server.Identity;

/// <summary>
/// The one way to authorise: by role AND side. A secretary of RU is not a secretary of KZ, so a
/// side-bound command asks for <see cref="RoleOnSideRequirement"/> with the side of the resource it touches.
/// </summary>
public static class Policies
{
    /// <summary>Technical administration (accounts, procedures).</summary>
    public const string Administrator = nameof(Administrator);

    /// <summary>A member of either side's composition or the administrator: sees everything public under .</summary>
    public const string Participant = nameof(Participant);

    public static void AddWorkingGroupPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Administrator, p => p.RequireRole(Roles.Administrator))
        .AddPolicy(Participant, p => p.RequireRole([.. Roles.Composition, Roles.Administrator]));
}

/// <summary>
/// The user holds one of <see cref="Roles"/> on the side given as the authorisation resource
/// (<see cref="Side"/>); an administrator passes too when <see cref="AllowAdministrator"/> is set.
/// </summary>
public sealed record RoleOnSideRequirement(IReadOnlyList<string> Roles, bool AllowAdministrator = false) : IAuthorizationRequirement;

internal sealed class RoleOnSideHandler : AuthorizationHandler<RoleOnSideRequirement, Side>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RoleOnSideRequirement requirement, Side side)
    {
        var user = context.User;
        if (requirement.AllowAdministrator && user.IsInRole(Domain.Composition.Roles.Administrator))
        {
            context.Succeed(requirement);
        }
        else if (user.GetSide() == side && requirement.Roles.Any(user.IsInRole))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
