using WorkingGroup.Domain.Agenda;
using WorkingGroup.Domain.Attendance;
using WorkingGroup.Domain.Composition;
using WorkingGroup.Domain.Materials;
using WorkingGroup.Domain.Meetings;
using WorkingGroup.Domain.Protocols;

namespace WorkingGroup.Domain.Tests.Support;

/// <summary>Drives a meeting through the procedure to the stage a test starts from.</summary>
internal static class Meetings
{
    /// <summary>15 April 2026, 10:00 in Almaty (UTC+5), in person.</summary>
    public static MeetingSchedule InAlmaty() =>
        new(new DateTime(2026, 4, 15, 10, 0, 0), "Asia/Almaty", MeetingFormat.InPerson, "Astana, Mangilik El 8", null);

    public static Meeting Drafted(Group group) => Meeting.Draft("Meeting No. 1", group.As(group.RuSecretary));

    public static Meeting FormingAgenda(Group group)
    {
        var meeting = Drafted(group);
        meeting.StartAgendaForming(group.As(group.RuSecretary));
        return meeting;
    }

    public static Meeting WithApprovedItem(Group group)
    {
        var meeting = FormingAgenda(group);
        var proposal = meeting.ProposeAgendaItem("Mutual recognition of qualifications", TaskCategory.Harmonisation, group.As(group.RuMembers[0]));
        meeting.ApproveAgendaProposal(proposal.Id, group.As(group.RuCoChair));
        meeting.ApproveAgendaProposal(proposal.Id, group.As(group.KzCoChair));
        return meeting;
    }

    public static Meeting ReadyToSchedule(Group group)
    {
        var meeting = WithApprovedItem(group);
        meeting.SetSchedule(InAlmaty(), group.As(group.RuCoChair));
        meeting.ApproveAgenda(group.As(group.RuCoChair));
        meeting.ApproveAgenda(group.As(group.KzCoChair));
        return meeting;
    }

    public static Meeting Scheduled(Group group)
    {
        var meeting = ReadyToSchedule(group);
        meeting.ScheduleMeeting(group.As(group.KzCoChair));
        return meeting;
    }

    public static Meeting CollectingMaterials(Group group)
    {
        var meeting = Scheduled(group);
        meeting.StartMaterialsCollection(group.As(group.RuSecretary));
        return meeting;
    }

    public static Meeting PackageDistributed(Group group)
    {
        var meeting = CollectingMaterials(group);
        MeetingPackage.Distribute(meeting, [], group.As(group.KzSecretary));
        return meeting;
    }

    public static void MarkAll(Group group, Meeting meeting, Side side, Presence presence)
    {
        foreach (var person in group.Everyone(side))
        {
            meeting.RecordAttendance(person, presence, group.As(group.RuSecretary));
        }
    }

    public static Meeting InSession(Group group)
    {
        var meeting = PackageDistributed(group);
        MarkAll(group, meeting, Side.RU, Presence.PresentInPerson);
        MarkAll(group, meeting, Side.KZ, Presence.PresentRemotely);
        group.Clock.SetUtcNow(InAlmaty().StartsAt);
        meeting.Open(group.As(group.RuCoChair));
        return meeting;
    }

    public static Meeting Held(Group group)
    {
        var meeting = InSession(group);
        meeting.CloseSession(group.As(group.KzCoChair));
        return meeting;
    }

    public static (Meeting Meeting, Protocol Protocol) UnderReview(Group group)
    {
        var meeting = Held(group);
        var protocol = Protocol.Draft(meeting, "Protocol No. 1: the group recommends ...", group.As(group.RuSecretary));
        protocol.SubmitForReview(meeting, group.As(group.RuSecretary));
        return (meeting, protocol);
    }

    public static (Meeting Meeting, Protocol Protocol) Signing(Group group)
    {
        var (meeting, protocol) = UnderReview(group);
        protocol.OpenForSigning(meeting, group.As(group.KzCoChair));
        return (meeting, protocol);
    }

    public static (Meeting Meeting, Protocol Protocol) Signed(Group group)
    {
        var (meeting, protocol) = Signing(group);
        protocol.Sign(Side.RU, SignatoryRole.CoChair, protocol.TextHash, meeting, group.As(group.RuCoChair));
        protocol.Sign(Side.KZ, SignatoryRole.CoChair, protocol.TextHash, meeting, group.As(group.KzCoChair));
        protocol.Sign(Side.RU, SignatoryRole.Secretary, protocol.TextHash, meeting, group.As(group.RuSecretary));
        protocol.Sign(Side.KZ, SignatoryRole.Secretary, protocol.TextHash, meeting, group.As(group.KzSecretary));
        return (meeting, protocol);
    }
}
