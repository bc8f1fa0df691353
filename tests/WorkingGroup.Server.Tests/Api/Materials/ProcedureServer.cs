using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkingGroup.Server.Persistence;
using WorkingGroup.Server.Procedures;
using WorkingGroup.Server.Tests.Infrastructure;
using WorkingGroup.Workflows.Persistence;

namespace WorkingGroup.Server.Tests.Api;

/// <summary>
/// The server for the procedure API tests: on the fixture's database, on a movable clock that starts now (after the demo
/// composition was seeded), with a definitions folder of probes only: one workflow per <see cref="ProcedureEvents"/>
/// event that the event starts, so a test sees which events a command raised, with which correlation id.
/// </summary>
internal sealed class ProcedureServer : IAsyncDisposable
{
    private readonly Dictionary<string, string> _tokens = [];
    private readonly WebApplicationFactory<Program> _configured;
    private readonly string _folder;

    private ProcedureServer(WebApplicationFactory<Program> configured, MovableClock clock, string folder)
    {
        _configured = configured;
        _folder = folder;
        Clock = clock;
        Factory = configured.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
    }

    public MovableClock Clock { get; }

    public WebApplicationFactory<Program> Factory { get; }

    public static IReadOnlyList<string> EventNames { get; } =
        [.. typeof(ProcedureEvents).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!)];

    public static async Task<ProcedureServer> StartAsync(AppFixture app, params (string Key, string? Value)[] settings)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"wg-probes-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        foreach (var name in EventNames)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, $"probe-{name}.json"), Probe(name));
        }

        var configured = await app.CreateFactoryAsync("Development", [("Workflows:DefinitionsFolder", folder), .. settings]);
        var server = new ProcedureServer(configured, new MovableClock(), folder);
        await server.WaitForProbesAsync();
        return server;
    }

    /// <summary>A client with the bearer token of a demo account, signed in since the clock last moved.</summary>
    public async Task<HttpClient> ClientAsync(string email)
    {
        var key = $"{email}@{Clock.Moves}";
        if (!_tokens.TryGetValue(key, out var token))
        {
            token = await AppFixture.SignInAsync(Factory, email);
            _tokens[key] = token;
        }

        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<T> InScopeAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>The person id of a demo account.</summary>
    public Task<Guid> PersonAsync(string email) =>
        InScopeAsync(async db => Guid.Parse((await db.Users.AsNoTracking().SingleAsync(u => u.Email == email)).Id));

    /// <summary>The events raised with <paramref name="correlationId"/> so far, in order (each started its probe).</summary>
    public Task<List<string>> EventsAsync(Guid correlationId) =>
        InScopeAsync(async db =>
        {
            var id = correlationId.ToString();
            var instances = await db.Set<WorkflowInstanceRecord>().AsNoTracking()
                .Where(i => i.CorrelationId == id && i.DefinitionId.StartsWith("probe-"))
                .Select(i => new { i.DefinitionId, i.CreatedAt })
                .ToListAsync();
            return instances.OrderBy(i => i.CreatedAt).Select(i => i.DefinitionId["probe-".Length..]).ToList();
        });

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _configured.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>The folder is imported by a hosted service at start-up; an event published before would find no probe.</summary>
    private async Task WaitForProbesAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await InScopeAsync(db => db.Set<WorkflowDefinitionRecord>().CountAsync(d => d.DefinitionId.StartsWith("probe-") && d.IsPublished))
               < EventNames.Count)
        {
            Assert.True(DateTime.UtcNow < deadline, "The probe definitions were not imported.");
            await Task.Delay(50);
        }
    }

    private static string Probe(string eventName) => new JsonObject
    {
        ["id"] = $"probe-{eventName}-v1",
        ["definitionId"] = $"probe-{eventName}",
        ["name"] = $"probe-{eventName}",
        ["version"] = 1,
        ["isLatest"] = true,
        ["isPublished"] = true,
        ["variables"] = new JsonArray(),
        ["inputs"] = new JsonArray(),
        ["outputs"] = new JsonArray(),
        ["root"] = new JsonObject
        {
            ["type"] = "Elsa.Flowchart",
            ["version"] = 1,
            ["id"] = "root",
            ["nodeId"] = "Workflow1:root",
            ["activities"] = new JsonArray(new JsonObject
            {
                ["id"] = "on",
                ["nodeId"] = "Workflow1:root:on",
                ["type"] = "Elsa.Event",
                ["version"] = 1,
                ["eventName"] = new JsonObject
                {
                    ["typeName"] = "String",
                    ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = eventName },
                },
                ["customProperties"] = new JsonObject { ["canStartWorkflow"] = true },
                ["metadata"] = new JsonObject(),
            }),
            ["connections"] = new JsonArray(),
        },
    }.ToJsonString();
}

/// <summary>
/// The tests' clock: real time moved by an offset the test sets. Unlike a fake clock its timers stay real, so the
/// server's periodic workers do not replay every tick a jump of weeks skipped.
/// </summary>
internal sealed class MovableClock : TimeProvider
{
    private TimeSpan _offset;

    /// <summary>How many times the clock was moved: a bearer token signed before a move may have expired since.</summary>
    public int Moves { get; private set; }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _offset;

    /// <summary>From now on the clock reads <paramref name="now"/> and runs on from there.</summary>
    public void SetUtcNow(DateTimeOffset now)
    {
        _offset = now - base.GetUtcNow();
        Moves++;
    }

    public void Advance(TimeSpan by)
    {
        _offset += by;
        Moves++;
    }
}
