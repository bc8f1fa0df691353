using Microsoft.EntityFrameworkCore;
using WorkingGroup.Testing;
using WorkingGroup.Workflows.Activities;
using WorkingGroup.Workflows.Runtime;

namespace WorkingGroup.Workflows.Tests.Runtime;

/// <summary>Writes a note to the host's own table, then fails if asked to.</summary>
[Activity("WorkingGroup.Test", "Test")]
internal sealed class AddNote : Activity
{
    /// <summary>The note's text.</summary>
    [Input]
    public string Text { get; set; } = string.Empty;

    /// <summary>Fail after writing.</summary>
    [Input]
    public bool Fail { get; set; }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        context.GetDbContext<TestDbContext>().Add(new Note { Id = context.ActivityInstanceId, Text = Text });
        return Fail ? throw new InvalidOperationException("The regulation forbids this.") : ValueTask.FromResult(ActivityResult.Done);
    }
}

public sealed class HostDataTests
{
    [Fact]
    public Task A_host_activity_writes_in_the_step_transaction_and_a_fault_undoes_only_its_own_writes_on_sqlite() =>
        A_host_activity_writes_in_the_step_transaction_and_a_fault_undoes_only_its_own_writes(Store.Sqlite);

    [PostgresFact]
    public Task A_host_activity_writes_in_the_step_transaction_and_a_fault_undoes_only_its_own_writes_on_postgres() =>
        A_host_activity_writes_in_the_step_transaction_and_a_fault_undoes_only_its_own_writes(Store.Postgres);

    private static async Task A_host_activity_writes_in_the_step_transaction_and_a_fault_undoes_only_its_own_writes(Store kind)
    {
        await using var store = await TestStore.CreateAsync(kind);
        await using var host = await EngineHost.StartAsync(store, configure: o => o.AddActivity<AddNote>());
        await host.PublishAsync(new DefinitionBuilder("notes")
            .Activity("first", "WorkingGroup.Test.AddNote", ("text", "kept"))
            .Activity("second", "WorkingGroup.Test.AddNote", ("text", "undone"), ("fail", "true"))
            .Connect("first->second")
            .Build());

        var result = await host.Runtime.StartAsync("notes");

        Assert.Equal(WorkflowSubStatus.Faulted, result.SubStatus);
        Assert.Equal(("second", "The regulation forbids this."), (result.Incidents.Single().ActivityId, result.Incidents.Single().Message));
        await using var db = await host.CreateDbContextAsync();
        Assert.Equal(["kept"], await db.Set<Note>().Select(n => n.Text).ToListAsync());
    }
}

public sealed class InContextEventTests
{
    [Fact]
    public Task A_host_command_and_the_steps_its_event_causes_commit_or_roll_back_together_on_sqlite() =>
        A_host_command_and_the_steps_its_event_causes_commit_or_roll_back_together(Store.Sqlite);

    [PostgresFact]
    public Task A_host_command_and_the_steps_its_event_causes_commit_or_roll_back_together_on_postgres() =>
        A_host_command_and_the_steps_its_event_causes_commit_or_roll_back_together(Store.Postgres);

    private static async Task A_host_command_and_the_steps_its_event_causes_commit_or_roll_back_together(Store kind)
    {
        await using var store = await TestStore.CreateAsync(kind);
        await using var host = await EngineHost.StartAsync(store, configure: o => o.AddActivity<AddNote>());
        await host.PublishAsync(new DefinitionBuilder("on-go")
            .Activity("go", "Elsa.Event", ("eventName", "Go"))
            .Activity("note", "WorkingGroup.Test.AddNote", ("text", "from the workflow"))
            .CanStartWorkflow("go")
            .Connect("go->note")
            .Build());

        // Rolled back: neither the command's note nor the started instance's remain.
        await using (var db = await host.CreateDbContextAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Add(new Note { Id = "command-1", Text = "from the command" });
            await db.SaveChangesAsync();
            var started = await host.Runtime.PublishEventAsync(db, "Go", "c-1", actor: "person-1");
            Assert.Equal(WorkflowSubStatus.Finished, Assert.Single(started).SubStatus);
            await transaction.RollbackAsync();
        }

        await using (var db = await host.CreateDbContextAsync())
        {
            Assert.Empty(await db.Set<Note>().ToListAsync());
            Assert.Empty(await db.Set<WorkingGroup.Workflows.Persistence.WorkflowInstanceRecord>().ToListAsync());
        }

        // Committed: both, in one transaction.
        await using (var db = await host.CreateDbContextAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Add(new Note { Id = "command-2", Text = "from the command" });
            await db.SaveChangesAsync();
            await host.Runtime.PublishEventAsync(db, "Go", "c-2", actor: "person-1");
            await transaction.CommitAsync();
        }

        await using (var db = await host.CreateDbContextAsync())
        {
            Assert.Equal(["from the command", "from the workflow"], await db.Set<Note>().Select(n => n.Text).OrderBy(t => t).ToListAsync());
            var instance = Assert.Single(await db.Set<WorkingGroup.Workflows.Persistence.WorkflowInstanceRecord>().ToListAsync());
            Assert.Equal("c-2", instance.CorrelationId);
        }
    }

    [Fact]
    public async Task An_activity_sees_who_caused_its_step()
    {
        await using var store = await TestStore.CreateAsync(Store.Sqlite);
        await using var host = await EngineHost.StartAsync(store, configure: o => o.AddActivity<RecordActor>());
        await host.PublishAsync(new DefinitionBuilder("who")
            .Variable("who", "String", string.Empty)
            .Activity("wait", "Elsa.Event", ("eventName", "Go"))
            .Activity("record", "WorkingGroup.Test.RecordActor")
            .Connect("wait->record")
            .Build());
        await host.Runtime.StartAsync("who", new StartWorkflowOptions { Actor = "starter" });

        var resumed = Assert.Single(await host.Runtime.PublishEventAsync("Go", actor: "publisher"));

        Assert.Equal("publisher", (string?)resumed.Variables["who"]);
    }
}

/// <summary>Stores the step's actor in the variable <c>who</c>.</summary>
[Activity("WorkingGroup.Test", "Test")]
internal sealed class RecordActor : Activity
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        context.SetVariable("who", context.Actor);
        return ValueTask.FromResult(ActivityResult.Done);
    }
}
