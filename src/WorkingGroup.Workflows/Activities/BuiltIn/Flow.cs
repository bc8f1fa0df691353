namespace WorkingGroup.Workflows.Activities.BuiltIn;

/// <summary>A graph of activities joined by connections from outcome ports; the root of every definition.</summary>
[Activity(BuiltInActivities.Namespace, "Flow", IsContainer = true, IsBrowsable = false)]
internal sealed class Flowchart : Activity
{
    /// <summary>The engine runs the root flowchart itself; a flowchart inside a flowchart is rejected by validation.</summary>
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        throw new NotSupportedException("A flowchart inside a flowchart is not supported.");
}

/// <summary>Marks where the flowchart starts.</summary>
[Activity(BuiltInActivities.Namespace, "Flow", IsStart = true)]
internal sealed class Start : Activity
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Done);
}

/// <summary>Ends the flowchart; running branches are cancelled.</summary>
[Activity(BuiltInActivities.Namespace, "Flow", IsTerminal = true)]
internal sealed class End : Activity
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Terminal);
}

/// <summary>Finishes the whole workflow: all pending work, bookmarks, tasks and timers are dropped.</summary>
[Activity(BuiltInActivities.Namespace, "Primitives", IsTerminal = true)]
internal sealed class Finish : Activity
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Terminal);
}

/// <summary>Takes the True or the False path depending on a condition.</summary>
[Activity(BuiltInActivities.Namespace, "Branching", DisplayName = "Decision")]
[FlowNode("True", "False")]
internal sealed class FlowDecision : Activity
{
    /// <summary>The condition to evaluate.</summary>
    [Input(UIHint = "singleline")]
    public bool Condition { get; set; }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        ValueTask.FromResult(ActivityResult.Outcome(Condition ? "True" : "False"));
}

/// <summary>Starts several branches at once: one outcome per branch name.</summary>
[Activity(BuiltInActivities.Namespace, "Branching", DisplayName = "Fork")]
internal sealed class FlowFork : Activity
{
    /// <summary>The names of the branches; each becomes a port.</summary>
    [Input(UIHint = "dynamic-outcomes")]
    public IReadOnlyList<string>? Branches { get; set; }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        ValueTask.FromResult(Branches is { Count: > 0 } branches ? ActivityResult.Outcome(branches) : ActivityResult.Done);
}

/// <summary>How a join merges its inbound branches.</summary>
internal enum FlowJoinMode
{
    /// <summary>Runs once all inbound branches arrived, if all of them were taken.</summary>
    WaitAll,

    /// <summary>Runs once all inbound branches arrived or were proven dead, if any was taken.</summary>
    WaitAllActive,

    /// <summary>Runs as soon as one inbound branch arrives and cancels the others.</summary>
    WaitAny,
}

/// <summary>Merges branches: waits for all of them, or continues on the first and cancels the rest.</summary>
[Activity(BuiltInActivities.Namespace, "Branching", DisplayName = "Join")]
internal sealed class FlowJoin : Activity
{
    /// <summary>WaitAll, WaitAllActive or WaitAny (the default).</summary>
    [Input]
    public FlowJoinMode Mode { get; set; } = FlowJoinMode.WaitAny;

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Done);
}
