using WorkingGroup.Workflows.Activities;

namespace WorkingGroup.Server.Procedures.Activities;

/// <summary>
/// Установить срок материалов / Fix the materials deadline: how many calendar days before its date the meeting's
/// materials are due. The meeting keeps the value its procedure gave it when it started, so an administrator who changes
/// the parameter in the designer changes it for meetings drafted from then on; the domain judges every submission
/// (on time or late) and shows the deadline by it. Run again when the materials window opens, its <see cref="Deadline"/>
/// is the one the reminders count from.
/// </summary>
[Activity(WorkingGroupActivities.Namespace, WorkingGroupActivities.Category, DisplayName = "Установить срок материалов (Fix the materials deadline)")]
public sealed class FixMaterialsDeadline : Activity
{
    /// <summary>The meeting; empty: the instance's correlation id.</summary>
    [Input(Order = 1)]
    public string? MeetingId { get; set; }

    /// <summary>Calendar days before the meeting's date (R-3.9: 10); 0 to 90.</summary>
    [Input(Order = 2)]
    public int DaysBeforeMeeting { get; set; } = WorkingGroup.Domain.Materials.MaterialsDeadline.DefaultDaysBeforeMeeting;

    /// <summary>The first late instant as the domain counts it (local midnight after the last day); null until the meeting is scheduled.</summary>
    [Output]
    public DateTimeOffset? Deadline { get; set; }

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var meeting = await ProcedureFacts.Of(context).MeetingAsync(WorkingGroupActivities.MeetingIdOr(MeetingId, context));
        meeting.FixMaterialsDeadline(DaysBeforeMeeting);
        Deadline = meeting.MaterialsLateFrom;
        context.Log($"Materials due {DaysBeforeMeeting} days before the meeting (R-3.9)");
        return ActivityResult.Done;
    }
}
