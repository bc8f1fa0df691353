using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WorkingGroup.Workflows.Activities;
using WorkingGroup.Workflows.Definitions;
using WorkingGroup.Workflows.Expressions;
using WorkingGroup.Workflows.Runtime;

namespace WorkingGroup.Workflows.Tests.Execution;

/// <summary>Runs a definition in memory (no database) to test flowchart semantics.</summary>
internal sealed class InMemoryRunner
{
    private readonly ExecutionSetup setup;

    public InMemoryRunner(WorkflowDefinition definition, ExpressionOptions? options = null)
    {
        options ??= new ExpressionOptions();
        setup = new ExecutionSetup(
            definition,
            new FlowGraph(definition.Root),
            new ActivityRegistry(),
            new ExpressionEvaluator(new JavaScriptEvaluator(options), new LiquidEvaluator(options)),
            Clock);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero));

    public WorkflowState State { get; } = new();

    public List<JournalEntry> Journal { get; } = [];

    public List<OutboxMessage> Messages { get; } = [];

    /// <summary>The texts WriteLine activities wrote, in order.</summary>
    public IReadOnlyList<string?> Lines => Journal.Where(j => j.ActivityType == "Elsa.WriteLine" && j.EventName == "Completed").Select(j => j.Message).ToList();

    public Task StartAsync(JsonObject? input = null) => RunAsync(e => e.StartAsync(input));

    public Task ResumeAsync(string activityId, JsonNode? input = null) =>
        RunAsync(e => e.ResumeAsync(State.Bookmarks.Single(b => b.ActivityId == activityId), input));

    public Task RetryAsync() => RunAsync(e => e.RetryAsync());

    private async Task RunAsync(Func<WorkflowExecution, Task> step)
    {
        var scope = new StepScope(new ServiceCollection().BuildServiceProvider(), null);
        var execution = new WorkflowExecution(setup, State, "instance-1", "corr-1", "tester", scope, CancellationToken.None);
        await step(execution);
        Journal.AddRange(execution.Effects.Journal);
        Messages.AddRange(execution.Effects.Messages);
    }
}
