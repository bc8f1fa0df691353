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
    public async Task Every_JSON_request_body_in_the_OpenAPI_document_has_an_example_that_names_only_its_schemas_properties()
    {
        using var client = app.Anonymous();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        var missing = new List<string>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (!operation.Value.TryGetProperty("requestBody", out var body)
                    || !body.GetProperty("content").TryGetProperty("application/json", out var json))
                {
                    continue;
                }

                var name = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                if (!json.TryGetProperty("example", out var example))
                {
                    missing.Add(name);
                    continue;
                }

                // The example's fields exist in the request's schema (a renamed field would leave a stale example).
                var reference = References(json.GetProperty("schema")).FirstOrDefault();
                Assert.True(reference is not null, $"{name}: the request body's schema is not a component: {json.GetProperty("schema")}");
                var properties = schemas.GetProperty(reference["#/components/schemas/".Length..]).GetProperty("properties");
                foreach (var field in example.EnumerateObject())
                {
                    Assert.True(properties.TryGetProperty(field.Name, out _), $"{name}: the example's '{field.Name}' is not in {reference}.");
                }
            }
        }

        Assert.True(missing.Count == 0, "Without an example: " + string.Join(", ", missing));
    }

    /// <summary>The component a schema refers to, directly or as one member of a oneOf/anyOf/allOf (a nullable body).</summary>
    private static IEnumerable<string> References(JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var direct))
        {
            yield return direct.GetString()!;
        }

        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(combinator, out var members))
            {
                foreach (var member in members.EnumerateArray().SelectMany(References))
                {
                    yield return member;
                }
            }
        }
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
