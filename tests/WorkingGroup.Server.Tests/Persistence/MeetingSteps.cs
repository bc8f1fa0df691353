using WorkingGroup.Domain.Agenda;
using WorkingGroup.Domain.Attendance;
using WorkingGroup.Domain.Composition;
using WorkingGroup.Domain.Materials;
using WorkingGroup.Domain.Meetings;
using WorkingGroup.Domain.Protocols;
using WorkingGroup.Domain.Tests.Support;

namespace WorkingGroup.Server.Tests.Persistence;

/// <summary>Drives a meeting of a <see cref="Group"/> in memory through the procedure to the stage a test starts from.</summary>
internal static class MeetingSteps
{
    /// <summary>15 April 2026, 10:00 in Almaty, in person.</summary>
    public static MeetingSchedule InAlmaty() =>
        new(new DateTime(2026, 4, 15, 10, 0, 0), "Asia/Almaty", MeetingFormat.InPerson, "Astana, Mangilik El 8", null);

    public static Meeting WithApprovedItem(Group group)
    {
        var meeting = Meeting.Draft("Meeting No. 1", group.As(group.RuSecretary));
        meeting.StartAgendaForming(group.As(group.RuSecretary));
        var proposal = meeting.ProposeAgendaItem("Mutual recognition of qualifications", TaskCategory.Harmonisation, group.As(group.RuMembers[0]));
        meeting.ApproveAgendaProposal(proposal.Id, group.As(group.RuCoChair));
        meeting.ApproveAgendaProposal(proposal.Id, group.As(group.KzCoChair));
        return meeting;
    }

    public static Meeting CollectingMaterials(Group group)
    {
        var meeting = WithApprovedItem(group);
        meeting.SetSchedule(InAlmaty(), group.As(group.RuCoChair));
        meeting.ApproveAgenda(group.As(group.RuCoChair));
        meeting.ApproveAgenda(group.As(group.KzCoChair));
        meeting.ScheduleMeeting(group.As(group.KzCoChair));
        meeting.StartMaterialsCollection(group.As(group.RuSecretary));
        return meeting;
    }

    public static Meeting PackageDistributed(Group group)
    {
        var meeting = CollectingMaterials(group);
        MeetingPackage.Distribute(meeting, [], group.As(group.KzSecretary));
        return meeting;
    }

    /// <summary>In session with everyone present but the third RU member, who is absent and has filed a written opinion .</summary>
    public static Meeting InSession(Group group)
    {
        var meeting = PackageDistributed(group);
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
        group.Clock.SetUtcNow(InAlmaty().StartsAt);
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
