using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using WorkingGroup.Domain.Meetings;

namespace WorkingGroup.Server.Documents;

/// <summary>An e-mail address with the name of the person behind it.</summary>
internal sealed record Mailbox(string Email, string Name);

/// <summary>Who sends a meeting's invitation (usually a secretary, R-3.4) and who receives it.</summary>
internal sealed record InvitationParties(Mailbox Organizer, IReadOnlyList<Mailbox> Attendees);

/// <summary>
/// The iCalendar (RFC 5545, iTIP RFC 5546) invitation to a scheduled meeting: start in the
/// meeting's own zone (TZID with its VTIMEZONE), place, and for a video or hybrid meeting the link
/// . The UID is the meeting's, so a reschedule with a higher SEQUENCE replaces the event in
/// the attendees' calendars, and a cancellation removes it. DTSTAMP is given rather than read from
/// the clock, so the same revision always serialises to the same text (a retried outbox message is
/// recognisable as one).
/// </summary>
internal static class MeetingInvitation
{
    public const string ContentTypeRequest = "text/calendar; method=REQUEST; charset=utf-8";

    public const string ContentTypeCancel = "text/calendar; method=CANCEL; charset=utf-8";

    public static readonly TimeSpan DefaultDuration = TimeSpan.FromHours(2);

    private const string ProductId = "-//WorkingGroup RU-KZ//Meetings//RU";

    /// <summary>The event's UID: one per meeting, for every revision of its invitation.</summary>
    public static string Uid(Guid meetingId) => $"meeting-{meetingId:D}@workinggroup";

    /// <summary>
    /// METHOD:REQUEST for the meeting as now scheduled. <paramref name="sequence"/> is 0 for the first
    /// invitation and grows with each reschedule; <paramref name="stamp"/> is when this revision was issued.
    /// </summary>
    public static string Request(
        Meeting meeting, InvitationParties parties, int sequence, DateTimeOffset stamp, TimeSpan? duration = null)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var calendar = Calendar(meeting, parties, sequence, stamp, duration ?? DefaultDuration, "REQUEST", out var meetingEvent);
        meetingEvent.Status = "CONFIRMED";
        meetingEvent.Description = Description(meeting.Schedule!, null);
        return Serialise(calendar);
    }

    /// <summary>
    /// METHOD:CANCEL, STATUS:CANCELLED for a cancelled or postponed meeting: removes the event
    /// at the time it was last scheduled; a later reschedule sends a new REQUEST with a higher sequence.
    /// </summary>
    public static string Cancel(
        Meeting meeting, InvitationParties parties, int sequence, DateTimeOffset stamp, TimeSpan? duration = null)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var calendar = Calendar(meeting, parties, sequence, stamp, duration ?? DefaultDuration, "CANCEL", out var meetingEvent);
        meetingEvent.Status = "CANCELLED";
        var reason = meeting.State == MeetingState.Postponed
            ? $"Заседание перенесено: {meeting.PostponementReason}"
            : $"Заседание отменено: {meeting.CancellationReason}";
        meetingEvent.Description = Description(meeting.Schedule!, reason);
        return Serialise(calendar);
    }

    private static Calendar Calendar(
        Meeting meeting, InvitationParties parties, int sequence, DateTimeOffset stamp, TimeSpan duration, string method, out CalendarEvent meetingEvent)
    {
        ArgumentNullException.ThrowIfNull(parties);
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        var schedule = meeting.Schedule
            ?? throw new InvalidOperationException($"Meeting {meeting.Id} has no date, time and place yet (R-3.2).");

        var calendar = new Calendar { ProductId = ProductId, Method = method };
        // The zone's rules from the meeting's day on: enough for the event, and the same text whenever it is built.
        calendar.AddTimeZone(schedule.TimeZoneId, schedule.LocalStart.Date, includeHistoricalData: false);
        var start = new CalDateTime(schedule.LocalStart, schedule.TimeZoneId);
        meetingEvent = new CalendarEvent
        {
            Uid = Uid(meeting.Id),
            Sequence = sequence,
            DtStamp = new CalDateTime(stamp.UtcDateTime, CalDateTime.UtcTzId),
            DtStart = start,
            DtEnd = start.Add(Duration.FromTimeSpanExact(duration)),
            Summary = meeting.Title,
            Location = schedule.Place ?? schedule.VideoLink?.AbsoluteUri,
            Url = schedule.Format == MeetingFormat.InPerson ? null : schedule.VideoLink,
            Organizer = new Organizer($"mailto:{parties.Organizer.Email}") { CommonName = parties.Organizer.Name },
        };
        foreach (var attendee in parties.Attendees)
        {
            meetingEvent.Attendees.Add(new Attendee($"mailto:{attendee.Email}")
            {
                CommonName = attendee.Name,
                Role = "REQ-PARTICIPANT",
                ParticipationStatus = "NEEDS-ACTION",
                Rsvp = method == "REQUEST",
            });
        }

        calendar.Events.Add(meetingEvent);
        return calendar;
    }

    /// <summary>The body attendees read: what the meeting is, how it is held, and the link .</summary>
    private static string Description(MeetingSchedule schedule, string? reason)
    {
        var lines = new List<string>();
        if (reason is not null)
        {
            lines.Add(reason);
        }

        lines.Add("Заседание межгосударственной рабочей группы Российской Федерации и Республики Казахстан по развитию национальных систем квалификаций.");
        lines.Add($"Формат: {RussianWording.Format(schedule.Format)}.");
        if (schedule.Place is { } place)
        {
            lines.Add($"Место: {place}.");
        }

        if (schedule.Format != MeetingFormat.InPerson && schedule.VideoLink is { } link)
        {
            lines.Add($"Ссылка для подключения: {link.AbsoluteUri}");
        }

        return string.Join("\n", lines);
    }

    private static string Serialise(Calendar calendar) =>
        new CalendarSerializer().SerializeToString(calendar)
        ?? throw new InvalidOperationException("The invitation did not serialise.");
}
