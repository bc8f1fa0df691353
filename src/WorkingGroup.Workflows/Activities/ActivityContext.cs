using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using WorkingGroup.Workflows.Definitions;
using WorkingGroup.Workflows.Runtime;

namespace WorkingGroup.Workflows.Activities;

/// <summary>What an executing activity may see and do: variables, bookmarks, messages, the clock.</summary>
public sealed class ActivityContext
{
    private readonly WorkflowExecution execution;

    internal ActivityContext(WorkflowExecution execution, ActivityNode node, string activityInstanceId, JsonNode? resumeInput)
    {
        this.execution = execution;
        Node = node;
        ActivityInstanceId = activityInstanceId;
        ResumeInput = resumeInput;
    }

    public ActivityNode Node { get; }

    public string ActivityId => Node.Id;

    /// <summary>This execution of the activity; a loop gives each pass a new one.</summary>
    public string ActivityInstanceId { get; }

    public string WorkflowInstanceId => execution.InstanceId;

    public string? CorrelationId => execution.CorrelationId;

    /// <summary>Who caused this step: the starter, the task's completer, the event's publisher; <c>timer</c> for a fired timer.</summary>
    public string? Actor => execution.Actor;

    /// <summary>The input sent with the resume (task result, event payload); null on the first execution.</summary>
    public JsonNode? ResumeInput { get; }

    /// <summary>
    /// The bookmark this execution resumes (its name and stimulus, e.g. <c>Elsa.Event</c> with <c>{"EventName": "X"}</c>),
    /// so an activity waiting on several bookmarks knows which one fired; null on the first execution.
    /// </summary>
    public BookmarkState? ResumedBookmark { get; internal init; }

    public DateTimeOffset Now => execution.Clock.GetUtcNow();

    /// <summary>Services of a scope that lives for this step.</summary>
    public IServiceProvider Services => execution.Scope.Services;

    /// <summary>
    /// The host's DbContext this step is saved with: changes an activity makes to the host's own entities
    /// commit in the same transaction as the step (and are made again if the step is retried after a race).
    /// </summary>
    public TContext GetDbContext<TContext>()
        where TContext : DbContext =>
        execution.Scope.Db as TContext
        ?? throw new InvalidOperationException($"This step is not saved through a {typeof(TContext).Name}.");

    public CancellationToken CancellationToken => execution.CancellationToken;

    /// <summary>A workflow variable by name or id.</summary>
    public JsonNode? GetVariable(string nameOrId) => execution.Variables.Get(nameOrId);

    /// <summary>Sets a workflow variable by name or id; throws when the definition declares no such variable.</summary>
    public void SetVariable(string nameOrId, JsonNode? value) => execution.Variables.Set(nameOrId, value);

    /// <summary>Sets an output of the workflow instance.</summary>
    public void SetWorkflowOutput(string name, JsonNode? value) => execution.Output[name] = value;

    /// <summary>Evaluates an expression found in a non-wrapped input (FlowSwitch cases) and converts it.</summary>
    public ValueTask<object?> EvaluateAsync(InputExpression expression, Type resultType) =>
        execution.EvaluateAsync(expression, resultType);

    /// <summary>Creates a bookmark the activity waits on; return <see cref="ActivityResult.Blocked"/> afterwards.</summary>
    public string CreateBookmark(BookmarkRequest request) => execution.CreateBookmark(this, request);

    /// <summary>Writes a message to the outbox in the same transaction as this step, for a worker to deliver.</summary>
    public void SendMessage(string kind, JsonNode payload) => execution.SendMessage(this, kind, payload);

    /// <summary>Adds a line to this execution's journal entry.</summary>
    public void Log(string message) => execution.AddJournalMessage(this, message);
}

/// <summary>
/// A bookmark to create: <paramref name="Name"/> (the stimulus name, usually the activity type) and the
/// stimulus whose hash finds it again. Set <see cref="ResumeAt"/> for a durable timer, or <see cref="Task"/> for a user task.
/// </summary>
public sealed record BookmarkRequest(string Name, JsonObject Stimulus)
{
    public DateTimeOffset? ResumeAt { get; init; }

    public TaskRequest? Task { get; init; }
}

/// <summary>A task for a person or role, completed through the API.</summary>
public sealed record TaskRequest(string TaskId, string TaskName, string? Assignee, JsonNode? Payload);
