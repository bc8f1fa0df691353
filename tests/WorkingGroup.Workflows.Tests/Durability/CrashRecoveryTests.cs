using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using WorkingGroup.Testing;
using WorkingGroup.Workflows.Definitions;
using WorkingGroup.Workflows.Persistence;
using WorkingGroup.Workflows.Tests.Runtime;

namespace WorkingGroup.Workflows.Tests.Durability;

/// <summary>
/// A server process is killed while it runs workflows and started again: every step commits with its
/// effects or not at all, so each instance ends with exactly one message per loop pass.
/// </summary>
public sealed class CrashRecoveryTests
{
    private const int Passes = 12;
    private const int Instances = 4;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public Task A_killed_server_finishes_its_workflows_after_restart_without_loss_or_duplicates_on_sqlite() =>
        A_killed_server_finishes_its_workflows_after_restart_without_loss_or_duplicates(Store.Sqlite);

    [PostgresFact]
    public Task A_killed_server_finishes_its_workflows_after_restart_without_loss_or_duplicates_on_postgres() =>
        A_killed_server_finishes_its_workflows_after_restart_without_loss_or_duplicates(Store.Postgres);

    private static async Task A_killed_server_finishes_its_workflows_after_restart_without_loss_or_duplicates(Store kind)
    {
        await using var store = await TestStore.CreateAsync(kind);
        await using var host = await EngineHost.StartAsync(store, new FakeTimeProvider(DateTimeOffset.UtcNow));
        await host.PublishAsync(TickingLoop());
        var instances = new List<string>();
        for (var i = 0; i < Instances; i++)
        {
            instances.Add((await host.Runtime.StartAsync("ticking")).InstanceId);
        }

        using (var first = StartServer(store))
        {
            await WaitUntilAsync(host, async db => await db.Set<WorkflowOutboxRecord>().CountAsync() >= Instances * Passes / 3);
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }

        await using (var between = await host.CreateDbContextAsync())
        {
            Assert.True(await between.Set<WorkflowOutboxRecord>().CountAsync() < Instances * Passes, "The server finished before it was killed.");
        }

        using (var second = StartServer(store))
        {
            await WaitUntilAsync(host, async db => await db.Set<WorkflowInstanceRecord>().CountAsync(i => i.SubStatus == "Finished") == Instances);
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync();
        }

        await using var check = await host.CreateDbContextAsync();
        var messages = await check.Set<WorkflowOutboxRecord>().ToListAsync();
        foreach (var instance in instances)
        {
            var subjects = messages.Where(m => m.InstanceId == instance).Select(m => (string?)System.Text.Json.Nodes.JsonNode.Parse(m.Payload)!["subject"]).Order().ToList();
            Assert.Equal(Enumerable.Range(1, Passes).Select(n => $"Tick {n}").Order(), subjects);
            Assert.Equal(Passes, (int)(await host.Runtime.FindInstanceAsync(instance))!.Variables["Counter"]!);
        }

        Assert.Empty(await check.Set<WorkflowTimerRecord>().ToListAsync());
    }

    /// <summary>Delay, count, mail, and loop back until the counter reaches <see cref="Passes"/>.</summary>
    private static WorkflowDefinition TickingLoop() => new DefinitionBuilder("ticking")
        .Variable("Counter", "Int32", "0")
        .Activity("start", "Elsa.Start")
        // 50 ms a pass (plus the timer poll): the run lasts long enough for the test, polling every 50 ms, to kill it midway.
        .Activity("tick", "Elsa.Delay", ("timeSpan", "00:00:00.050"))
        .Activity("count", "Elsa.SetVariable", ("variable", new Raw("""{"id":"var-Counter","name":"Counter"}""")), ("value", Script.Js("getCounter() + 1")))
        .Activity("mail", "Elsa.SendEmail", ("to", new[] { "secretary@example.org" }), ("subject", Script.Liquid("Tick {{ Variables.Counter }}")))
        .Activity("again", "Elsa.FlowDecision", ("condition", Script.Js($"getCounter() < {Passes}")))
        .Activity("done", "Elsa.WriteLine", ("text", "done"))
        .Connect("start->tick", "tick->count", "count->mail", "mail->again", "again:True->tick", "again:False->done")
        .Build();

    private static Process StartServer(TestStore store)
    {
        var dotnet = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "exec", typeof(ChildHost).Assembly.Location, ChildHost.Command, store.Kind.ToString(), store.ConnectionString })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The server process did not start.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Polls the database on the real clock: the other process works in real time.</summary>
    private static async Task WaitUntilAsync(EngineHost host, Func<TestDbContext, Task<bool>> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < Patience)
        {
            await using (var db = await host.CreateDbContextAsync())
            {
                if (await condition(db))
                {
                    return;
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        throw new TimeoutException("The server process did not get there in time.");
    }
}
