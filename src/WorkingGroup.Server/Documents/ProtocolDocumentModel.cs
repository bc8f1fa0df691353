using WorkingGroup.Domain.Agenda;
using WorkingGroup.Domain.Attendance;
using WorkingGroup.Domain.Meetings;
using WorkingGroup.Domain.Protocols;

namespace WorkingGroup.Server.Documents;

/// <summary>
/// Everything the protocol document shows, already resolved to names, local dates and offsets, so
/// that rendering is a pure function of this value: the same model gives the same bytes on any
/// machine, whatever its time-zone data or culture (R-3.10 binds the rendered bytes).
/// </summary>
/// <param name="Title">The meeting's title, shown under the heading, e.g. "Заседание № 3".</param>
/// <param name="LocalStart">The wall-clock start where the meeting is held.</param>
/// <param name="TimeZoneId">The meeting's IANA time zone, e.g. Asia/Almaty.</param>
/// <param name="UtcOffset">The zone's offset from UTC at <paramref name="LocalStart"/>.</param>
/// <param name="Format">In person, video or hybrid .</param>
/// <param name="Place">Where the meeting is held; none for a video meeting.</param>
/// <param name="VideoLink">The link for a video or hybrid meeting .</param>
/// <param name="Sides">The attendance of each side, RU first .</param>
/// <param name="Agenda">The approved agenda .</param>
/// <param name="Proceedings">The secretary's text of the protocol, one paragraph per line.</param>
/// <param name="WrittenOpinions">The opinions of absent members attached to the protocol .</param>
/// <param name="Decisions">The recommendations recorded at the meeting .</param>
/// <param name="Signatories">The four places of: co-chair and secretary of each side.</param>
internal sealed record ProtocolDocumentModel(
    string Title,
    DateTime LocalStart,
    string TimeZoneId,
    TimeSpan UtcOffset,
    MeetingFormat Format,
    string? Place,
    Uri? VideoLink,
    IReadOnlyList<SideAttendance> Sides,
    IReadOnlyList<AgendaLine> Agenda,
    string Proceedings,
    IReadOnlyList<OpinionLine> WrittenOpinions,
    IReadOnlyList<DecisionLine> Decisions,
    IReadOnlyList<SignatoryLine> Signatories);

/// <summary>One side's composition on the meeting date, who of it attended, and the quorum counted at opening .</summary>
internal sealed record SideAttendance(Side Side, IReadOnlyList<Participant> Participants, int Present, int Members, int Required, bool IsQuorate);

/// <summary>A member of a side's composition and how they took part .</summary>
internal sealed record Participant(string FullName, MemberRole Role, Presence Presence);

/// <summary>A question of the agenda with its task category .</summary>
internal sealed record AgendaLine(int Number, string Title, TaskCategory Category);

/// <summary>The written opinion of an absent member on an agenda question, and whether it was read out .</summary>
internal sealed record OpinionLine(string AuthorFullName, Side Side, int AgendaItemNumber, string Text, bool IsReadOut);

/// <summary>A recommendation recorded under an agenda question, with its assignments .</summary>
internal sealed record DecisionLine(int AgendaItemNumber, TaskCategory Category, string Text, IReadOnlyList<AssignmentLine> Assignments);

/// <summary>An assignment: executor (a member or a body of one side), due date in the meeting's zone, expected result.</summary>
internal sealed record AssignmentLine(string Executor, Side Side, DateOnly DueDate, string ExpectedResult);

/// <summary>
/// A place in the signature block. For a co-chair's place signed by the deputy,
/// <paramref name="ActingForFullName"/> names the absent co-chair.
/// </summary>
internal sealed record SignatoryLine(Side Side, SignatoryRole Role, string FullName, string? ActingForFullName);
