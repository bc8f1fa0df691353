namespace WorkingGroup.Workflows.Persistence;

/// <summary>One stored version of a definition; <see cref="Json"/> is the Elsa document as saved.</summary>
public sealed class WorkflowDefinitionRecord
{
    public required string Id { get; set; }
    public required string DefinitionId { get; set; }
    public int Version { get; set; }
    public string? Name { get; set; }
    public bool IsLatest { get; set; }
    public bool IsPublished { get; set; }
    public required string Json { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A workflow instance; <see cref="State"/> is the serialized execution state.</summary>
public sealed class WorkflowInstanceRecord
{
    public required string Id { get; set; }
    public required string DefinitionId { get; set; }
    public required string DefinitionVersionId { get; set; }
    public int Version { get; set; }
    public string? CorrelationId { get; set; }
    public string? Name { get; set; }
    public required string Status { get; set; }
    public required string SubStatus { get; set; }
    public int IncidentCount { get; set; }
    public required string State { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Incremented by every step; a concurrent step that read an older value fails and retries.</summary>
    public long ConcurrencyStamp { get; set; }
}

/// <summary>A bookmark, found by name + hash (+ correlation id) for stimuli, or by id.</summary>
public sealed class WorkflowBookmarkRecord
{
    public required string Id { get; set; }
    public required string InstanceId { get; set; }
    public required string Name { get; set; }
    public required string Hash { get; set; }
    public string? CorrelationId { get; set; }
    public required string ActivityId { get; set; }
    public required string ActivityNodeId { get; set; }
    public required string ActivityInstanceId { get; set; }
    public required string Payload { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A durable timer: resumes bookmark <see cref="Id"/> (same id) at <see cref="DueAt"/>.</summary>
public sealed class WorkflowTimerRecord
{
    public required string Id { get; set; }
    public required string InstanceId { get; set; }
    public DateTimeOffset DueAt { get; set; }
}

/// <summary>The state of a user task.</summary>
public enum WorkflowTaskStatus
{
    Open,
    Completed,
    Cancelled,
}

/// <summary>A task for a person or role created by <c>Elsa.RunTask</c>.</summary>
public sealed class WorkflowTaskRecord
{
    public required string Id { get; set; }
    public required string InstanceId { get; set; }
    public required string BookmarkId { get; set; }
    public required string ActivityId { get; set; }
    public required string TaskName { get; set; }
    public string? Assignee { get; set; }
    public string? Payload { get; set; }
    public WorkflowTaskStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? CompletedBy { get; set; }
    public string? Result { get; set; }
}

/// <summary>One journal record of an instance.</summary>
public sealed class WorkflowJournalRecord
{
    public required string Id { get; set; }
    public required string InstanceId { get; set; }
    public long Sequence { get; set; }
    public required string ActivityId { get; set; }
    public required string ActivityNodeId { get; set; }
    public required string ActivityType { get; set; }
    public required string ActivityInstanceId { get; set; }
    public required string EventName { get; set; }
    public DateTimeOffset Timestamp { get; set; }
    public string? Actor { get; set; }
    public string? Message { get; set; }
    public string? Payload { get; set; }
}

/// <summary>A message to deliver outside the database (e-mail), written in the step's transaction.</summary>
public sealed class WorkflowOutboxRecord
{
    public required string Id { get; set; }
    public required string InstanceId { get; set; }
    public required string Kind { get; set; }
    public required string Payload { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
}
