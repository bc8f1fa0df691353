using Microsoft.EntityFrameworkCore;
using WorkingGroup.Testing;
using WorkingGroup.Workflows.Definitions;
using WorkingGroup.Workflows.Persistence;
using WorkingGroup.Workflows.Runtime;

namespace WorkingGroup.Workflows.Tests.Runtime;

public sealed class TimerTests
{
    [Fact]
    public Task A_delay_fires_once_after_the_clock_passes_its_due_time_on_sqlite() => A_delay_fires_once_after_the_clock_passes_its_due_time(Store.Sqlite);

    [PostgresFact]
    public Task A_delay_fires_once_after_the_clock_passes_its_due_time_on_postgres() => A_delay_fires_once_after_the_clock_passes_its_due_time(Store.Postgres);

    [Fact]
    public Task A_timer_due_while_the_host_was_down_fires_after_restart_on_sqlite() => A_timer_due_while_the_host_was_down_fires_after_restart(Store.Sqlite);

    [PostgresFact]
    public Task A_timer_due_while_the_host_was_down_fires_after_restart_on_postgres() => A_timer_due_while_the_host_was_down_fires_after_restart(Store.Postgres);

    [Fact]
    public Task A_delay_resumed_early_by_its_bookmark_leaves_no_timer_on_sqlite() => A_delay_resumed_early_by_its_bookmark_leaves_no_timer(Store.Sqlite);

    [PostgresFact]
    public Task A_delay_resumed_early_by_its_bookmark_leaves_no_timer_on_postgres() => A_delay_resumed_early_by_its_bookmark_leaves_no_timer(Store.Postgres);

    [Fact]
    public Task A_timer_whose_instance_is_gone_is_dropped_on_sqlite() => A_timer_whose_instance_is_gone_is_dropped(Store.Sqlite);

    [PostgresFact]
    public Task A_timer_whose_instance_is_gone_is_dropped_on_postgres() => A_timer_whose_instance_is_gone_is_dropped(Store.Postgres);

    [PostgresFact]
    public async Task Two_timer_services_on_postgres_fire_each_timer_once()
    {
        await using var store = await TestStore.CreateAsync(Store.Postgres);
        await using var first = await EngineHost.StartAsync(store);
        await using var second = await EngineHost.StartAsync(store, first.Clock);
        await first.PublishAsync(DelayThenWrite());
        var instances = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            instances.Add((await first.Runtime.StartAsync("reminder")).InstanceId);
        }

        first.Clock.Advance(TimeSpan.FromHours(2));
        var fired = await Task.WhenAll(Task.Run(() => first.Timers.FireDueTimersAsync()), Task.Run(() => second.Timers.FireDueTimersAsync()));

        Assert.Equal(10, fired.Sum());
        foreach (var instance in instances)
        {
            Assert.Equal(["reminded"], await first.LinesAsync(instance));
        }
    }

    private static async Task A_delay_fires_once_after_the_clock_passes_its_due_time(Store kind)
    {
        await using var store = await TestStore.CreateAsync(kind);
        await using var host = await EngineHost.StartAsync(store);
        await host.PublishAsync(DelayThenWrite());
        var started = await host.Runtime.StartAsync("reminder");

        host.Clock.Advance(TimeSpan.FromMinutes(59));
        var early = await host.Timers.FireDueTimersAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var due = await host.Timers.FireDueTimersAsync();
        var again = await host.Timers.FireDueTimersAsync();

        Assert.Equal((0, 1, 0), (early, due, again));
        Assert.Equal(["reminded"], await host.LinesAsync(started.InstanceId));
        Assert.Equal(WorkflowSubStatus.Finished, (await host.Runtime.FindInstanceAsync(started.InstanceId))!.SubStatus);
    }

    private static async Task A_timer_due_while_the_host_was_down_fires_after_restart(Store kind)
    {
        await using var store = await TestStore.CreateAsync(kind);
        string instanceId;
        Microsoft.Extensions.Time.Testing.FakeTimeProvider clock;
        await using (var before = await EngineHost.StartAsync(store))
        {
            await before.PublishAsync(DelayThenWrite());
            instanceId = (await before.Runtime.StartAsync("reminder")).InstanceId;
            clock = before.Clock;
        }

        clock.Advance(TimeSpan.FromDays(1));
        await using var after = await EngineHost.StartAsync(store, clock);
        var fired = await after.Timers.FireDueTimersAsync();

        Assert.Equal(1, fired);
        Assert.Equal(["reminded"], await after.LinesAsync(instanceId));
        await using var db = await after.CreateDbContextAsync();
        Assert.Empty(await db.Set<WorkflowTimerRecord>().ToListAsync());
    }

    private static async Task A_delay_resumed_early_by_its_bookmark_leaves_no_timer(Store kind)
    {
        await using var store = await TestStore.CreateAsync(kind);
        await using var host = await EngineHost.StartAsync(store);
        await host.PublishAsync(DelayThenWrite());
        var started = await host.Runtime.StartAsync("reminder");

        var resumed = await host.Runtime.ResumeBookmarkAsync(Assert.Single(started.Bookmarks).Id, actor: "secretary");
        host.Clock.Advance(TimeSpan.FromHours(2));
        var fired = await host.Timers.FireDueTimersAsync();

        Assert.Equal((WorkflowSubStatus.Finished, 0), (resumed.SubStatus, fired));
        Assert.Equal(["reminded"], await host.LinesAsync(started.InstanceId));
    }

    private static async Task A_timer_whose_instance_is_gone_is_dropped(Store kind)
    {
        await using var store = await TestStore.CreateAsync(kind);
        await using var host = await EngineHost.StartAsync(store);
        await using (var db = await host.CreateDbContextAsync())
        {
            db.Add(new WorkflowTimerRecord { Id = "orphan", InstanceId = "gone", DueAt = host.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        }

        var fired = await host.Timers.FireDueTimersAsync();

        Assert.Equal(0, fired);
        await using var after = await host.CreateDbContextAsync();
        Assert.Empty(await after.Set<WorkflowTimerRecord>().ToListAsync());
    }

    private static WorkflowDefinition DelayThenWrite() => new DefinitionBuilder("reminder")
        .Activity("wait", "Elsa.Delay", ("timeSpan", "01:00:00"))
        .Activity("remind", "Elsa.WriteLine", ("text", "reminded"))
        .Connect("wait->remind")
        .Build();
}
