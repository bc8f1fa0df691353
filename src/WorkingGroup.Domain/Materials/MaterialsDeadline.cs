using WorkingGroup.Domain.Meetings;

namespace WorkingGroup.Domain.Materials;

/// <summary>
/// materials are due by the end of the calendar day (meeting date − N days) in the meeting's
/// time zone. N is a procedure parameter, 10 by default, that an administrator may change.
/// </summary>
public static class MaterialsDeadline
{
    public const int DefaultDaysBeforeMeeting = 10;

    /// <summary>The first instant that is late: local midnight after the last day, in the meeting's zone.</summary>
    public static DateTimeOffset LateFrom(MeetingSchedule schedule, int daysBeforeMeeting = DefaultDaysBeforeMeeting)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentOutOfRangeException.ThrowIfNegative(daysBeforeMeeting);
        var lastDay = schedule.LocalDate.AddDays(-daysBeforeMeeting);
        var midnightAfter = lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(midnightAfter, schedule.TimeZone), TimeSpan.Zero);
    }

    public static bool IsLate(DateTimeOffset submittedAt, MeetingSchedule schedule, int daysBeforeMeeting = DefaultDaysBeforeMeeting) =>
        submittedAt >= LateFrom(schedule, daysBeforeMeeting);
}
