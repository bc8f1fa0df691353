using Microsoft.EntityFrameworkCore;
using WorkingGroup.Testing;
using WorkingGroup.Workflows.Persistence;
using WorkingGroup.Workflows.Runtime;
using WorkingGroup.Workflows.Tests.Execution;

namespace WorkingGroup.Workflows.Tests.Runtime;

public sealed class ConcurrencyTests
{
    [Fact]
    public Task Two_concurrent_resumes_of_one_instance_both_land_on_sqlite() => Two_concurrent_resumes_of_one_instance_both_land(Store.Sqlite);

    [PostgresFact]
    public Task Two_concurrent_resumes_of_one_instance_both_land_on_postgres() => Two_concurrent_resumes_of_one_instance_both_land(Store.Postgres);

    [Fact]
    public Task The_same_task_completed_twice_at_once_runs_its_continuation_once_on_sqlite() => The_same_task_completed_twice_at_once_runs_its_continuation_once(Store.Sqlite);

    [PostgresFact]
    public Task The_same_task_completed_twice_at_once_runs_its_continuation_once_on_postgres() => The_same_task_completed_twice_at_once_runs_its_continuation_once(Store.Postgres);

    [Fact]
    public Task A_step_saved_over_a_changed_instance_fails_as_a_concurrency_conflict_and_writes_nothing_on_sqlite() =>
        A_step_saved_over_a_changed_instance_fails_as_a_concurrency_conflict_and_writes_nothing(Store.Sqlite);

    [PostgresFact]
    public Task A_step_saved_over_a_changed_instance_fails_as_a_concurrency_conflict_and_writes_nothing_on_postgres() =>
        A_step_saved_over_a_changed_instance_fails_as_a_concurrency_conflict_and_writes_nothing(Store.Postgres);

    [PostgresFact]
    public async Task A_step_in_the_hosts_transaction_that_loses_a_race_raises_a_concurrency_conflict()
    {
        await using var store = await TestStore.CreateAsync(Store.Postgres);
        await using var host = await EngineHost.StartAsync(store);
        await host.PublishAsync(new DefinitionBuilder("waits")
            .Activity("wait", "Elsa.Event", ("eventName", "Go"))
            .Activity("after", "Elsa.WriteLine", ("text", "after"))
            .Connect("wait->after")
            .Build());
        var started = await host.Runtime.StartAsync("waits");

        await using var first = await host.CreateDbContextAsync();
        await using var firstTransaction = await first.Database.BeginTransactionAsync();
        Assert.Single(await host.Runtime.PublishEventAsync(first, "Go"));

        // The second command read the instance before the first committed; its write waits for the first's lock.
        await using var second = await host.CreateDbContextAsync();
        await using var secondTransaction = await second.Database.BeginTransactionAsync();
        var losing = Task.Run(() => host.Runtime.PublishEventAsync(second, "Go"));
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        await firstTransaction.CommitAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => losing);
        await secondTransaction.RollbackAsync();
        Assert.Equal(["after"], await host.LinesAsync(started.InstanceId));
    }

    private static async Task A_step_saved_over_a_changed_instance_fails_as_a_concurrency_conflict_and_writes_nothing(Store kind)
    {
        await using var store = await TestStore.CreateAsync(kind);
        await using var host = await EngineHost.StartAsync(store);
        await host.PublishAsync(new DefinitionBuilder("once")
            .Activity("ask", "Elsa.RunTask", ("taskName", "Sign"))
            .Build());
        var started = await host.Runtime.StartAsync("once");
        var journal = await host.JournalAsync(started.InstanceId);
        WorkflowInstanceRecord record;
        await using (var db = await host.CreateDbContextAsync())
        {
            record = await db.Set<WorkflowInstanceRecord>().AsNoTracking().SingleAsync();
        }

        // A step that read the instance one stamp ago: its update, its bookmark delete and its journal row (a
        // sequence the instance already has) all find the rows changed.
        await using (var db = await host.CreateDbContextAsync())
        {
            var batch = new StepBatch(db);
            var stale = record.ConcurrencyStamp - 1;
            batch.UpdateInstance(record, stale);
            batch.DeleteBookmark("no-such-bookmark");
            batch.Insert(journal[0]);
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => batch.SaveAsync(CancellationToken.None));
        }

        await using (var db = await host.CreateDbContextAsync())
        {
            var after = await db.Set<WorkflowInstanceRecord>().AsNoTracking().SingleAsync();
            Assert.Equal((record.ConcurrencyStamp, record.State), (after.ConcurrencyStamp, after.State));
            Assert.Equal(journal.Count, await db.Set<WorkflowJournalRecord>().CountAsync());
            Assert.Single(await db.Set<WorkflowBookmarkRecord>().ToListAsync());
        }

        // The same step with the stamp it read lands.
        await using (var db = await host.CreateDbContextAsync())
        {
            var batch = new StepBatch(db);
            var current = record.ConcurrencyStamp;
            record.ConcurrencyStamp++;
            batch.UpdateInstance(record, current);
            await batch.SaveAsync(CancellationToken.None);
            Assert.Equal(current + 1, (await db.Set<WorkflowInstanceRecord>().AsNoTracking().SingleAsync()).ConcurrencyStamp);
        }
    }

    private static async Task Two_concurrent_resumes_of_one_instance_both_land(Store kind)
    {
        await using var store = await TestStore.CreateAsync(kind);
        await using var host = await EngineHost.StartAsync(store);
        await host.PublishAsync(FlowchartSemanticsTests.ForkOfTwoTasksJoinedBy("WaitAll"));
        var started = await host.Runtime.StartAsync("test");
        var taskIds = await TaskIdsAsync(host);

        await Task.WhenAll(taskIds.Select(id => Task.Run(() => host.Runtime.CompleteTaskAsync(id, actor: id))));

        var instance = await host.Runtime.FindInstanceAsync(started.InstanceId);
        Assert.Equal(WorkflowSubStatus.Finished, instance!.SubStatus);
        Assert.Equal(["joined"], await host.LinesAsync(started.InstanceId));
        await using var db = await host.CreateDbContextAsync();
        Assert.All(await db.Set<WorkflowTaskRecord>().ToListAsync(), t => Assert.Equal(WorkflowTaskStatus.Completed, t.Status));
    }

    private static async Task The_same_task_completed_twice_at_once_runs_its_continuation_once(Store kind)
    {
        await using var store = await TestStore.CreateAsync(kind);
        await using var host = await EngineHost.StartAsync(store);
        await host.PublishAsync(new DefinitionBuilder("once")
            .Activity("ask", "Elsa.RunTask", ("taskName", "Sign"))
            .Activity("after", "Elsa.WriteLine", ("text", "after"))
            .Connect("ask->after")
            .Build());
        var started = await host.Runtime.StartAsync("once");
        var taskId = Assert.Single(await TaskIdsAsync(host));

        var attempts = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            try
            {
                await host.Runtime.CompleteTaskAsync(taskId);
                return true;
            }
            catch (WorkflowNotFoundException)
            {
                return false;
            }
        })));

        Assert.Equal(1, attempts.Count(a => a));
        Assert.Equal(["after"], await host.LinesAsync(started.InstanceId));
    }

    private static async Task<List<string>> TaskIdsAsync(EngineHost host)
    {
        await using var db = await host.CreateDbContextAsync();
        return await db.Set<WorkflowTaskRecord>().Select(t => t.Id).ToListAsync();
    }
}
