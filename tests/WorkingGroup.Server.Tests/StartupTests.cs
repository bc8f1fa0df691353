using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkingGroup.Domain.Composition;
using WorkingGroup.Server.Identity;
using WorkingGroup.Server.Persistence;
using WorkingGroup.Server.Tests.Infrastructure;
using WorkingGroup.Testing;

namespace WorkingGroup.Server.Tests;

/// <summary>First start, restarts and environments; run on SQLite and PostgreSQL.</summary>
public abstract class StartupTests(AppFixture app)
{
    [Fact]
    public async Task A_restart_seeds_nothing_twice_and_accepts_tokens_issued_before_it()
    {
        var token = await AppFixture.SignInAsync(app.Factory, "kz.deputy@example.org");

        await using var restarted = await app.CreateFactoryAsync("Development");
        using var client = restarted.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        using var me = await client.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(DemoComposition.People.Count, await CountUsersAsync(restarted));
    }

    [Fact]
    public async Task The_database_has_every_role_of_the_regulation()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();

        var names = await roles.Roles.Select(r => r.Name).ToListAsync();

        Assert.Equal(Roles.All.Order(), names.Order());
    }

    [Fact]
    public async Task Every_person_of_a_side_carries_it_and_only_guests_may_lack_one()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var withoutSide = await db.Users.Where(u => u.Side == null).Select(u => u.Email).ToListAsync();

        Assert.Equal(["admin@example.org", "expert@example.org"], withoutSide.Order());
    }

    private static async Task<int> CountUsersAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.CountAsync();
    }
}

public sealed class StartupTestsOnSqlite(SqliteApp app) : StartupTests(app), IClassFixture<SqliteApp>;

public sealed class StartupTestsOnPostgres(PostgresApp app) : StartupTests(app), IClassFixture<PostgresApp>;

/// <summary>A production server on an empty database: no demo accounts, only the configured first administrator.</summary>
public sealed class ProductionStartupTests
{
    [Fact]
    public async Task Production_never_seeds_the_demo_composition_but_creates_the_configured_administrator()
    {
        var file = new TestSqliteFile("prod");
        try
        {
            await using var factory = AppFixture.CreateFactory(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Sqlite"] = file.ConnectionString,
                ["Seed:DemoComposition"] = "true",
                ["Seed:AdministratorEmail"] = "chief.admin@example.org",
                ["Seed:AdministratorPassword"] = "Initial-Password-1",
            }, environment: "Production");
            await using var scope = factory.Services.CreateAsyncScope();
            var users = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.Select(u => u.Email).ToListAsync();

            Assert.Equal(["chief.admin@example.org"], users);
        }
        finally
        {
            file.Delete();
        }
    }
}

/// <summary>The migrations of both providers match the model: nobody forgot `dotnet ef migrations add`.</summary>
public sealed class MigrationTests
{
    [Fact]
    public void The_SQLite_migrations_match_the_model()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --project src/WorkingGroup.Server --context SqliteAppDbContext --output-dir Persistence/Migrations/Sqlite");
    }

    [Fact]
    public void The_PostgreSQL_migrations_match_the_model()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --project src/WorkingGroup.Server --context PostgresAppDbContext --output-dir Persistence/Migrations/Postgres");
    }
}
