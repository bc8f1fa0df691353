using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using WorkingGroup.Testing;
using WorkingGroup.Workflows.Activities;
using WorkingGroup.Workflows.Persistence;
using WorkingGroup.Workflows.Runtime;

namespace WorkingGroup.Workflows.Tests.Runtime;

/// <summary>
/// Waits for an event with a to-do it wrote itself, anchored on its bookmark, as the server's procedure activities do;
/// resumed, it leaves the to-do as it is (closing it is the activity's business).
/// </summary>
[Activity("WorkingGroup.Test", "Test")]
internal sealed class AnchoredWait : Activity
{
    /// <summary>The event to wait for.</summary>
    [Input]
    public string EventName { get; set; } = "Go";

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var anchor = context.CreateBookmark(new BookmarkRequest("Elsa.Event", new JsonObject { ["EventName"] = EventName }));
        context.GetDbContext<TestDbContext>().Add(AnchoredTaskTests.OpenTask(context.WorkflowInstanceId, anchor, context.ActivityId, context.Now));
        return ValueTask.FromResult(ActivityResult.Blocked);
    }
}

public sealed class AnchoredTaskTests
{
    private static readonly TimeSpan Later = TimeSpan.FromHours(2);

    [Fact]
    public Task A_task_anchored_on_a_bookmark_its_branch_drops_is_cancelled_on_sqlite() => A_task_anchored_on_a_bookmark_its_branch_drops_is_cancelled(Store.Sqlite);

    [PostgresFact]
    public Task A_task_anchored_on_a_bookmark_its_branch_drops_is_cancelled_on_postgres() => A_task_anchored_on_a_bookmark_its_branch_drops_is_cancelled(Store.Postgres);

    [Fact]
    public Task A_task_anchored_on_a_resumed_bookmark_is_left_to_its_activity_on_sqlite() => A_task_anchored_on_a_resumed_bookmark_is_left_to_its_activity(Store.Sqlite);

    [PostgresFact]
    public Task A_task_anchored_on_a_resumed_bookmark_is_left_to_its_activity_on_postgres() => A_task_anchored_on_a_resumed_bookmark_is_left_to_its_activity(Store.Postgres);

    [Fact]
    public Task Cancelling_an_instance_cancels_the_tasks_anchored_on_its_bookmarks_on_sqlite() => Cancelling_an_instance_cancels_the_tasks_anchored_on_its_bookmarks(Store.Sqlite);

    [PostgresFact]
    public Task Cancelling_an_instance_cancels_the_tasks_anchored_on_its_bookmarks_on_postgres() => Cancelling_an_instance_cancels_the_tasks_anchored_on_its_bookmarks(Store.Postgres);

    [Fact]
    public Task A_task_anchored_on_a_bookmark_created_and_dropped_in_one_step_is_cancelled_on_sqlite() =>
        A_task_anchored_on_a_bookmark_created_and_dropped_in_one_step_is_cancelled(Store.Sqlite);

    [PostgresFact]
    public Task A_task_anchored_on_a_bookmark_created_and_dropped_in_one_step_is_cancelled_on_postgres() =>
        A_task_anchored_on_a_bookmark_created_and_dropped_in_one_step_is_cancelled(Store.Postgres);

    [Fact]
    public Task Cancelling_anchored_tasks_neither_needs_a_row_nor_hides_a_lost_race_on_sqlite() => Cancelling_anchored_tasks_neither_needs_a_row_nor_hides_a_lost_race(Store.Sqlite);

    [PostgresFact]
    public Task Cancelling_anchored_tasks_neither_needs_a_row_nor_hides_a_lost_race_on_postgres() => Cancelling_anchored_tasks_neither_needs_a_row_nor_hides_a_lost_race(Store.Postgres);

    internal static WorkflowTaskRecord OpenTask(string instanceId, string bookmarkId, string activityId, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        InstanceId = instanceId,
        BookmarkId = bookmarkId,
        ActivityId = activityId,
        TaskName = "Approve the agenda",
        Assignee = "co-chair",
        Status = WorkflowTaskStatus.Open,
        CreatedAt = now,
    };

    private static Task<EngineHost> StartHostAsync(TestStore store) =>
        EngineHost.StartAsync(store, configure: o => o.AddActivity<AnchoredWait>());

    /// <summary>A fork: one branch waits for Go with its anchored task, the other ends the workflow on Stop.</summary>
    private static async Task PublishRaceAsync(EngineHost host) => await host.PublishAsync(new DefinitionBuilder("race")
        .Activity("start", "Elsa.Start")
        .Activity("fork", "Elsa.FlowFork", ("branches", new[] { "A", "B" }))
        .Activity("wait", "WorkingGroup.Test.AnchoredWait", ("eventName", "Go"))
        .Activity("stop", "Elsa.Event", ("eventName", "Stop"))
        .Activity("end", "Elsa.End")
        .Connect("start->fork", "fork:A->wait", "fork:B->stop", "stop->end")
        .Build());

    private static async Task<WorkflowTaskRecord> TheTaskAsync(EngineHost host)
    {
        await using var db = await host.CreateDbContextAsync();
        return await db.Set<WorkflowTaskRecord>().AsNoTracking().SingleAsync();
    }

    private static async Task A_task_anchored_on_a_bookmark_its_branch_drops_is_cancelled(Store kind)
    {
        await using var store = await TestStore.CreateAsync(kind);
        await using var host = await StartHostAsync(store);
        await PublishRaceAsync(host);
        var started = await host.Runtime.StartAsync("race");
        host.Clock.Advance(Later);

        var stopped = Assert.Single(await host.Runtime.PublishEventAsync("Stop", actor: "alice"));

        Assert.Equal((WorkflowSubStatus.Suspended, WorkflowSubStatus.Finished), (started.SubStatus, stopped.SubStatus));
        var task = await TheTaskAsync(host);
        Assert.Equal((WorkflowTaskStatus.Cancelled, host.Clock.GetUtcNow(), "alice"), (task.Status, task.CompletedAt, task.CompletedBy));
    }

    private static async Task A_task_anchored_on_a_resumed_bookmark_is_left_to_its_activity(Store kind)
    {
        await using var store = await TestStore.CreateAsync(kind);
        await using var host = await StartHostAsync(store);
        await PublishRaceAsync(host);
        await host.Runtime.StartAsync("race");

        Assert.Single(await host.Runtime.PublishEventAsync("Go", actor: "alice"));

        var task = await TheTaskAsync(host);
        Assert.Equal((WorkflowTaskStatus.Open, null, null), (task.Status, task.CompletedAt, task.CompletedBy));
    }

    private static async Task Cancelling_an_instance_cancels_the_tasks_anchored_on_its_bookmarks(Store kind)
    {
        await using var store = await TestStore.CreateAsync(kind);
        await using var host = await StartHostAsync(store);
        await PublishRaceAsync(host);
        var started = await host.Runtime.StartAsync("race");
        host.Clock.Advance(Later);

        await host.Runtime.CancelAsync(started.InstanceId, actor: "admin");

        var task = await TheTaskAsync(host);
        Assert.Equal((WorkflowTaskStatus.Cancelled, host.Clock.GetUtcNow(), "admin"), (task.Status, task.CompletedAt, task.CompletedBy));
    }

    private static async Task A_task_anchored_on_a_bookmark_created_and_dropped_in_one_step_is_cancelled(Store kind)
    {
        await using var store = await TestStore.CreateAsync(kind);
        await using var host = await StartHostAsync(store);
        await host.PublishAsync(new DefinitionBuilder("short")
            .Activity("start", "Elsa.Start")
            .Activity("fork", "Elsa.FlowFork", ("branches", new[] { "A", "B" }))
            .Activity("wait", "WorkingGroup.Test.AnchoredWait", ("eventName", "Go"))
            .Activity("end", "Elsa.End")
            .Connect("start->fork", "fork:A->wait", "fork:B->end")
            .Build());

        var finished = await host.Runtime.StartAsync("short");

        Assert.Equal(WorkflowSubStatus.Finished, finished.SubStatus);
        Assert.Contains(await host.JournalAsync(finished.InstanceId), j => j.ActivityId == "wait" && j.EventName == "Canceled");
        Assert.Equal(WorkflowTaskStatus.Cancelled, (await TheTaskAsync(host)).Status);
    }

    private static async Task Cancelling_anchored_tasks_neither_needs_a_row_nor_hides_a_lost_race(Store kind)
    {
        await using var store = await TestStore.CreateAsync(kind);
        await using var host = await StartHostAsync(store);
        var now = host.Clock.GetUtcNow();
        await using (var db = await host.CreateDbContextAsync())
        {
            db.Add(OpenTask("instance-1", "anchor-1", "wait", now));
            await db.SaveChangesAsync();
        }

        // A step whose bookmark is gone fails as a whole: the task its cancellation found stays open.
        await using (var db = await host.CreateDbContextAsync())
        {
            var batch = new StepBatch(db);
            batch.DeleteBookmark("no-such-bookmark");
            batch.CancelOpenTasksOf("anchor-1", now, "alice");
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => batch.SaveAsync(CancellationToken.None));
        }

        Assert.Equal(WorkflowTaskStatus.Open, (await TheTaskAsync(host)).Status);

        // A cancellation that finds no task is no conflict.
        await using (var db = await host.CreateDbContextAsync())
        {
            var batch = new StepBatch(db);
            batch.CancelOpenTasksOf("anchor-without-tasks", now, "alice");
            batch.CancelOpenTasksOf("anchor-1", now, "alice");
            await batch.SaveAsync(CancellationToken.None);
        }

        Assert.Equal(WorkflowTaskStatus.Cancelled, (await TheTaskAsync(host)).Status);
    }
}
