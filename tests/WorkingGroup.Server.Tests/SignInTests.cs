using System.Net;
using System.Net.Http.Json;
using WorkingGroup.Domain.Composition;
using WorkingGroup.Server.Identity;
using WorkingGroup.Server.Tests.Infrastructure;

namespace WorkingGroup.Server.Tests;

/// <summary>Sign-in, tokens and cookies; run on SQLite and on PostgreSQL.</summary>
public abstract class SignInTests(AppFixture app)
{
    [Fact]
    public async Task Sign_in_with_a_demo_account_returns_a_bearer_token_that_names_the_person()
    {
        var token = await AppFixture.SignInAsync(app.Factory, "ru.cochair@example.org");
        using var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var me = await client.GetFromJsonAsync<MeResponse>("/api/me", Json.Options);

        Assert.Equal("Морозов Андрей Викторович", me!.DisplayName);
        Assert.Equal(Side.RU, me.Side);
        Assert.Equal([Roles.CoChair], me.Roles);
    }

    [Fact]
    public async Task Sign_in_with_a_wrong_password_is_401_with_a_problem_code()
    {
        using var client = app.Anonymous();

        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email = "kz.member1@example.org", password = "not-the-password" });

        var problem = await Json.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("auth.invalid_credentials", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Anonymous_call_to_a_protected_endpoint_is_401_with_problem_details()
    {
        using var client = app.Anonymous();

        using var response = await client.GetAsync("/api/people");

        var problem = await Json.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("auth.unauthenticated", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_refresh_token_buys_a_new_access_token()
    {
        using var client = app.Anonymous();
        using var login = await client.PostAsJsonAsync("/api/auth/login", new { email = "kz.secretary@example.org", password = DemoComposition.Password });
        var tokens = await login.Content.ReadFromJsonAsync<AppFixture.TokenResponse>();

        using var refreshed = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens!.RefreshToken });

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var renewed = await refreshed.Content.ReadFromJsonAsync<AppFixture.TokenResponse>();
        Assert.False(string.IsNullOrEmpty(renewed!.AccessToken));
    }

    [Fact]
    public async Task A_forged_refresh_token_is_401()
    {
        using var client = app.Anonymous();

        using var response = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = "forged" });

        var problem = await Json.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("auth.invalid_refresh_token", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Cookie_sign_in_authenticates_later_api_calls_without_a_token()
    {
        using var client = app.Factory.CreateClient(); // keeps cookies

        using var login = await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = "kz.cochair@example.org", password = DemoComposition.Password });
        var me = await client.GetFromJsonAsync<MeResponse>("/api/me", Json.Options);

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(Side.KZ, me!.Side);
    }

    [Fact]
    public async Task An_anonymous_page_request_is_redirected_to_the_sign_in_page()
    {
        using var client = app.Anonymous();

        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("https://evil.example/")]
    public async Task The_language_switch_never_redirects_to_another_site(string returnUrl)
    {
        using var client = app.Anonymous();

        using var response = await client.GetAsync($"/account/culture?culture=en&returnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_sign_in_page_is_served_in_Russian_by_default()
    {
        using var client = app.Anonymous();

        var html = await client.GetStringAsync("/account/login");

        Assert.Contains("Войти", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"ru\"", html, StringComparison.Ordinal);
    }
}

public sealed class SignInTestsOnSqlite(SqliteApp app) : SignInTests(app), IClassFixture<SqliteApp>;

public sealed class SignInTestsOnPostgres(PostgresApp app) : SignInTests(app), IClassFixture<PostgresApp>;
