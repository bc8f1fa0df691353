using WorkingGroup.Domain.Attendance;
using WorkingGroup.Workflows.Activities;

namespace WorkingGroup.Server.Procedures.Activities;

/// <summary>
/// Проверить кворум / Check the quorum: from the attendance recorded for the meeting, each side is quorate when at
/// least half of its composition on the meeting's date is present in person or remotely. Outcomes Quorate / NotQuorate.
/// </summary>
[Activity(WorkingGroupActivities.Namespace, WorkingGroupActivities.Category, DisplayName = "Проверить кворум (Check quorum)")]
[FlowNode("Quorate", "NotQuorate")]
public sealed class CheckQuorum : Activity
{
    /// <summary>The meeting; empty: the instance's correlation id.</summary>
    [Input]
    public string? MeetingId { get; set; }

    /// <summary>The counts, e.g. «РФ 3 из 5 (нужно 3); РК 2 из 5 (нужно 3)».</summary>
    [Output]
    public string? Summary { get; set; }

    /// <summary>Both sides are quorate.</summary>
    [Output]
    public bool IsQuorate { get; set; }

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var facts = ProcedureFacts.Of(context);
        var meeting = await facts.MeetingAsync(WorkingGroupActivities.MeetingIdOr(MeetingId, context));
        var on = meeting.Schedule?.StartsAt ?? context.Now;
        var snapshot = QuorumSnapshot.Take(await facts.CompositionAsync(), on, meeting.Attendance, context.Now);
        IsQuorate = snapshot.IsReached;
        Summary = $"РФ {snapshot.Ru.Present} из {snapshot.Ru.Members} (нужно {snapshot.Ru.Required}); "
            + $"РК {snapshot.Kz.Present} из {snapshot.Kz.Members} (нужно {snapshot.Kz.Required}) / "
            + $"RU {snapshot.Ru.Present} of {snapshot.Ru.Members}, KZ {snapshot.Kz.Present} of {snapshot.Kz.Members}";
        context.Log(Summary);
        return ActivityResult.Outcome(IsQuorate ? "Quorate" : "NotQuorate");
    }
}
