using WorkingGroup.Domain.Attendance;
using WorkingGroup.Domain.Composition;
using WorkingGroup.Domain.Meetings;
using WorkingGroup.Domain.Protocols;
using WorkingGroup.Domain.Tests.Support;

namespace WorkingGroup.Domain.Tests.Meetings;

public sealed class MeetingClosingTests
{
    private readonly Group _group = new();

    [Fact]
    public void Meeting_R3_2_session_is_closed_by_a_co_chair()
    {
        var meeting = Support.Meetings.InSession(_group);

        Refusal.Expect("actor.not_acting_co_chair", () => meeting.CloseSession(_group.As(_group.RuSecretary)));
        meeting.CloseSession(_group.As(_group.RuCoChair));

        Assert.Equal(MeetingState.Held, meeting.State);
    }

    [Fact]
    public void Meeting_R3_5_session_cannot_close_before_written_opinions_are_read_out()
    {
        var meeting = Support.Meetings.PackageDistributed(_group);
        Support.Meetings.MarkAll(_group, meeting, Side.RU, Presence.PresentInPerson);
        Support.Meetings.MarkAll(_group, meeting, Side.KZ, Presence.PresentInPerson);
        meeting.RecordAttendance(_group.RuMembers[2], Presence.Absent, _group.As(_group.RuSecretary));
        var opinion = meeting.FileWrittenOpinion(meeting.AgendaItems[0].Id, "Against.", _group.As(_group.RuMembers[2]));
        meeting.Open(_group.As(_group.RuCoChair));

        Refusal.Expect("opinion.not_read_out", () => meeting.CloseSession(_group.As(_group.RuCoChair)));
        meeting.MarkOpinionReadOut(opinion.Id, _group.As(_group.RuSecretary));
        meeting.CloseSession(_group.As(_group.RuCoChair));

        Assert.Equal(MeetingState.Held, meeting.State);
    }

    [Fact]
    public void Meeting_moves_to_protocol_drafting_when_the_protocol_is_drafted_and_to_signing_with_it()
    {
        var meeting = Support.Meetings.Held(_group);

        var protocol = Protocol.Draft(meeting, "text", _group.As(_group.KzSecretary));
        Assert.Equal(MeetingState.ProtocolDrafting, meeting.State);
        protocol.SubmitForReview(meeting, _group.As(_group.KzSecretary));
        protocol.OpenForSigning(meeting, _group.As(_group.RuCoChair));

        Assert.Equal(MeetingState.ProtocolSigning, meeting.State);
    }

    [Fact]
    public void Meeting_R3_10_is_closed_by_a_co_chair_once_the_protocol_is_signed()
    {
        var (meeting, protocol) = Support.Meetings.Signed(_group);

        meeting.Close(protocol, _group.As(_group.KzCoChair));

        Assert.Equal(MeetingState.Closed, meeting.State);
    }

    [Fact]
    public void Meeting_R3_10_cannot_close_while_the_protocol_is_unsigned()
    {
        var (meeting, protocol) = Support.Meetings.Signing(_group);

        Refusal.Expect("protocol.not_signed", () => meeting.Close(protocol, _group.As(_group.KzCoChair)));
        Assert.Equal(MeetingState.ProtocolSigning, meeting.State);
    }

    [Fact]
    public void Meeting_R3_2_is_closed_by_a_co_chair_not_a_secretary()
    {
        var (meeting, protocol) = Support.Meetings.Signed(_group);

        Refusal.Expect("actor.not_acting_co_chair", () => meeting.Close(protocol, _group.As(_group.KzSecretary)));
    }

    [Fact]
    public void Meeting_cannot_be_closed_with_another_meeting_protocol()
    {
        var other = new Group();
        var (_, otherProtocol) = Support.Meetings.Signed(other);
        var (meeting, _) = Support.Meetings.Signing(_group);

        Refusal.Expect("protocol.not_signed", () => meeting.Close(otherProtocol, _group.As(_group.KzCoChair)));
    }

    [Fact]
    public void Meeting_cannot_be_closed_before_it_is_held()
    {
        var (_, protocol) = Support.Meetings.Signed(new Group());
        var meeting = Support.Meetings.InSession(_group);

        Refusal.Expect("meeting.transition_not_allowed", () => meeting.Close(protocol, _group.As(_group.KzCoChair)));
    }
}
