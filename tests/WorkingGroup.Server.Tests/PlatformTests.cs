using System.Net;
using System.Text.Json;
using WorkingGroup.Server.Tests.Infrastructure;

namespace WorkingGroup.Server.Tests;

/// <summary>Health, OpenAPI and the API reference; run on SQLite and PostgreSQL.</summary>
public abstract class PlatformTests(AppFixture app)
{
    [Fact]
    public async Task Health_is_healthy_once_the_database_is_migrated()
    {
        using var client = app.Anonymous();

        var health = await client.GetStringAsync("/health");

        Assert.Equal("Healthy", health);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_sign_in_and_people_endpoints()
    {
        using var client = app.Anonymous();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/auth/login", out _));
        Assert.True(paths.TryGetProperty("/api/sides/{side}/accounts", out _));
    }

    [Fact]
    public async Task The_API_reference_page_is_served()
    {
        using var client = app.Anonymous();

        using var response = await client.GetAsync("/api-reference/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("WorkingGroup API", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_api_path_is_404_with_problem_details()
    {
        using var client = app.Anonymous();

        using var response = await client.GetAsync("/api/no-such-thing");

        await Json.ProblemAsync(response, HttpStatusCode.NotFound);
    }
}

public sealed class PlatformTestsOnSqlite(SqliteApp app) : PlatformTests(app), IClassFixture<SqliteApp>;

public sealed class PlatformTestsOnPostgres(PostgresApp app) : PlatformTests(app), IClassFixture<PostgresApp>;
