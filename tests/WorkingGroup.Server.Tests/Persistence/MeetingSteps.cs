using WorkingGroup.Domain.Attendance;
using WorkingGroup.Domain.Composition;
using WorkingGroup.Domain.Meetings;
using WorkingGroup.Domain.Protocols;
using WorkingGroup.Domain.Tests.Support;

namespace WorkingGroup.Server.Tests.Persistence;

/// <summary>
/// The stages the persistence tests need beyond <see cref="Meetings"/>: a session with an absent member who filed a
/// written opinion, so that opinions and attendance are stored too.
/// </summary>
internal static class MeetingSteps
{
    /// <summary>In session with everyone present but the third RU member, who is absent and has filed a written opinion .</summary>
    public static Meeting InSession(Group group)
    {
        var meeting = Meetings.PackageDistributed(group);
        foreach (var person in group.Everyone(Side.RU).Except([group.RuMembers[2]]))
        {
            meeting.RecordAttendance(person, Presence.PresentInPerson, group.As(group.RuSecretary));
        }

        foreach (var person in group.Everyone(Side.KZ))
        {
            meeting.RecordAttendance(person, Presence.PresentRemotely, group.As(group.KzSecretary));
        }

        meeting.RecordAttendance(group.RuMembers[2], Presence.Absent, group.As(group.RuSecretary));
        meeting.FileWrittenOpinion(meeting.AgendaItems[0].Id, "I support the proposal.", group.As(group.RuMembers[2]));
        group.Clock.SetUtcNow(Meetings.InAlmaty().StartsAt);
        meeting.Open(group.As(group.RuCoChair));
        return meeting;
    }

    public static (Meeting Meeting, Protocol Protocol) Signing(Group group)
    {
        var meeting = InSession(group);
        meeting.MarkOpinionReadOut(meeting.WrittenOpinions[0].Id, group.As(group.RuSecretary));
        meeting.CloseSession(group.As(group.KzCoChair));
        var protocol = Protocol.Draft(meeting, "Protocol No. 1: the group recommends ...", group.As(group.RuSecretary));
        protocol.SubmitForReview(meeting, group.As(group.RuSecretary));
        protocol.OpenForSigning(meeting, group.As(group.KzCoChair));
        return (meeting, protocol);
    }
}
