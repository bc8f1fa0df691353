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
