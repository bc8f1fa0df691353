using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using WorkingGroup.Workflows.Runtime;

namespace WorkingGroup.Workflows.Persistence;

/// <summary>
/// Writes one step into a <see cref="StepBatch"/>: the instance (with its concurrency stamp), removed and new
/// bookmarks, timers, tasks (the open ones of a bookmark dropped unresumed cancelled), journal and outbox. The batch
/// is saved once, so all of it commits in one transaction.
/// </summary>
internal static class StepWriter
{
    public static JsonSerializerOptions StateOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static WorkflowState ReadState(WorkflowInstanceRecord record) =>
        JsonSerializer.Deserialize<WorkflowState>(record.State, StateOptions)
        ?? throw new InvalidOperationException($"Instance '{record.Id}' has no state.");

    public static void UpdateInstance(WorkflowInstanceRecord record, WorkflowState state, DateTimeOffset now)
    {
        record.State = JsonSerializer.Serialize(state, StateOptions);
        record.Status = state.Status.ToString();
        record.SubStatus = state.SubStatus.ToString();
        record.IncidentCount = state.Incidents.Count;
        record.UpdatedAt = now;
        record.FinishedAt = state.Status == WorkflowStatus.Finished ? record.FinishedAt ?? now : null;
        record.ConcurrencyStamp++;
    }

    public static void WriteEffects(
        StepBatch batch, WorkflowInstanceRecord instance, StepEffects effects, string? actor, JsonNode? resumeInput, DateTimeOffset now)
    {
        foreach (var (id, (bookmark, resumed)) in effects.RemovedBookmarks)
        {
            // Deleting by key checks the row count: a bookmark consumed by a concurrent step fails this one.
            batch.DeleteBookmark(id);
            if (bookmark.ResumeAt is not null)
            {
                batch.DeleteTimer(id);
            }

            if (!resumed)
            {
                // Its RunTask's task, and the to-dos a host activity anchored on it: nobody can act on them any more.
                batch.CancelOpenTasksOf(id, now, actor);
            }
            else if (bookmark.TaskId is { } taskId)
            {
                batch.CompleteTask(taskId, now, actor, resumeInput?.ToJsonString());
            }
        }

        foreach (var id in effects.DroppedNewBookmarkIds)
        {
            batch.CancelOpenTasksOf(id, now, actor);
        }

        foreach (var (bookmark, task) in effects.NewBookmarks)
        {
            batch.Insert(new WorkflowBookmarkRecord
            {
                Id = bookmark.Id,
                InstanceId = instance.Id,
                Name = bookmark.Name,
                Hash = bookmark.Hash,
                CorrelationId = instance.CorrelationId,
                ActivityId = bookmark.ActivityId,
                ActivityNodeId = bookmark.ActivityNodeId,
                ActivityInstanceId = bookmark.ActivityInstanceId,
                Payload = bookmark.Payload.ToJsonString(),
                CreatedAt = bookmark.CreatedAt,
            });
            if (bookmark.ResumeAt is { } due)
            {
                batch.Insert(new WorkflowTimerRecord { Id = bookmark.Id, InstanceId = instance.Id, DueAt = due });
            }

            if (task is not null)
            {
                batch.Insert(new WorkflowTaskRecord
                {
                    Id = task.TaskId,
                    InstanceId = instance.Id,
                    BookmarkId = bookmark.Id,
                    ActivityId = bookmark.ActivityId,
                    TaskName = task.TaskName,
                    Assignee = task.Assignee,
                    Payload = task.Payload?.ToJsonString(),
                    Status = WorkflowTaskStatus.Open,
                    CreatedAt = now,
                });
            }
        }

        foreach (var entry in effects.Journal)
        {
            batch.Insert(new WorkflowJournalRecord
            {
                Id = $"{instance.Id}:{entry.Sequence}",
                InstanceId = instance.Id,
                Sequence = entry.Sequence,
                ActivityId = entry.ActivityId,
                ActivityNodeId = entry.ActivityNodeId,
                ActivityType = entry.ActivityType,
                ActivityInstanceId = entry.ActivityInstanceId,
                EventName = entry.EventName,
                Timestamp = entry.Timestamp,
                Actor = entry.Actor,
                Message = entry.Message,
                Payload = entry.Payload?.ToJsonString(),
            });
        }

        foreach (var message in effects.Messages)
        {
            batch.Insert(new WorkflowOutboxRecord
            {
                Id = message.Id,
                InstanceId = instance.Id,
                Kind = message.Kind,
                Payload = message.Payload.ToJsonString(),
                CreatedAt = message.CreatedAt,
            });
        }
    }
}
