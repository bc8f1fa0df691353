using System.Globalization;
using WorkingGroup.Workflows.Activities;

namespace WorkingGroup.Server.Procedures.Activities;

/// <summary>
/// Вычислить срок / Compute a deadline: a date a number of calendar days before (negative) or after (positive) the
/// meeting's date, or another date, counted in the meeting's time zone, at a given local time. The defaults give the
/// R-3.9 materials deadline: the end of the day ten days before the meeting (the first late instant).
/// </summary>
[Activity(WorkingGroupActivities.Namespace, WorkingGroupActivities.Category, DisplayName = "Вычислить срок (Compute deadline)")]
public sealed class ComputeDeadline : Activity
{
    /// <summary>The meeting whose date and time zone count; empty: the instance's correlation id.</summary>
    [Input(Order = 1)]
    public string? MeetingId { get; set; }

    /// <summary>Count from this instant instead of the meeting's start (e.g. an assignment's due date, another deadline).</summary>
    [Input(Order = 2)]
    public DateTimeOffset? RelativeTo { get; set; }

    /// <summary>Calendar days: negative before, positive after (R-3.9: −10).</summary>
    [Input(Order = 3)]
    public int Days { get; set; } = -MaterialsDeadlineDays;

    /// <summary>
    /// The local time of the result, <c>HH:mm</c>; <c>24:00</c> is the end of that day (the next midnight); empty keeps the
    /// time of day of the date counted from.
    /// </summary>
    [Input(Order = 4)]
    public string? LocalTime { get; set; } = "24:00";

    /// <summary>The time zone (IANA id) when there is no meeting or it has no schedule yet.</summary>
    [Input(Order = 5)]
    public string? TimeZoneId { get; set; } = "Europe/Moscow";

    /// <summary>The instant computed.</summary>
    [Output]
    public DateTimeOffset? Deadline { get; set; }

    /// <summary>The instant as people read it: local date, time and zone.</summary>
    [Output]
    public string? DeadlineText { get; set; }

    private const int MaterialsDeadlineDays = WorkingGroup.Domain.Materials.MaterialsDeadline.DefaultDaysBeforeMeeting;

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var facts = ProcedureFacts.Of(context);
        var meeting = Guid.TryParse(string.IsNullOrWhiteSpace(MeetingId) ? context.CorrelationId : MeetingId, out var id)
            ? await facts.FindMeetingAsync(id)
            : null;
        var zone = meeting?.Schedule?.TimeZone ?? TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId ?? "Europe/Moscow");
        var from = RelativeTo ?? meeting?.Schedule?.StartsAt
            ?? throw new InvalidOperationException("ComputeDeadline needs a scheduled meeting or a date to count from.");
        Deadline = Compute(from, zone, Days, LocalTime);
        DeadlineText = ProcedureFacts.Local(Deadline.Value, zone);
        return ActivityResult.Done;
    }

    /// <summary>The local date of <paramref name="from"/> in <paramref name="zone"/>, moved by <paramref name="days"/>, at <paramref name="localTime"/>.</summary>
    public static DateTimeOffset Compute(DateTimeOffset from, TimeZoneInfo zone, int days, string? localTime)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(from, zone).DateTime;
        var date = local.Date.AddDays(days);
        var at = string.IsNullOrWhiteSpace(localTime) ? date + local.TimeOfDay
            : localTime.Trim() == "24:00" ? date.AddDays(1)
            : date + TimeSpan.ParseExact(localTime.Trim(), @"hh\:mm", CultureInfo.InvariantCulture);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(at, DateTimeKind.Unspecified), zone), TimeSpan.Zero);
    }
}
