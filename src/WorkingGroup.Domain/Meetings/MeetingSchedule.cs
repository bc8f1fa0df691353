using WorkingGroup.Domain.Common;

namespace WorkingGroup.Domain.Meetings;

/// <summary>How a meeting is held .</summary>
public enum MeetingFormat
{
    InPerson,
    Video,
    Hybrid,
}

/// <summary>
/// Date, time, time zone (IANA id), place and format of a meeting. The local start is
/// the wall-clock time where the meeting is held; deadlines are counted in that zone.
/// </summary>
public sealed record MeetingSchedule(DateTime LocalStart, string TimeZoneId, MeetingFormat Format, string? Place, Uri? VideoLink)
{
    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    public DateOnly LocalDate => DateOnly.FromDateTime(LocalStart);

    public DateTimeOffset StartsAt =>
        new(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(LocalStart, DateTimeKind.Unspecified), TimeZone), TimeSpan.Zero);
}

/// <summary>The meeting's time zone must be a zone the system knows, by IANA id.</summary>
internal sealed record TimeZoneIsKnown(string TimeZoneId) : IBusinessRule
{
    public bool IsBroken()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId) is null;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return true;
        }
    }

    public DomainError Error => new(
        "meeting.time_zone_unknown",
        ErrorKind.RuleViolation,
        $"Неизвестный часовой пояс «{TimeZoneId}».",
        $"Unknown time zone '{TimeZoneId}'.");
}

/// <summary>R-3.8: a video or hybrid meeting has its link; an in-person or hybrid meeting has its place.</summary>
internal sealed record FormatHasWhatItNeeds(MeetingSchedule Schedule) : IBusinessRule
{
    public bool IsBroken() => NeedsLink || NeedsPlace;

    private bool NeedsLink =>
        Schedule.Format != MeetingFormat.InPerson
        && (Schedule.VideoLink is not { IsAbsoluteUri: true } link || (link.Scheme != Uri.UriSchemeHttps && link.Scheme != Uri.UriSchemeHttp));

    private bool NeedsPlace => Schedule.Format != MeetingFormat.Video && string.IsNullOrWhiteSpace(Schedule.Place);

    public DomainError Error => NeedsLink
        ? new("meeting.video_link_required", ErrorKind.RuleViolation,
            "Для заседания в режиме видеоконференции нужна ссылка http(s) (п. 3.8).",
            "A video or hybrid meeting needs an http(s) link (R-3.8).")
        : new("meeting.place_required", ErrorKind.RuleViolation,
            "Для очного или смешанного заседания нужно место проведения (п. 3.8).",
            "An in-person or hybrid meeting needs a place (R-3.8).");
}

/// <summary>A meeting is scheduled for a time that exists in its zone and lies ahead.</summary>
internal sealed record StartLiesAhead(MeetingSchedule? Schedule, DateTimeOffset Now) : IBusinessRule
{
    public bool IsBroken() =>
        Schedule is not null
        && (Schedule.TimeZone.IsInvalidTime(DateTime.SpecifyKind(Schedule.LocalStart, DateTimeKind.Unspecified))
            || Schedule.StartsAt <= Now);

    public DomainError Error => new(
        "meeting.start_not_ahead",
        ErrorKind.RuleViolation,
        "Время начала заседания должно существовать в его часовом поясе и быть в будущем.",
        "The meeting's start must exist in its time zone and lie in the future.");
}
