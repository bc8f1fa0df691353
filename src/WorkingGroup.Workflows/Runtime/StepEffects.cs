using System.Text.Json.Nodes;
using WorkingGroup.Workflows.Activities;

namespace WorkingGroup.Workflows.Runtime;

/// <summary>What one step changed besides the instance state; persisted in the same transaction.</summary>
internal sealed class StepEffects
{
    public List<NewBookmark> NewBookmarks { get; } = [];

    /// <summary>Bookmarks that existed before this step and are gone, by id, with whether they were resumed.</summary>
    public Dictionary<string, RemovedBookmark> RemovedBookmarks { get; } = [];

    /// <summary>
    /// Bookmarks created and dropped in this step: never stored, but a host activity may have anchored a task on one
    /// (saved with the step's host changes).
    /// </summary>
    public List<string> DroppedNewBookmarkIds { get; } = [];

    public List<JournalEntry> Journal { get; } = [];

    public List<OutboxMessage> Messages { get; } = [];

    public void Remove(BookmarkState bookmark, bool resumed)
    {
        if (NewBookmarks.RemoveAll(b => b.Bookmark.Id == bookmark.Id) > 0)
        {
            DroppedNewBookmarkIds.Add(bookmark.Id);
        }
        else
        {
            RemovedBookmarks[bookmark.Id] = new RemovedBookmark(bookmark, resumed);
        }
    }
}

/// <summary>A stored bookmark this step consumed (resumed) or dropped (cancelled, finished).</summary>
internal sealed record RemovedBookmark(BookmarkState Bookmark, bool Resumed);

/// <summary>A bookmark created in this step, with its task if it is a user task.</summary>
internal sealed record NewBookmark(BookmarkState Bookmark, TaskRequest? Task);

/// <summary>
/// One journal record: one activity execution's outcome (Completed, Suspended, Faulted) with its actor, time,
/// inputs/outputs summary and <c>"resumed": true</c> when it resumed a bookmark; or an open activity Canceled.
/// </summary>
internal sealed record JournalEntry(
    long Sequence,
    string ActivityId,
    string ActivityNodeId,
    string ActivityType,
    string ActivityInstanceId,
    string EventName,
    DateTimeOffset Timestamp,
    string? Actor,
    string? Message,
    JsonObject? Payload);

/// <summary>A message for the outside world, delivered by a worker under a stable id.</summary>
internal sealed record OutboxMessage(string Id, string Kind, JsonNode Payload, DateTimeOffset CreatedAt);
