using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using WorkingGroup.Server.Errors;
using WorkingGroup.Server.Mail;
using WorkingGroup.Server.Persistence;
using WorkingGroup.Server.Api;

namespace WorkingGroup.Server.Identity;

/// <summary>A forgotten password: a one-time reset code by e-mail, then a new password.</summary>
internal static class PasswordResetApi
{
    public static IEndpointRouteBuilder MapPasswordResetApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/auth").WithTags("Sign-in").AllowAnonymous();

        group.MapPost("/forgot-password", ForgotPassword)
            .WithRequestExample("""{ "email": "ru.member1@example.org" }""")
            .WithName("ForgotPassword")
            .WithSummary("E-mail a password reset code")
            .WithDescription("Always answers 202, whether or not the address has an account, so that addresses cannot be probed.");

        group.MapPost("/reset-password", ResetPassword)
            .WithRequestExample("""{ "email": "ru.member1@example.org", "resetCode": "Q2ZESjhN…the code from the e-mail", "newPassword": "Новый-пароль-2026" }""")
            .WithName("ResetPassword")
            .WithSummary("Set a new password with the code from the e-mail")
            .ProducesValidationProblem();

        return routes;
    }

    internal static async Task<Accepted> ForgotPassword(
        ForgotPasswordRequest request, HttpRequest http, UserManager<AppUser> users, MailOutbox outbox, AppDbContext db, CancellationToken ct)
    {
        if (await users.FindByEmailAsync(request.Email) is { } user)
        {
            await SendResetCodeAsync(user, $"{http.Scheme}://{http.Host}", users, outbox);
            await db.SaveChangesAsync(ct);
        }

        return TypedResults.Accepted((string?)null);
    }

    /// <summary>Queues the reset e-mail in the caller's unit of work; the caller saves.</summary>
    internal static async Task SendResetCodeAsync(AppUser user, string baseUrl, UserManager<AppUser> users, MailOutbox outbox)
    {
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
        var link = $"{baseUrl}/account/reset-password?email={Uri.EscapeDataString(user.Email!)}&code={code}";
        outbox.Enqueue(
            user.Email!,
            "Восстановление пароля / Password reset",
            $"""
            Здравствуйте, {user.DisplayName}!

            Чтобы задать новый пароль, откройте ссылку:
            {link}

            Код восстановления: {code}
            Если вы не запрашивали восстановление пароля, просто проигнорируйте это письмо.

            ---
            To set a new password, open the link above or use the reset code. If you did not ask for it, ignore this e-mail.
            """);
    }

    private static async Task<Results<Ok, ValidationProblem>> ResetPassword(ResetPasswordRequest request, UserManager<AppUser> users)
    {
        if (await users.FindByEmailAsync(request.Email) is not { } user)
        {
            return Problems.Validation("resetCode", "Код восстановления недействителен. / The reset code is invalid.");
        }

        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(request.ResetCode));
        }
        catch (FormatException)
        {
            return Problems.Validation("resetCode", "Код восстановления недействителен. / The reset code is invalid.");
        }

        var result = await users.ResetPasswordAsync(user, token, request.NewPassword);
        if (result.Succeeded)
        {
            return TypedResults.Ok();
        }

        return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
            ? Problems.Validation("resetCode", "Код восстановления недействителен или уже использован. / The reset code is invalid or used.")
            : Problems.Validation("newPassword", string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}

public sealed record ForgotPasswordRequest([Required, EmailAddress] string Email);

/// <param name="Email">The account's e-mail.</param>
/// <param name="ResetCode">The code from the e-mail.</param>
/// <param name="NewPassword">At least 10 characters with upper- and lower-case letters and a digit.</param>
public sealed record ResetPasswordRequest([Required, EmailAddress] string Email, [Required] string ResetCode, [Required] string NewPassword);
