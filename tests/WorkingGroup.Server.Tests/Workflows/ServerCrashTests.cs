using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using WorkingGroup.Server.Persistence;
using WorkingGroup.Server.Workflows;
using WorkingGroup.Testing;
using WorkingGroup.Workflows.Persistence;

namespace WorkingGroup.Server.Tests.Workflows;

/// <summary>
/// The real server process is killed while a procedure is between two steps and started again on the same
/// database: the procedure finishes with every effect exactly once — no pass lost, no e-mail written twice.
/// </summary>
public abstract class ServerCrashTests : IAsyncLifetime
{
    private const int Passes = 6;
    private readonly string _workspace = Path.Combine(Path.GetTempPath(), $"wg-crash-{Guid.NewGuid():N}");

    protected string Workspace => _workspace;

    /// <summary>Database settings as environment variables, and a context on the same database for the assertions.</summary>
    protected abstract Task<(Dictionary<string, string> Environment, Func<AppDbContext> Open)> DatabaseAsync();

    public virtual Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(_workspace, "workflows"));
        return File.WriteAllTextAsync(Path.Combine(_workspace, "workflows", "ticker.json"), Ticker);
    }

    public virtual Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_workspace, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_procedure_interrupted_by_a_killed_server_finishes_after_restart_with_each_effect_once()
    {
        var (environment, open) = await DatabaseAsync();
        environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        environment["Workflows__DefinitionsFolder"] = Path.Combine(_workspace, "workflows");
        environment["Mail__PickupDirectory"] = Path.Combine(_workspace, "mail");
        environment["Mail__PollInterval"] = "00:00:00.200";
        environment["Mail__ClaimTimeout"] = "00:00:02"; // a send cut off by the kill is retried soon after the restart
        await using var server = await ServerProcess.StartAsync(environment);

        var instanceId = await StartTickerAsync(server);
        await WaitAsync(server, instanceId, state => state.Variables["Counter"]?.GetValue<int>() >= 2);
        await server.KillAsync();
        await server.StartAgainAsync();
        var finished = await WaitAsync(server, instanceId, state => state.SubStatus == "Finished");

        await using var db = open();
        var emails = await db.Set<WorkflowOutboxRecord>().Where(m => m.InstanceId == instanceId).ToListAsync();
        Assert.Equal(Passes, finished.Variables["Counter"]!.GetValue<int>());
        Assert.Equal(Passes, emails.Count);
        Assert.Equal(Passes, emails.Select(m => m.Payload).Distinct().Count());
        Assert.Equal(Passes, await WaitForMailFilesAsync(Passes));
    }

    private static async Task<HttpClient> AdministratorAsync(ServerProcess server)
    {
        var client = new HttpClient { BaseAddress = server.BaseAddress };
        using var login = await client.PostAsJsonAsync("/api/auth/login", new { email = "admin@example.org", password = "WorkingGroup-2026" });
        var token = (await login.Content.ReadFromJsonAsync<Infrastructure.AppFixture.TokenResponse>())!.AccessToken;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<string> StartTickerAsync(ServerProcess server)
    {
        using var client = await AdministratorAsync(server);
        using var started = await client.PostAsJsonAsync("/api/workflows/ticker/instances", new { correlationId = "crash-test" });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        return (await started.Content.ReadFromJsonAsync<InstanceResponse>())!.InstanceId;
    }

    private static async Task<InstanceResponse> WaitAsync(ServerProcess server, string instanceId, Func<InstanceResponse, bool> condition)
    {
        using var client = await AdministratorAsync(server);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        InstanceResponse? state = null;
        while (DateTime.UtcNow < deadline)
        {
            state = await client.GetFromJsonAsync<InstanceResponse>($"/api/workflows/instances/{instanceId}");
            if (condition(state!))
            {
                return state!;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Instance {instanceId} did not get there; last state {state?.SubStatus}, variables {state?.Variables}.\n{server.Output}");
    }

    /// <summary>Each message is one file named after its Message-ID: a redelivery would overwrite, never add.</summary>
    private async Task<int> WaitForMailFilesAsync(int expected)
    {
        var folder = Path.Combine(_workspace, "mail");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && (Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml").Length : 0) < expected)
        {
            await Task.Delay(100);
        }

        await Task.Delay(300);
        return Directory.GetFiles(folder, "*.eml").Length;
    }

    private const string Ticker = """
        {
          "id": "ticker-v1", "definitionId": "ticker", "name": "ticker", "version": 1, "isLatest": true, "isPublished": false,
          "variables": [ { "id": "var-Counter", "name": "Counter", "typeName": "Int32", "value": "0" } ],
          "inputs": [], "outputs": [],
          "root": {
            "type": "Elsa.Flowchart", "version": 1, "id": "root", "nodeId": "Workflow1:root",
            "activities": [
              { "id": "start", "nodeId": "Workflow1:root:start", "type": "Elsa.Start", "version": 1 },
              { "id": "tick", "nodeId": "Workflow1:root:tick", "type": "Elsa.Delay", "version": 1,
                "timeSpan": { "typeName": "TimeSpan", "expression": { "type": "Literal", "value": "00:00:00.300" } } },
              { "id": "count", "nodeId": "Workflow1:root:count", "type": "Elsa.SetVariable", "version": 1,
                "variable": { "id": "var-Counter", "name": "Counter" },
                "value": { "typeName": "Object", "expression": { "type": "JavaScript", "value": "getCounter() + 1" } } },
              { "id": "mail", "nodeId": "Workflow1:root:mail", "type": "Elsa.SendEmail", "version": 1,
                "to": { "typeName": "Object", "expression": { "type": "Object", "value": "[\"ru.secretary@example.org\"]" } },
                "subject": { "typeName": "String", "expression": { "type": "Liquid", "value": "Tick {{ Variables.Counter }}" } } },
              { "id": "again", "nodeId": "Workflow1:root:again", "type": "Elsa.FlowDecision", "version": 1,
                "condition": { "typeName": "Boolean", "expression": { "type": "JavaScript", "value": "getCounter() < 6" } } },
              { "id": "done", "nodeId": "Workflow1:root:done", "type": "Elsa.Finish", "version": 1 }
            ],
            "connections": [
              { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "tick", "port": "In" } },
              { "source": { "activity": "tick", "port": "Done" }, "target": { "activity": "count", "port": "In" } },
              { "source": { "activity": "count", "port": "Done" }, "target": { "activity": "mail", "port": "In" } },
              { "source": { "activity": "mail", "port": "Done" }, "target": { "activity": "again", "port": "In" } },
              { "source": { "activity": "again", "port": "True" }, "target": { "activity": "tick", "port": "In" } },
              { "source": { "activity": "again", "port": "False" }, "target": { "activity": "done", "port": "In" } }
            ]
          }
        }
        """;
}

public sealed class ServerCrashTestsOnSqlite : ServerCrashTests
{
    protected override Task<(Dictionary<string, string> Environment, Func<AppDbContext> Open)> DatabaseAsync()
    {
        var connection = $"Data Source={Path.Combine(Workspace, "workinggroup.db")}";
        return Task.FromResult<(Dictionary<string, string>, Func<AppDbContext>)>((
            new Dictionary<string, string> { ["Database__Provider"] = "Sqlite", ["ConnectionStrings__Sqlite"] = connection },
            () => new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connection).Options)));
    }
}

public sealed class ServerCrashTestsOnPostgres : ServerCrashTests
{
    private TestDatabase? _database;

    protected override async Task<(Dictionary<string, string> Environment, Func<AppDbContext> Open)> DatabaseAsync()
    {
        _database = await TestPostgres.CreateDatabaseAsync("crash");
        var connection = _database.ConnectionString;
        return (
            new Dictionary<string, string> { ["Database__Provider"] = "Postgres", ["ConnectionStrings__Postgres"] = connection },
            () => new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(connection).Options));
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
