using System.Text.Json.Nodes;

namespace WorkingGroup.Workflows.Runtime;

/// <summary>Elsa's main status of an instance.</summary>
public enum WorkflowStatus
{
    Running,
    Finished,
}

/// <summary>Elsa's sub-status: Suspended waits on bookmarks; Faulted waits for a retry; Finished and Cancelled are final.</summary>
public enum WorkflowSubStatus
{
    Pending,
    Executing,
    Suspended,
    Finished,
    Cancelled,
    Faulted,
}

/// <summary>The persisted state of one instance between steps (serialized into the instance row).</summary>
internal sealed class WorkflowState
{
    public WorkflowSubStatus SubStatus { get; set; } = WorkflowSubStatus.Pending;

    /// <summary>Variable values by variable id.</summary>
    public Dictionary<string, JsonNode?> Variables { get; set; } = [];

    public JsonObject Input { get; set; } = [];

    public JsonObject Output { get; set; } = [];

    /// <summary>Elsa's counter-based flow scope: visits per activity and per connection.</summary>
    public Dictionary<string, int> ActivityVisits { get; set; } = [];

    public Dictionary<string, int> ConnectionVisits { get; set; } = [];

    public Dictionary<string, bool> ConnectionFollowed { get; set; } = [];

    /// <summary>Activity instances still open: blocked on a bookmark or faulted.</summary>
    public List<ActivityInstanceState> OpenActivities { get; set; } = [];

    public List<BookmarkState> Bookmarks { get; set; } = [];

    /// <summary>The last outputs of each activity, by activity id.</summary>
    public Dictionary<string, JsonObject> ActivityOutputs { get; set; } = [];

    public List<Incident> Incidents { get; set; } = [];

    public long JournalSequence { get; set; }

    /// <summary>The trigger activity that started the instance, which is its flowchart's start; null when started by API.</summary>
    public string? TriggerActivityId { get; set; }

    public WorkflowStatus Status =>
        SubStatus is WorkflowSubStatus.Finished or WorkflowSubStatus.Cancelled or WorkflowSubStatus.Faulted
            ? WorkflowStatus.Finished
            : WorkflowStatus.Running;
}

internal enum ActivityStatus
{
    Running,
    Faulted,
}

/// <summary>An open activity instance; <see cref="ViaBackward"/> remembers it ran through a loop edge.</summary>
internal sealed record ActivityInstanceState(string Id, string ActivityId, ActivityStatus Status, bool ViaBackward);

/// <summary>A bookmark as the instance keeps it; the stored copy adds the correlation id for look-ups.</summary>
public sealed record BookmarkState
{
    public required string Id { get; init; }

    /// <summary>The stimulus name, e.g. <c>Elsa.Event</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Upper-case hex SHA-256 of the name and the stimulus, as Elsa computes it.</summary>
    public required string Hash { get; init; }

    public required JsonObject Payload { get; init; }

    public required string ActivityId { get; init; }

    public required string ActivityNodeId { get; init; }

    public required string ActivityInstanceId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When a timer resumes this bookmark; null for bookmarks resumed by a stimulus.</summary>
    public DateTimeOffset? ResumeAt { get; init; }

    /// <summary>The user task that completes this bookmark, if any.</summary>
    public string? TaskId { get; init; }
}

/// <summary>An activity fault: the activity, the exception, when.</summary>
public sealed record Incident(
    string ActivityId,
    string ActivityNodeId,
    string ActivityType,
    string ActivityInstanceId,
    string Message,
    ExceptionState Exception,
    DateTimeOffset Timestamp);

/// <summary>An exception as Elsa's API shows it.</summary>
public sealed record ExceptionState(string Type, string Message, string? StackTrace, ExceptionState? InnerException)
{
    public static ExceptionState From(Exception exception) =>
        new(exception.GetType().FullName ?? exception.GetType().Name, exception.Message, exception.StackTrace,
            exception.InnerException is { } inner ? From(inner) : null);
}
