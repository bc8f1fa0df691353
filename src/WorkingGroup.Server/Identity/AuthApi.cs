using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using WorkingGroup.Server.Errors;
using WorkingGroup.Server.Api;

namespace WorkingGroup.Server.Identity;

/// <summary>Sign-in for API clients: e-mail and password for a bearer token (or the cookie), token refresh, who am I.</summary>
internal static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/auth").WithTags("Sign-in");

        group.MapPost("/login", Login)
            .WithRequestExample("""{ "email": "ru.cochair@example.org", "password": "WorkingGroup-2026" }""")
            .WithName("Login")
            .WithSummary("Sign in with e-mail and password")
            .WithDescription("Returns a bearer token (`accessToken`, `expiresIn` seconds, `refreshToken`). " +
                             "With `?useCookies=true` sets the sign-in cookie instead, as the web UI does.")
            .Produces<AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .AllowAnonymous();

        group.MapPost("/refresh", Refresh)
            .WithRequestExample("""{ "refreshToken": "CfDJ8Mg0…the refreshToken of the sign-in answer" }""")
            .WithName("RefreshToken")
            .WithSummary("Exchange a refresh token for a new bearer token")
            .Produces<AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .AllowAnonymous();

        routes.MapGet("/api/me", Me)
            .WithTags("Sign-in")
            .WithName("Me")
            .WithSummary("The signed-in person: name, side and roles")
            .RequireAuthorization();

        return routes;
    }

    internal static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Login(
        LoginRequest request, bool? useCookies, SignInManager<AppUser> signIn)
    {
        var cookies = useCookies == true;
        signIn.AuthenticationScheme = cookies ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(request.Email, request.Password, isPersistent: cookies, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            // The sign-in handler has written the token response (bearer) or the cookie.
            return TypedResults.Empty;
        }

        return result.IsLockedOut
            ? Problems.Unauthorized("auth.locked_out", "Учётная запись временно заблокирована после неудачных попыток входа. / Account locked after failed sign-in attempts.")
            : Problems.Unauthorized("auth.invalid_credentials", "Неверный e-mail или пароль. / Wrong e-mail or password.");
    }

    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> Refresh(
        RefreshRequest request, IOptionsMonitor<BearerTokenOptions> bearerOptions, TimeProvider clock, SignInManager<AppUser> signIn)
    {
        var protector = bearerOptions.Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
        var ticket = protector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires ||
            await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
        {
            return Problems.Unauthorized("auth.invalid_refresh_token", "Токен обновления недействителен или истёк. / The refresh token is invalid or expired.");
        }

        return TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(user), authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static Ok<MeResponse> Me(ClaimsPrincipal user) => TypedResults.Ok(new MeResponse(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
        user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "",
        user.GetDisplayName(),
        user.GetSide(),
        [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)]));
}

/// <param name="Email">The account's e-mail, e.g. <c>ru.cochair@example.org</c>.</param>
/// <param name="Password">The account's password.</param>
public sealed record LoginRequest([Required, EmailAddress] string Email, [Required] string Password);

public sealed record RefreshRequest([Required] string RefreshToken);

public sealed record MeResponse(string Id, string Email, string DisplayName, Side? Side, IReadOnlyList<string> Roles);
