using Microsoft.AspNetCore.Identity;
using WorkingGroup.Server.Persistence;

namespace WorkingGroup.Server.Identity;

/// <summary>Seed settings. Section <c>Seed</c>.</summary>
public sealed class SeedOptions
{
    public const string SectionName = "Seed";

    /// <summary>Seed <see cref="DemoComposition"/> into an empty database; honoured only outside Production.</summary>
    public bool DemoComposition { get; set; }

    /// <summary>First administrator of an empty production database (env <c>Seed__AdministratorEmail</c>).</summary>
    public string? AdministratorEmail { get; set; }

    /// <summary>Its initial password (env <c>Seed__AdministratorPassword</c>); change it after the first sign-in.</summary>
    public string? AdministratorPassword { get; set; }
}

/// <summary>
/// Creates the roles, and on an empty database either the demo composition (its accounts and the
/// domain's <see cref="GroupComposition"/> of the 18 members) or the first administrator, who belongs to no composition.
/// </summary>
internal sealed partial class IdentitySeeder(
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    AppDbContext db,
    TimeProvider clock,
    SeedOptions options,
    IHostEnvironment environment,
    ILogger<IdentitySeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Ensure(await roles.CreateAsync(new IdentityRole(role)), role);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (users.Users.Any())
        {
            return;
        }

        if (options.DemoComposition && !environment.IsProduction())
        {
            var founders = new List<FoundingMember>();
            foreach (var person in DemoComposition.People)
            {
                var user = await CreateAsync(person.Email, person.DisplayName, person.Side, person.Role, DemoComposition.Password);
                if (person.Position is { } position)
                {
                    founders.Add(new FoundingMember(Guid.Parse(user.Id), person.DisplayName, person.Side!.Value, position));
                }
            }

            db.Compositions.Add(GroupComposition.Establish(founders, clock));
            await db.SaveChangesAsync(cancellationToken);
            LogDemoSeeded(logger, DemoComposition.People.Count, DemoComposition.Password);
        }
        else if (!string.IsNullOrWhiteSpace(options.AdministratorEmail) && !string.IsNullOrWhiteSpace(options.AdministratorPassword))
        {
            await CreateAsync(options.AdministratorEmail, "Администратор", null, Roles.Administrator, options.AdministratorPassword);
            LogAdministratorSeeded(logger, options.AdministratorEmail);
        }
        else
        {
            LogNoAccounts(logger);
        }
    }

    private async Task<AppUser> CreateAsync(string email, string displayName, Side? side, string role, string password)
    {
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, Side = side };
        Ensure(await users.CreateAsync(user, password), email);
        Ensure(await users.AddToRoleAsync(user, role), email);
        return user;
    }

    private static void Ensure(IdentityResult result, string subject)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Seeding {subject} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    [LoggerMessage(LogLevel.Warning, "Seeded the demo composition: {Count} accounts, password {Password} (see README).")]
    private static partial void LogDemoSeeded(ILogger logger, int count, string password);

    [LoggerMessage(LogLevel.Information, "Seeded the first administrator {Email}.")]
    private static partial void LogAdministratorSeeded(ILogger logger, string email);

    [LoggerMessage(LogLevel.Warning, "The database has no accounts: set Seed__AdministratorEmail and Seed__AdministratorPassword to create the first administrator.")]
    private static partial void LogNoAccounts(ILogger logger);
}
