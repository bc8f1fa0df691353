using System.Text.Json.Nodes;

namespace WorkingGroup.Workflows.Runtime;

/// <summary>An instance after a step: its status, what it waits on, its incidents, its variables by name, its output.</summary>
public sealed record WorkflowRunResult(
    string InstanceId,
    int DefinitionVersion,
    WorkflowStatus Status,
    WorkflowSubStatus SubStatus,
    IReadOnlyList<BookmarkState> Bookmarks,
    IReadOnlyList<Incident> Incidents,
    JsonObject Variables,
    JsonObject Output);

/// <summary>How to start an instance. Without <see cref="Version"/> the published version runs; a draft runs only when its version is given.</summary>
public sealed record StartWorkflowOptions
{
    public int? Version { get; init; }

    public string? CorrelationId { get; init; }

    public JsonObject? Input { get; init; }

    /// <summary>Who started it, for the journal.</summary>
    public string? Actor { get; init; }

    /// <summary>The instance id to use; a new one when null.</summary>
    public string? InstanceId { get; init; }
}

/// <summary>Thrown when a bookmark, task or instance to resume does not exist (any more).</summary>
public sealed class WorkflowNotFoundException(string message) : Exception(message);
