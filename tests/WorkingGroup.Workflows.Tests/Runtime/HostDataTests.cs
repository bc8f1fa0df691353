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
