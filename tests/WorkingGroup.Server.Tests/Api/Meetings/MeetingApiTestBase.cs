using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkingGroup.Server.Persistence;
using WorkingGroup.Server.Tests.Infrastructure;
using WorkingGroup.Workflows.Definitions;
using WorkingGroup.Workflows.Persistence;
using WorkingGroup.Workflows.Runtime;
using WorkingGroup.Workflows.Versioning;

namespace WorkingGroup.Server.Tests.Api.Meetings;

/// <summary>
/// A server of the test class's own over its database, with an empty definitions folder: the procedures of
/// <c>workflows/</c> are not imported, so the engine runs only what a test publishes here.
/// </summary>
public abstract class MeetingApiTestBase(AppFixture app) : IAsyncLifetime
{
    private readonly string _emptyDefinitions = Path.Combine(Path.GetTempPath(), $"wg-no-definitions-{Guid.NewGuid():N}");

    internal MeetingDriver Driver { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_emptyDefinitions);
        Driver = new MeetingDriver(await app.CreateFactoryAsync("Development", ("Workflows:DefinitionsFolder", _emptyDefinitions)));
    }

    public async Task DisposeAsync()
    {
        await Driver.DisposeAsync();
        Directory.Delete(_emptyDefinitions, recursive: true);
    }

    protected static async Task AssertNamesFieldAsync(HttpResponseMessage response, string field)
    {
        var problem = await Json.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    protected static async Task<string> CodeOfAsync(HttpResponseMessage response, HttpStatusCode expected) =>
        (await Json.ProblemAsync(response, expected)).GetProperty("code").GetString()!;

    /// <summary>
    /// Publishes (through the definition store) a tiny procedure that waits for <paramref name="eventName"/> and keeps
    /// the event's payload in the variable <c>payload</c>, and starts it for <paramref name="correlationId"/>.
    /// </summary>
    protected async Task<string> StartWaitingForAsync(string eventName, Guid correlationId)
    {
        var definitionId = $"test-waits-for-{eventName}";
        var definition = WorkflowDefinitionJson.Parse($$"""
            {
              "id": "{{definitionId}}-v1", "definitionId": "{{definitionId}}", "name": "{{definitionId}}", "version": 1, "isLatest": true, "isPublished": false,
              "variables": [ { "id": "payload", "name": "payload", "typeName": "Object" } ], "inputs": [], "outputs": [],
              "root": {
                "type": "Elsa.Flowchart", "version": 1, "id": "root", "nodeId": "Workflow1:root",
                "activities": [
                  { "id": "event", "nodeId": "Workflow1:root:event", "type": "Elsa.Event", "version": 1,
                    "eventName": { "typeName": "String", "expression": { "type": "Literal", "value": "{{eventName}}" } },
                    "metadata": { "designer": { "position": { "x": 0, "y": 0 } } } },
                  { "id": "keep", "nodeId": "Workflow1:root:keep", "type": "Elsa.SetVariable", "version": 1,
                    "variable": { "id": "payload", "name": "payload", "typeName": "Object" },
                    "value": { "typeName": "Object", "expression": { "type": "JavaScript", "value": "getOutputFrom('event', 'Result')" } },
                    "metadata": { "designer": { "position": { "x": 300, "y": 0 } } } }
                ],
                "connections": [ { "source": { "activity": "event", "port": "Done" }, "target": { "activity": "keep", "port": "In" } } ]
              }
            }
            """);
        var store = Driver.Server.Services.GetRequiredService<WorkflowDefinitionStore>();
        if (await store.FindPublishedAsync(definitionId) is null)
        {
            await store.SaveDraftAsync(definition);
            await store.PublishAsync(definitionId);
        }

        var started = await Driver.Server.Services.GetRequiredService<WorkflowRuntime>()
            .StartAsync(definitionId, new StartWorkflowOptions { CorrelationId = correlationId.ToString() });
        Assert.Equal(WorkflowSubStatus.Suspended, started.SubStatus);
        return started.InstanceId;
    }

    protected async Task<WorkflowInstanceRecord> InstanceAsync(string instanceId)
    {
        await using var scope = Driver.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Set<WorkflowInstanceRecord>().AsNoTracking().SingleAsync(i => i.Id == instanceId);
    }
}
