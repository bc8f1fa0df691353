using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using WorkingGroup.Testing;
using WorkingGroup.Workflows.Persistence;
using WorkingGroup.Workflows.Runtime;

namespace WorkingGroup.Workflows.Tests.Runtime;

public sealed class TaskAndEventTests
{
    [Fact]
    public Task A_run_task_is_completed_through_the_api_on_sqlite() => A_run_task_is_completed_through_the_api(Store.Sqlite);

    [PostgresFact]
    public Task A_run_task_is_completed_through_the_api_on_postgres() => A_run_task_is_completed_through_the_api(Store.Postgres);

    [Fact]
    public Task An_event_resumes_only_the_instance_with_its_correlation_id_on_sqlite() => An_event_resumes_only_the_instance_with_its_correlation_id(Store.Sqlite);

    [PostgresFact]
    public Task An_event_resumes_only_the_instance_with_its_correlation_id_on_postgres() => An_event_resumes_only_the_instance_with_its_correlation_id(Store.Postgres);

    [Fact]
    public Task An_event_starts_the_workflows_it_triggers_and_resumes_the_waiting_ones_on_sqlite() => An_event_starts_the_workflows_it_triggers_and_resumes_the_waiting_ones(Store.Sqlite);

    [PostgresFact]
    public Task An_event_starts_the_workflows_it_triggers_and_resumes_the_waiting_ones_on_postgres() => An_event_starts_the_workflows_it_triggers_and_resumes_the_waiting_ones(Store.Postgres);

    [Fact]
    public Task Cancelling_an_instance_cancels_its_open_tasks_on_sqlite() => Cancelling_an_instance_cancels_its_open_tasks(Store.Sqlite);

    [PostgresFact]
    public Task Cancelling_an_instance_cancels_its_open_tasks_on_postgres() => Cancelling_an_instance_cancels_its_open_tasks(Store.Postgres);

    [Fact]
    public Task A_faulted_activity_is_recorded_as_an_incident_and_can_be_retried_on_sqlite() => A_faulted_activity_is_recorded_as_an_incident_and_can_be_retried(Store.Sqlite);

    [PostgresFact]
    public Task A_faulted_activity_is_recorded_as_an_incident_and_can_be_retried_on_postgres() => A_faulted_activity_is_recorded_as_an_incident_and_can_be_retried(Store.Postgres);

    private static async Task A_run_task_is_completed_through_the_api(Store kind)
    {
        await using var store = await TestStore.CreateAsync(kind);
        await using var host = await EngineHost.StartAsync(store);
        await host.PublishAsync(new DefinitionBuilder("approval")
            .Activity("ask", "Elsa.RunTask", ("taskName", "Approve the agenda"), ("assignee", "co-chair"))
            .Activity("mail", "Elsa.SendEmail", ("to", new[] { "secretary@example.org" }), ("subject", "Approved"))
            .Connect("ask->mail")
            .Build());
        var started = await host.Runtime.StartAsync("approval");
        WorkflowTaskRecord task;
        await using (var db = await host.CreateDbContextAsync())
        {
            task = await db.Set<WorkflowTaskRecord>().SingleAsync();
        }

        var finished = await host.Runtime.CompleteTaskAsync(task.Id, JsonValue.Create("approved"), actor: "alice");

        Assert.Equal((WorkflowSubStatus.Suspended, "co-chair", WorkflowTaskStatus.Open), (started.SubStatus, task.Assignee, task.Status));
        Assert.Equal(WorkflowSubStatus.Finished, finished.SubStatus);
        await using var after = await host.CreateDbContextAsync();
        var completed = await after.Set<WorkflowTaskRecord>().SingleAsync();
        Assert.Equal((WorkflowTaskStatus.Completed, "alice", "\"approved\""), (completed.Status, completed.CompletedBy, completed.Result));
        Assert.Empty(await after.Set<WorkflowBookmarkRecord>().ToListAsync());
        Assert.Equal("email", (await after.Set<WorkflowOutboxRecord>().SingleAsync()).Kind);
        // One journal record per activity execution, in order: the task suspended at the start, then the resumed
        // task completed (one record marked resumed, by alice), then the e-mail completed in the same step.
        var journal = await host.JournalAsync(started.InstanceId);
        Assert.Equal(
            [("ask", "Suspended", null, false), ("ask", "Completed", "alice", true), ("mail", "Completed", "alice", false)],
            journal.Select(j => (j.ActivityId, j.EventName, j.Actor, JsonNode.Parse(j.Payload!)!["resumed"]?.GetValue<bool>() ?? false)).ToList());
        Assert.Equal([1L, 2L, 3L], journal.Select(j => j.Sequence).ToList());
        Assert.Equal(journal[0].ActivityInstanceId, journal[1].ActivityInstanceId);
        Assert.Equal("Approve the agenda", JsonNode.Parse(journal[1].Payload!)!["inputs"]!["TaskName"]!.GetValue<string>());
    }

    private static async Task An_event_resumes_only_the_instance_with_its_correlation_id(Store kind)
    {
        await using var store = await TestStore.CreateAsync(kind);
        await using var host = await EngineHost.StartAsync(store);
        await host.PublishAsync(new DefinitionBuilder("wait")
            .Activity("wait", "Elsa.Event", ("eventName", "MaterialsSubmitted"))
            .Activity("say", "Elsa.WriteLine", ("text", Script.Js("'got ' + getOutputFrom('wait', 'Result').count")))
            .Connect("wait->say")
            .Build());
        var first = await host.Runtime.StartAsync("wait", new StartWorkflowOptions { CorrelationId = "meeting-1" });
        var second = await host.Runtime.StartAsync("wait", new StartWorkflowOptions { CorrelationId = "meeting-2" });

        var resumed = await host.Runtime.PublishEventAsync("MaterialsSubmitted", "meeting-1", new JsonObject { ["count"] = 3 });

        Assert.Equal(first.InstanceId, Assert.Single(resumed).InstanceId);
        Assert.Equal(["got 3"], await host.LinesAsync(first.InstanceId));
        Assert.Equal(WorkflowSubStatus.Finished, (await host.Runtime.FindInstanceAsync(first.InstanceId))!.SubStatus);
        Assert.Equal(WorkflowSubStatus.Suspended, (await host.Runtime.FindInstanceAsync(second.InstanceId))!.SubStatus);
    }

    private static async Task An_event_starts_the_workflows_it_triggers_and_resumes_the_waiting_ones(Store kind)
    {
        await using var store = await TestStore.CreateAsync(kind);
        await using var host = await EngineHost.StartAsync(store);
        await host.PublishAsync(new DefinitionBuilder("on-schedule")
            .Activity("start", "Elsa.Start")
            .Activity("scheduled", "Elsa.Event", ("eventName", "MeetingScheduled"))
            .Activity("say", "Elsa.WriteLine", ("text", Script.Js("'scheduled for ' + getOutputFrom('scheduled').date")))
            .CanStartWorkflow("scheduled")
            .Connect("start->scheduled", "scheduled->say")
            .Build());
        var waiting = await host.Runtime.StartAsync("on-schedule", new StartWorkflowOptions { CorrelationId = "meeting-7" });

        var results = await host.Runtime.PublishEventAsync("MeetingScheduled", "meeting-7", new JsonObject { ["date"] = "2026-02-01" });

        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.Equal(WorkflowSubStatus.Finished, r.SubStatus));
        var started = Assert.Single(results, r => r.InstanceId != waiting.InstanceId);
        Assert.Equal(["scheduled for 2026-02-01"], await host.LinesAsync(started.InstanceId));
        Assert.Equal(["scheduled for 2026-02-01"], await host.LinesAsync(waiting.InstanceId));
        Assert.DoesNotContain(await host.JournalAsync(started.InstanceId), j => j.ActivityId == "start");
    }

    private static async Task Cancelling_an_instance_cancels_its_open_tasks(Store kind)
    {
        await using var store = await TestStore.CreateAsync(kind);
        await using var host = await EngineHost.StartAsync(store);
        await host.PublishAsync(Execution.FlowchartSemanticsTests.ForkOfTwoTasksJoinedBy("WaitAll"));
        var started = await host.Runtime.StartAsync("test");

        var cancelled = await host.Runtime.CancelAsync(started.InstanceId);

        Assert.Equal((WorkflowStatus.Finished, WorkflowSubStatus.Cancelled), (cancelled.Status, cancelled.SubStatus));
        await using var db = await host.CreateDbContextAsync();
        Assert.All(await db.Set<WorkflowTaskRecord>().ToListAsync(), t => Assert.Equal(WorkflowTaskStatus.Cancelled, t.Status));
        Assert.Empty(await db.Set<WorkflowBookmarkRecord>().ToListAsync());
    }

    private static async Task A_faulted_activity_is_recorded_as_an_incident_and_can_be_retried(Store kind)
    {
        await using var store = await TestStore.CreateAsync(kind);
        await using var host = await EngineHost.StartAsync(store);
        await host.PublishAsync(new DefinitionBuilder("flaky")
            .Variable("Attempts", "Int32", "0")
            .Activity("flaky", "Elsa.SetVariable", ("variable", new Raw("""{"id":"var-Attempts","name":"Attempts"}""")),
                ("value", Script.Js("setAttempts(getAttempts() + 1); if (getAttempts() < 2) throw new Error('not yet'); getAttempts()")))
            .Activity("done", "Elsa.WriteLine", ("text", "done"))
            .Connect("flaky->done")
            .Build());

        var faulted = await host.Runtime.StartAsync("flaky");
        var retried = await host.Runtime.RetryAsync(faulted.InstanceId, actor: "admin");

        Assert.Equal(WorkflowSubStatus.Faulted, faulted.SubStatus);
        var incident = Assert.Single(faulted.Incidents);
        Assert.Equal(("flaky", "Elsa.SetVariable"), (incident.ActivityId, incident.ActivityType));
        Assert.Contains("not yet", incident.Message, StringComparison.Ordinal);
        Assert.Equal(WorkflowSubStatus.Finished, retried.SubStatus);
        Assert.Equal(2, (int)retried.Variables["Attempts"]!);
    }
}
