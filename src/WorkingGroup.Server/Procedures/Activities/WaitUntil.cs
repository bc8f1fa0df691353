using System.Globalization;
using System.Text.Json.Nodes;
using WorkingGroup.Workflows.Activities;

namespace WorkingGroup.Server.Procedures.Activities;

/// <summary>
/// Ждать до даты / Wait until a date: a durable timer (it survives restarts) until an instant computed by another
/// activity or held in a variable; continues at once when the instant has passed.
/// </summary>
[Activity(WorkingGroupActivities.Namespace, WorkingGroupActivities.Category, DisplayName = "Ждать до даты (Wait until)", Kind = ActivityKind.Trigger)]
public sealed class WaitUntil : Activity
{
    /// <summary>The instant to continue at (e.g. the output <c>Deadline</c> of a ComputeDeadline, or a variable).</summary>
    [Input(IsRequired = true)]
    public DateTimeOffset? Until { get; set; }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var until = Until ?? throw new InvalidOperationException("WaitUntil needs a date.");
        if (until <= context.Now)
        {
            return ValueTask.FromResult(ActivityResult.Done);
        }

        var stimulus = new JsonObject { ["ResumeAt"] = until.ToString("O", CultureInfo.InvariantCulture) };
        context.CreateBookmark(new BookmarkRequest("WorkingGroup.WaitUntil", stimulus) { ResumeAt = until });
        return ValueTask.FromResult(ActivityResult.Blocked);
    }
}
