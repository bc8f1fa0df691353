using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using WorkingGroup.Domain.Composition;
using WorkingGroup.Server.Identity;
using WorkingGroup.Server.Tests.Infrastructure;

namespace WorkingGroup.Server.Tests;

/// <summary>Authorisation by role and side, and validation of request bodies; run on SQLite and PostgreSQL.</summary>
public abstract class PeopleTests(AppFixture app)
{
    private static object NewMember(string email) =>
        new { email, displayName = "Новиков Пётр Ильич", role = Roles.Member, password = "Strong-Password-1" };

    [Fact]
    public async Task Every_participant_sees_both_sides_composition_R1_3()
    {
        using var client = await app.SignedInAsync("kz.member2@example.org");

        var people = await client.GetFromJsonAsync<List<PersonResponse>>("/api/people", Json.Options);

        var composition = DemoComposition.People.Where(p => Roles.Composition.Contains(p.Role)).ToList();
        Assert.Equal(18, composition.Count);
        Assert.All(composition, expected => Assert.Contains(people!, p => p.Email == expected.Email && p.Side == expected.Side));
    }

    [Fact]
    public async Task A_guest_is_not_a_participant_and_gets_403()
    {
        using var client = await app.SignedInAsync("expert@example.org");

        using var response = await client.GetAsync("/api/people");

        await Json.ProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_member_registering_an_account_is_403()
    {
        using var client = await app.SignedInAsync("ru.member1@example.org");

        using var response = await client.PostAsJsonAsync("/api/sides/RU/accounts", NewMember("ru.new1@example.org"));

        var problem = await Json.ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal("people.not_entitled_on_side", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_KZ_secretary_is_not_a_secretary_of_RU()
    {
        using var client = await app.SignedInAsync("kz.secretary@example.org");

        using var response = await client.PostAsJsonAsync("/api/sides/RU/accounts", NewMember("ru.new2@example.org"));

        await Json.ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.False(await AccountExistsAsync("ru.new2@example.org"));
    }

    [Fact]
    public async Task The_RU_secretary_registers_an_RU_member_who_can_then_sign_in()
    {
        using var client = await app.SignedInAsync("ru.secretary@example.org");

        using var response = await client.PostAsJsonAsync("/api/sides/RU/accounts", NewMember("ru.new3@example.org"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var person = await response.Content.ReadFromJsonAsync<PersonResponse>(Json.Options);
        Assert.Equal(Side.RU, person!.Side);
        Assert.False(string.IsNullOrEmpty(await AppFixture.SignInAsync(app.Factory, "ru.new3@example.org", "Strong-Password-1")));
    }

    [Fact]
    public async Task A_secretary_cannot_register_a_co_chair()
    {
        using var client = await app.SignedInAsync("kz.secretary@example.org");

        using var response = await client.PostAsJsonAsync("/api/sides/KZ/accounts",
            new { email = "kz.new4@example.org", displayName = "Сериков Асан", role = Roles.CoChair, password = "Strong-Password-1" });

        var problem = await Json.ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal("people.role_reserved_to_administrator", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_second_co_chair_of_one_side_is_refused_R3_1()
    {
        using var client = await app.SignedInAsync("admin@example.org");

        using var response = await client.PostAsJsonAsync("/api/sides/KZ/accounts",
            new { email = "kz.new5@example.org", displayName = "Сериков Асан", role = Roles.CoChair, password = "Strong-Password-1" });

        var problem = await Json.ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("composition.role_already_held", problem.GetProperty("code").GetString());
        Assert.False(await AccountExistsAsync("kz.new5@example.org"));
    }

    [Fact]
    public async Task A_malformed_body_is_400_with_problem_details_naming_the_field()
    {
        using var client = await app.SignedInAsync("admin@example.org");
        using var body = new StringContent("""{"email":"x@example.org","displayName":42,"role":"Member","password":"p"}""",
            System.Text.Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("/api/sides/RU/accounts", body);

        var problem = await Json.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("displayName", out _), problem.ToString());
    }

    [Fact]
    public async Task A_body_that_is_not_json_at_all_is_400_with_problem_details()
    {
        using var client = await app.SignedInAsync("admin@example.org");
        using var body = new StringContent("{ this is not json", System.Text.Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("/api/sides/RU/accounts", body);

        await Json.ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_invalid_email_is_400_naming_the_email_field()
    {
        using var client = await app.SignedInAsync("admin@example.org");

        using var response = await client.PostAsJsonAsync("/api/sides/RU/accounts", NewMember("not-an-address"));

        var problem = await Json.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("email", out _), problem.ToString());
    }

    [Fact]
    public async Task An_unknown_side_is_400_naming_the_side()
    {
        using var client = await app.SignedInAsync("admin@example.org");

        using var response = await client.PostAsJsonAsync("/api/sides/BY/accounts", NewMember("by.new@example.org"));

        var problem = await Json.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("side", out _), problem.ToString());
    }

    [Fact]
    public async Task A_weak_password_is_400_naming_the_password_and_writes_nothing()
    {
        using var client = await app.SignedInAsync("admin@example.org");

        using var response = await client.PostAsJsonAsync("/api/sides/KZ/accounts",
            new { email = "kz.weak@example.org", displayName = "Слабый Пароль", role = Roles.Member, password = "short" });

        var problem = await Json.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("password", out _), problem.ToString());
        Assert.False(await AccountExistsAsync("kz.weak@example.org"));
    }

    private async Task<bool> AccountExistsAsync(string email)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email) is not null;
    }
}

public sealed class PeopleTestsOnSqlite(SqliteApp app) : PeopleTests(app), IClassFixture<SqliteApp>;

public sealed class PeopleTestsOnPostgres(PostgresApp app) : PeopleTests(app), IClassFixture<PostgresApp>;
