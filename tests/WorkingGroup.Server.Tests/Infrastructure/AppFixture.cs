using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using WorkingGroup.Server.Identity;
using WorkingGroup.Testing;

namespace WorkingGroup.Server.Tests.Infrastructure;

/// <summary>
/// The whole server in memory on a database of its own: a fresh SQLite file or a fresh database on the real
/// PostgreSQL of test.sh. The demo composition is seeded, as on a developer's first start.
/// </summary>
public abstract class AppFixture : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, string> _tokens = new();

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    /// <summary>The settings the server starts with (the same keys as appsettings.json and env vars).</summary>
    protected abstract Task<Dictionary<string, string?>> DatabaseSettingsAsync();

    public abstract string Provider { get; }

    public virtual async Task InitializeAsync() => Factory = CreateFactory(await DatabaseSettingsAsync());

    public virtual async Task DisposeAsync() => await Factory.DisposeAsync();

    /// <summary>A server over the same database (e.g. a restart), with extra settings.</summary>
    public static WebApplicationFactory<Program> CreateFactory(IReadOnlyDictionary<string, string?> settings, string environment = "Development") =>
        new ConfiguredWebApplicationFactory<Program>(settings, environment);

    public async Task<WebApplicationFactory<Program>> CreateFactoryAsync(string environment, params (string Key, string? Value)[] extra)
    {
        var settings = await DatabaseSettingsAsync();
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return CreateFactory(settings, environment);
    }

    public HttpClient Anonymous() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A client carrying the bearer token of a demo account (signed in once per fixture).</summary>
    public async Task<HttpClient> SignedInAsync(string email)
    {
        var token = _tokens.TryGetValue(email, out var cached) ? cached : await SignInAsync(Factory, email);
        _tokens[email] = token;
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<string> SignInAsync(WebApplicationFactory<Program> factory, string email, string password = DemoComposition.Password)
    {
        using var client = factory.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenResponse>();
        return body!.AccessToken;
    }

    public sealed record TokenResponse(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);
}

public sealed class SqliteApp : AppFixture
{
    private readonly TestSqliteFile _file = new("test");

    public override string Provider => "Sqlite";

    protected override Task<Dictionary<string, string?>> DatabaseSettingsAsync() => Task.FromResult(new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Sqlite",
        ["ConnectionStrings:Sqlite"] = _file.ConnectionString,
        ["Mail:PickupDirectory"] = _file.MailFolder,
    });

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _file.Delete();
    }
}

public sealed class PostgresApp : AppFixture
{
    private TestDatabase? _database;

    public override string Provider => "Postgres";

    protected override async Task<Dictionary<string, string?>> DatabaseSettingsAsync()
    {
        _database ??= await TestPostgres.CreateDatabaseAsync("server");
        return new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = _database.ConnectionString,
            ["Mail:PickupDirectory"] = Path.Combine(Path.GetTempPath(), _database.Name + ".mail"),
        };
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
