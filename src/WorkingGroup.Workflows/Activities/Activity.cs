namespace WorkingGroup.Workflows.Activities;

/// <summary>
/// An activity type. A new instance is made for every execution; the engine sets the properties
/// marked <see cref="InputAttribute"/> from the evaluated inputs before calling it, and reads the
/// properties marked <see cref="OutputAttribute"/> afterwards.
/// </summary>
public abstract class Activity
{
    /// <summary>Runs the activity. Return <see cref="ActivityResult.Blocked"/> after creating a bookmark to wait.</summary>
    public abstract ValueTask<ActivityResult> ExecuteAsync(ActivityContext context);

    /// <summary>Runs when one of the activity's bookmarks is resumed; by default the activity completes with <c>Done</c>.</summary>
    public virtual ValueTask<ActivityResult> ResumeAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Done);
}

/// <summary>How an activity execution ended: with outcomes, blocked on a bookmark, or ending the workflow.</summary>
public sealed record ActivityResult
{
    private ActivityResult(IReadOnlyList<string> outcomes, bool isBlocked, bool isTerminal)
    {
        Outcomes = outcomes;
        IsBlocked = isBlocked;
        IsTerminal = isTerminal;
    }

    /// <summary>The outcome names; connections from these ports are followed.</summary>
    public IReadOnlyList<string> Outcomes { get; }

    /// <summary>The activity waits for one of its bookmarks.</summary>
    public bool IsBlocked { get; }

    /// <summary>The activity ends the workflow (Finish, End).</summary>
    public bool IsTerminal { get; }

    /// <summary>Completed with the default outcome <c>Done</c>.</summary>
    public static ActivityResult Done { get; } = new(["Done"], false, false);

    /// <summary>Waiting for a bookmark created during this execution.</summary>
    public static ActivityResult Blocked { get; } = new([], true, false);

    /// <summary>Completed and ends the workflow.</summary>
    public static ActivityResult Terminal { get; } = new([], false, true);

    /// <summary>Completed with the given outcomes.</summary>
    public static ActivityResult Outcome(params IEnumerable<string> outcomes) => new([.. outcomes], false, false);
}
