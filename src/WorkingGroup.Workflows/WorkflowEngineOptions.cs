using WorkingGroup.Workflows.Activities;
using WorkingGroup.Workflows.Expressions;

namespace WorkingGroup.Workflows;

/// <summary>Settings of the workflow engine, given to <see cref="WorkflowServiceCollectionExtensions.AddWorkflowEngine{TContext}"/>.</summary>
public sealed class WorkflowEngineOptions
{
    private readonly List<Type> activities = [];

    /// <summary>Sandbox limits for JavaScript and Liquid.</summary>
    public ExpressionOptions Expressions { get; set; } = new();

    /// <summary>How often the timer service looks for due timers.</summary>
    public TimeSpan TimerPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many due timers one poll fires at most.</summary>
    public int TimerBatchSize { get; set; } = 100;

    /// <summary>How often a step that lost a concurrency race is run again before the error surfaces.</summary>
    public int MaxStepAttempts { get; set; } = 20;

    /// <summary>A folder of Elsa JSON definitions imported and published at start-up; none when null.</summary>
    public string? DefinitionsFolder { get; set; }

    /// <summary>Whether the hosted timer service runs (tests fire timers by hand).</summary>
    public bool RunTimerService { get; set; } = true;

    internal IReadOnlyList<Type> Activities => activities;

    /// <summary>Registers an activity of the host (e.g. the procedures' <c>WorkingGroup.*</c> activities).</summary>
    public WorkflowEngineOptions AddActivity<TActivity>()
        where TActivity : Activity, new()
    {
        activities.Add(typeof(TActivity));
        return this;
    }
}
