using System.Globalization;
using System.Text.Json.Nodes;

namespace WorkingGroup.Workflows.Activities.BuiltIn;

/// <summary>Waits for a period of time (a durable timer), then continues.</summary>
[Activity(BuiltInActivities.Namespace, "Scheduling")]
internal sealed class Delay : Activity
{
    /// <summary>How long to wait, e.g. 00:05:00.</summary>
    [Input]
    public TimeSpan TimeSpan { get; set; } = TimeSpan.FromMinutes(1);

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        Timers.WaitUntil(context, "Elsa.Delay", context.Now + TimeSpan);
}

/// <summary>Waits for an interval (a durable timer), then continues once.</summary>
[Activity(BuiltInActivities.Namespace, "Scheduling", Kind = ActivityKind.Trigger)]
internal sealed class Timer : Activity
{
    /// <summary>The interval, e.g. 1.00:00:00 for a day.</summary>
    [Input]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        Timers.WaitUntil(context, "Elsa.Timer", context.Now + Interval);
}

/// <summary>Waits until a moment in time; continues at once if it has passed.</summary>
[Activity(BuiltInActivities.Namespace, "Scheduling", Kind = ActivityKind.Trigger)]
internal sealed class StartAt : Activity
{
    /// <summary>The moment to continue at.</summary>
    [Input(IsRequired = true)]
    public DateTimeOffset DateTime { get; set; }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        DateTime <= context.Now
            ? ValueTask.FromResult(ActivityResult.Done)
            : Timers.WaitUntil(context, "Elsa.StartAt", DateTime);
}

internal static class Timers
{
    public static ValueTask<ActivityResult> WaitUntil(ActivityContext context, string name, DateTimeOffset resumeAt)
    {
        var stimulus = new JsonObject { ["ResumeAt"] = resumeAt.ToString("O", CultureInfo.InvariantCulture) };
        context.CreateBookmark(new BookmarkRequest(name, stimulus) { ResumeAt = resumeAt });
        return ValueTask.FromResult(ActivityResult.Blocked);
    }
}

/// <summary>Waits for a named event, published for this workflow's correlation id (or for all).</summary>
[Activity(BuiltInActivities.Namespace, "Primitives", Kind = ActivityKind.Trigger)]
internal sealed class Event : Activity
{
    /// <summary>The name of the event to wait for.</summary>
    [Input(IsRequired = true)]
    public string? EventName { get; set; }

    /// <summary>The payload the event was published with.</summary>
    [Output]
    public JsonNode? Result { get; set; }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        context.CreateBookmark(new BookmarkRequest("Elsa.Event", new JsonObject { ["EventName"] = EventName }));
        return ValueTask.FromResult(ActivityResult.Blocked);
    }

    public override ValueTask<ActivityResult> ResumeAsync(ActivityContext context)
    {
        Result = context.ResumeInput?.DeepClone();
        return ValueTask.FromResult(ActivityResult.Done);
    }
}

/// <summary>Asks a person or a role to do a task and waits until it is completed through the API.</summary>
[Activity(BuiltInActivities.Namespace, "Primitives", Kind = ActivityKind.Task)]
internal sealed class RunTask : Activity
{
    /// <summary>What is to be done.</summary>
    [Input(IsRequired = true)]
    public string? TaskName { get; set; }

    /// <summary>Who is to do it: a user id or a role name.</summary>
    [Input]
    public string? Assignee { get; set; }

    /// <summary>Data the person needs for the task.</summary>
    [Input]
    public JsonNode? Payload { get; set; }

    /// <summary>The id of the task created.</summary>
    [Output]
    public string? TaskId { get; set; }

    /// <summary>The result the task was completed with.</summary>
    [Output]
    public JsonNode? Result { get; set; }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        TaskId = Guid.NewGuid().ToString("N");
        var task = new TaskRequest(TaskId, TaskName ?? string.Empty, Assignee, Payload?.DeepClone());
        context.CreateBookmark(new BookmarkRequest("Elsa.RunTask", new JsonObject { ["TaskId"] = TaskId }) { Task = task });
        return ValueTask.FromResult(ActivityResult.Blocked);
    }

    public override ValueTask<ActivityResult> ResumeAsync(ActivityContext context)
    {
        Result = context.ResumeInput?.DeepClone();
        return ValueTask.FromResult(ActivityResult.Done);
    }
}
