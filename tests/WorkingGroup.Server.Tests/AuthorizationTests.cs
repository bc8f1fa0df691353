using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using WorkingGroup.Domain.Composition;
using WorkingGroup.Server.Identity;

namespace WorkingGroup.Server.Tests;

/// <summary>The role-and-side requirement on its own: a secretary of RU is not a secretary of KZ.</summary>
public sealed class RoleOnSideTests
{
    private static readonly RoleOnSideRequirement Secretary = new([Roles.ExecutiveSecretary]);
    private static readonly RoleOnSideRequirement SecretaryOrAdministrator = new([Roles.ExecutiveSecretary], AllowAdministrator: true);

    private static readonly IAuthorizationService Authorization = new ServiceCollection()
        .AddLogging()
        .AddAuthorization()
        .AddSingleton<IAuthorizationHandler, RoleOnSideHandler>()
        .BuildServiceProvider()
        .GetRequiredService<IAuthorizationService>();

    private static ClaimsPrincipal Person(string role, Side? side)
    {
        var claims = new List<Claim> { new(ClaimTypes.Role, role) };
        if (side is { } s)
        {
            claims.Add(new Claim(WorkingGroupClaims.Side, s.ToString()));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    [Theory]
    [InlineData(Side.RU)]
    [InlineData(Side.KZ)]
    public async Task A_secretary_acts_on_the_own_side(Side side) =>
        Assert.True((await Authorization.AuthorizeAsync(Person(Roles.ExecutiveSecretary, side), side, Secretary)).Succeeded);

    [Theory]
    [InlineData(Side.RU, Side.KZ)]
    [InlineData(Side.KZ, Side.RU)]
    public async Task A_secretary_does_not_act_on_the_other_side(Side own, Side other) =>
        Assert.False((await Authorization.AuthorizeAsync(Person(Roles.ExecutiveSecretary, own), other, Secretary)).Succeeded);

    [Fact]
    public async Task Another_role_of_the_same_side_is_not_enough() =>
        Assert.False((await Authorization.AuthorizeAsync(Person(Roles.CoChair, Side.RU), Side.RU, Secretary)).Succeeded);

    [Fact]
    public async Task A_guest_without_a_side_never_acts_for_a_side() =>
        Assert.False((await Authorization.AuthorizeAsync(Person(Roles.ExecutiveSecretary, null), Side.RU, Secretary)).Succeeded);

    [Fact]
    public async Task The_administrator_passes_only_where_the_requirement_allows_it()
    {
        var administrator = Person(Roles.Administrator, null);

        Assert.True((await Authorization.AuthorizeAsync(administrator, Side.KZ, SecretaryOrAdministrator)).Succeeded);
        Assert.False((await Authorization.AuthorizeAsync(administrator, Side.KZ, Secretary)).Succeeded);
    }
}
