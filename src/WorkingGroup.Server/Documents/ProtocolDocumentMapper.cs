using WorkingGroup.Domain.Attendance;
using WorkingGroup.Domain.Decisions;
using WorkingGroup.Domain.Meetings;
using WorkingGroup.Domain.Protocols;

namespace WorkingGroup.Server.Documents;

/// <summary>
/// Builds the <see cref="ProtocolDocumentModel"/> of a held meeting from the domain's aggregates.
/// Everything is read as it stood at the meeting: the composition on the meeting date, the quorum
/// counted at opening, the due dates first given, so that the model does not drift while
/// assignments are extended later.
/// </summary>
internal static class ProtocolDocumentMapper
{
    public static ProtocolDocumentModel Map(
        Meeting meeting, Protocol protocol, IReadOnlyCollection<Decision> decisions, GroupComposition composition)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(composition);
        var schedule = meeting.Schedule
            ?? throw new InvalidOperationException($"Meeting {meeting.Id} has no schedule; a protocol is drafted only for a held meeting.");
        var quorum = meeting.QuorumAtOpening
            ?? throw new InvalidOperationException($"Meeting {meeting.Id} has not opened; a protocol is drafted only for a held meeting.");
        var at = schedule.StartsAt;
        var items = meeting.AgendaItems.ToDictionary(i => i.Id);

        return new ProtocolDocumentModel(
            meeting.Title,
            schedule.LocalStart,
            schedule.TimeZoneId,
            schedule.TimeZone.GetUtcOffset(at),
            schedule.Format,
            schedule.Place,
            schedule.VideoLink,
            [AttendanceOf(composition, meeting, quorum.Ru, at), AttendanceOf(composition, meeting, quorum.Kz, at)],
            [.. items.Values.OrderBy(i => i.Number).Select(i => new AgendaLine(i.Number, i.Title, i.Category))],
            protocol.Text,
            [.. meeting.WrittenOpinions
                .Where(o => protocol.AttachedOpinionIds.Contains(o.Id))
                .OrderBy(o => items[o.AgendaItemId].Number).ThenBy(o => o.FiledAt)
                .Select(o => new OpinionLine(
                    NameOf(composition, o.PersonId), SideOf(composition, o.PersonId, at),
                    items[o.AgendaItemId].Number, o.Text, o.IsReadOut))],
            [.. decisions
                .Where(d => d.MeetingId == meeting.Id)
                .OrderBy(d => items[d.AgendaItemId].Number).ThenBy(d => d.RecordedAt)
                .Select(d => new DecisionLine(
                    items[d.AgendaItemId].Number, d.Category, d.Text,
                    [.. d.Assignments.OrderBy(a => a.AssignedAt).Select(a => Assignment(composition, a, schedule))]))],
            [
                CoChairPlace(composition, meeting, Side.RU, at),
                CoChairPlace(composition, meeting, Side.KZ, at),
                SecretaryPlace(composition, Side.RU, at),
                SecretaryPlace(composition, Side.KZ, at),
            ]);
    }

    /// <summary>R-3.7: the side's roster on the meeting date in order of office, with the quorum counted at opening.</summary>
    private static SideAttendance AttendanceOf(GroupComposition composition, Meeting meeting, SideQuorum quorum, DateTimeOffset at)
    {
        var presence = meeting.Attendance.ToDictionary(a => a.PersonId, a => a.Presence);
        var participants = composition.MembersOf(quorum.Side, at)
            .OrderBy(m => m.Role).ThenBy(m => m.FullName, StringComparer.Ordinal)
            .Select(m => new Participant(m.FullName, m.Role, presence.GetValueOrDefault(m.PersonId, Presence.Absent)));
        return new SideAttendance(quorum.Side, [.. participants], quorum.Present, quorum.Members, quorum.Required, quorum.IsReached);
    }

    /// <summary>An assignment with the due date first given, as the protocol recorded it; extensions come later.</summary>
    private static AssignmentLine Assignment(GroupComposition composition, Assignment assignment, MeetingSchedule schedule)
    {
        var dueAt = assignment.Extensions.Count > 0 ? assignment.Extensions[0].PreviousDueAt : assignment.DueAt;
        var executor = assignment.Executor.PersonId is { } personId
            ? NameOf(composition, personId)
            : assignment.Executor.BodyName ?? string.Empty;
        return new AssignmentLine(
            executor,
            assignment.Executor.Side,
            DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(dueAt, schedule.TimeZone).DateTime),
            assignment.ExpectedResult);
    }

    /// <summary>R-3.3: the co-chair signs, or the deputy for a co-chair absent from the meeting.</summary>
    private static SignatoryLine CoChairPlace(GroupComposition composition, Meeting meeting, Side side, DateTimeOffset at)
    {
        var coChair = composition.MembersOf(side, at).Single(m => m.Role == MemberRole.CoChair);
        return composition.ActingCoChair(side, at, meeting.AbsentPersonIds) is { IsDeputy: true } deputy
            ? new SignatoryLine(side, SignatoryRole.CoChair, NameOf(composition, deputy.PersonId), coChair.FullName)
            : new SignatoryLine(side, SignatoryRole.CoChair, coChair.FullName, null);
    }

    private static SignatoryLine SecretaryPlace(GroupComposition composition, Side side, DateTimeOffset at) =>
        new(side, SignatoryRole.Secretary, composition.MembersOf(side, at).Single(m => m.Role == MemberRole.ExecutiveSecretary).FullName, null);

    private static string NameOf(GroupComposition composition, Guid personId) =>
        composition.Memberships.Where(m => m.PersonId == personId).OrderByDescending(m => m.Since).FirstOrDefault()?.FullName
        ?? personId.ToString();

    private static Side SideOf(GroupComposition composition, Guid personId, DateTimeOffset at) =>
        (composition.MembershipOf(personId, at) ?? composition.Memberships.First(m => m.PersonId == personId)).Side;
}
