using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WorkingGroup.Server.Errors;
using WorkingGroup.Server.Persistence;
using WorkingGroup.Server.Api;

namespace WorkingGroup.Server.Identity;

/// <summary>People of the working group and their sign-in accounts.</summary>
internal static class AccountsApi
{
    /// <summary>Who may register an account on a side: that side's executive secretary (members only) or the administrator.</summary>
    private static readonly RoleOnSideRequirement RegisterOnSide = new([Roles.ExecutiveSecretary], AllowAdministrator: true);

    /// <summary>Roles held by exactly one person per side (R-3.1).</summary>
    private static readonly string[] SingleHolderRoles = [Roles.CoChair, Roles.DeputyCoChair, Roles.ExecutiveSecretary];

    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/people", ListPeople)
            .WithTags("People")
            .WithName("ListPeople")
            .WithSummary("Everyone in the composition of both sides and the invited guests (R-1.3: publicity)")
            .RequireAuthorization(Policies.Participant);

        routes.MapPost("/api/sides/{side}/accounts", RegisterAccount)
            .WithRequestExample("""{ "email": "kz.member7@example.org", "displayName": "Серикова Алия Нурлановна", "role": "Member", "password": "WorkingGroup-2026" }""")
            .WithTags("People")
            .WithName("RegisterAccount")
            .WithSummary("Register a sign-in account for a person of one side")
            .WithDescription("Allowed to the executive secretary of that side (role Member only) and to the administrator (any role). " +
                             "Co-chair, deputy and secretary are unique per side (R-3.1).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization();

        return routes;
    }

    private static async Task<Ok<List<PersonResponse>>> ListPeople(AppDbContext db, CancellationToken ct)
    {
        var people = await db.Users.AsNoTracking().OrderBy(u => u.Side).ThenBy(u => u.DisplayName).ToListAsync(ct);
        var roles = await (from userRole in db.UserRoles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           select new { userRole.UserId, role.Name }).ToListAsync(ct);
        var rolesByUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        return TypedResults.Ok(people
            .Select(u => new PersonResponse(u.Id, u.Email ?? "", u.DisplayName, u.Side, [.. rolesByUser[u.Id]]))
            .ToList());
    }

    private static async Task<Results<Created<PersonResponse>, ValidationProblem, ProblemHttpResult>> RegisterAccount(
        Side side, RegisterAccountRequest request, ClaimsPrincipal caller,
        IAuthorizationService authorization, UserManager<AppUser> users, AppDbContext db, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(caller, side, RegisterOnSide)).Succeeded)
        {
            return Problems.Forbidden("people.not_entitled_on_side",
                $"Регистрировать участников стороны {side} может только её ответственный секретарь или администратор. / " +
                $"Only the executive secretary of side {side} or the administrator may register its people.");
        }

        if (!Roles.All.Contains(request.Role) || request.Role == Roles.Administrator)
        {
            return Problems.Validation("role", $"Допустимые роли / allowed roles: {string.Join(", ", Roles.All.Where(r => r != Roles.Administrator))}.");
        }

        if (request.Role != Roles.Member && !caller.IsInRole(Roles.Administrator))
        {
            return Problems.Forbidden("people.role_reserved_to_administrator",
                "Секретарь регистрирует только членов группы. / A secretary registers members only.");
        }

        if (SingleHolderRoles.Contains(request.Role) &&
            (await users.GetUsersInRoleAsync(request.Role)).Any(u => u.Side == side))
        {
            return Problems.Conflict("composition.role_already_held",
                $"У стороны {side} уже есть {request.Role} (R-3.1). / Side {side} already has a {request.Role} (R-3.1).");
        }

        // Account and role land together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = new AppUser { UserName = request.Email, Email = request.Email, DisplayName = request.DisplayName.Trim(), Side = side };
        var created = await users.CreateAsync(user, request.Password);
        if (!created.Succeeded)
        {
            var field = created.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal)) ? "password" : "email";
            return Problems.Validation(field, string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        var assigned = await users.AddToRoleAsync(user, request.Role);
        if (!assigned.Succeeded)
        {
            return Problems.Validation("role", string.Join(" ", assigned.Errors.Select(e => e.Description)));
        }

        await transaction.CommitAsync(ct);

        var person = new PersonResponse(user.Id, user.Email, user.DisplayName, user.Side, [request.Role]);
        return TypedResults.Created($"/api/people/{user.Id}", person);
    }
}

/// <param name="Email">The person's e-mail; it is also the sign-in name.</param>
/// <param name="DisplayName">Full name as in documents, e.g. "Иванов Иван Иванович".</param>
/// <param name="Role">One of Member, CoChair, DeputyCoChair, ExecutiveSecretary, Expert, Observer.</param>
/// <param name="Password">Initial password: at least 10 characters with upper- and lower-case letters and a digit.</param>
public sealed record RegisterAccountRequest(
    [Required, EmailAddress, MaxLength(256)] string Email,
    [Required, MinLength(3), MaxLength(200)] string DisplayName,
    [Required] string Role,
    [Required] string Password);

public sealed record PersonResponse(string Id, string Email, string DisplayName, Side? Side, IReadOnlyList<string> Roles);
