using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using WorkingGroup.Domain.Meetings;
using WorkingGroup.Server.Errors;

namespace WorkingGroup.Server.Api.Meetings;

/// <summary>
/// When and where a meeting is held. The start is the wall-clock time where the meeting is held, in
/// the given IANA zone; there is no default zone, because the two sides keep different clocks (Europe/Moscow,
/// Asia/Almaty) and a guessed zone would move the meeting and its deadline.
/// </summary>
/// <param name="LocalStart">Local date and time without offset, e.g. "2026-12-15T10:00:00".</param>
/// <param name="TimeZoneId">IANA time zone id, e.g. "Asia/Almaty" or "Europe/Moscow".</param>
/// <param name="Format">InPerson, Video or Hybrid: Video and Hybrid need the link, InPerson and Hybrid the place.</param>
/// <param name="Place">The address, e.g. "Астана, пр. Мәңгілік Ел, 8".</param>
/// <param name="VideoLink">An absolute http(s) link to the videoconference.</param>
public sealed record ScheduleRequest(
    [Required] DateTime? LocalStart,
    [Required, MaxLength(64)] string TimeZoneId,
    [Required] MeetingFormat? Format,
    [MaxLength(500)] string? Place,
    [MaxLength(2000)] string? VideoLink)
{
    /// <summary>The field checks the attributes cannot express; null when the request is well-formed.</summary>
    internal ValidationProblem? Validate()
    {
        if (LocalStart is { Kind: not DateTimeKind.Unspecified })
        {
            return Problems.Validation("localStart",
                "Укажите местное время без смещения, например 2026-12-15T10:00:00. / Give the local time without an offset, e.g. 2026-12-15T10:00:00.");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out _))
        {
            return Problems.Validation("timeZoneId",
                $"Неизвестный часовой пояс «{TimeZoneId}»; нужен идентификатор IANA, например Asia/Almaty. / Unknown time zone '{TimeZoneId}'; give an IANA id such as Asia/Almaty.");
        }

        if (!string.IsNullOrWhiteSpace(VideoLink)
            && !(Uri.TryCreate(VideoLink, UriKind.Absolute, out var link) && (link.Scheme == Uri.UriSchemeHttps || link.Scheme == Uri.UriSchemeHttp)))
        {
            return Problems.Validation("videoLink", "Ссылка должна быть абсолютной ссылкой http(s). / The link must be an absolute http(s) URL.");
        }

        return null;
    }

    internal MeetingSchedule ToSchedule() => new(
        LocalStart!.Value,
        TimeZoneId,
        Format!.Value,
        string.IsNullOrWhiteSpace(Place) ? null : Place.Trim(),
        string.IsNullOrWhiteSpace(VideoLink) ? null : new Uri(VideoLink, UriKind.Absolute));
}
