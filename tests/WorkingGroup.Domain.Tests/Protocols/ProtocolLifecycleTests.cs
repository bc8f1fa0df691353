using WorkingGroup.Domain.Composition;
using WorkingGroup.Domain.Meetings;
using WorkingGroup.Domain.Protocols;
using WorkingGroup.Domain.Tests.Support;

namespace WorkingGroup.Domain.Tests.Protocols;

public sealed class ProtocolLifecycleTests
{
    private readonly Group _group = new();

    private (Meeting Meeting, Protocol Protocol) Drafting()
    {
        var meeting = Support.Meetings.Held(_group);
        return (meeting, Protocol.Draft(meeting, "Draft text", _group.As(_group.RuSecretary)));
    }

    private (Meeting Meeting, Protocol Protocol) UnderReview()
    {
        var (meeting, protocol) = Drafting();
        protocol.SubmitForReview(meeting, _group.As(_group.RuSecretary));
        return (meeting, protocol);
    }

    [Fact]
    public void Protocol_R3_4_is_drafted_by_a_secretary_of_a_held_meeting()
    {
        var (meeting, protocol) = Drafting();

        Assert.Equal((ProtocolState.Drafting, meeting.Id), (protocol.State, protocol.MeetingId));
        Assert.Equal(ProtocolText.Hash("Draft text"), protocol.TextHash);
    }

    [Fact]
    public void Protocol_R3_4_is_not_drafted_by_a_co_chair()
    {
        var meeting = Support.Meetings.Held(_group);

        Refusal.Expect("actor.not_secretary", () => Protocol.Draft(meeting, "x", _group.As(_group.RuCoChair)));
    }

    [Fact]
    public void Protocol_is_not_drafted_while_the_meeting_is_in_session()
    {
        var meeting = Support.Meetings.InSession(_group);

        Refusal.Expect("meeting.transition_not_allowed", () => Protocol.Draft(meeting, "x", _group.As(_group.RuSecretary)));
    }

    [Fact]
    public void Protocol_draft_is_edited_by_a_secretary()
    {
        var (meeting, protocol) = Drafting();

        Refusal.Expect("actor.not_secretary", () => protocol.Edit("x", meeting, _group.As(_group.KzMembers[0])));
        protocol.Edit("Second draft", meeting, _group.As(_group.KzSecretary));

        Assert.Equal(("Second draft", ProtocolState.Drafting), (protocol.Text, protocol.State));
    }

    [Fact]
    public void Protocol_is_submitted_for_review_by_a_secretary()
    {
        var (meeting, protocol) = Drafting();

        Refusal.Expect("actor.not_secretary", () => protocol.SubmitForReview(meeting, _group.As(_group.RuCoChair)));
        protocol.SubmitForReview(meeting, _group.As(_group.RuSecretary));

        Assert.Equal(ProtocolState.UnderReview, protocol.State);
    }

    [Fact]
    public void Protocol_under_review_cannot_be_edited_until_returned()
    {
        var (meeting, protocol) = UnderReview();

        Refusal.Expect("protocol.transition_not_allowed", () => protocol.Edit("x", meeting, _group.As(_group.RuSecretary)));
    }

    [Fact]
    public void Protocol_under_review_is_returned_for_rework_with_remarks_then_edited_back_to_drafting()
    {
        var (meeting, protocol) = UnderReview();

        Refusal.Expect("protocol.not_a_signatory", () => protocol.ReturnForRework("x", meeting, _group.As(_group.RuMembers[0])));
        Refusal.Expect("request.text_required", () => protocol.ReturnForRework(" ", meeting, _group.As(_group.KzCoChair)));
        protocol.ReturnForRework("Item 2 wording", meeting, _group.As(_group.KzCoChair));
        Assert.Equal((ProtocolState.Returned, "Item 2 wording"), (protocol.State, protocol.ReturnReason));

        protocol.Edit("Reworded", meeting, _group.As(_group.RuSecretary));

        Assert.Equal(ProtocolState.Drafting, protocol.State);
    }

    [Fact]
    public void Protocol_R3_2_is_opened_for_signing_by_a_co_chair()
    {
        var (meeting, protocol) = UnderReview();

        Refusal.Expect("actor.not_acting_co_chair", () => protocol.OpenForSigning(meeting, _group.As(_group.RuSecretary)));
        protocol.OpenForSigning(meeting, _group.As(_group.RuCoChair));

        Assert.Equal(ProtocolState.Signing, protocol.State);
        Assert.Equal(MeetingState.ProtocolSigning, meeting.State);
    }

    [Fact]
    public void Protocol_in_drafting_cannot_go_to_signing_without_review()
    {
        var (meeting, protocol) = Drafting();

        Refusal.Expect("protocol.transition_not_allowed", () => protocol.OpenForSigning(meeting, _group.As(_group.RuCoChair)));
    }

    [Fact]
    public void Protocol_in_signing_returned_for_rework_sends_the_meeting_back_to_protocol_drafting()
    {
        var (meeting, protocol) = Support.Meetings.Signing(_group);

        protocol.ReturnForRework("Wrong date", meeting, _group.As(_group.KzSecretary));

        Assert.Equal((ProtocolState.Returned, MeetingState.ProtocolDrafting), (protocol.State, meeting.State));
    }

    [Fact]
    public void Protocol_R3_10_signed_is_distributed_by_a_secretary_and_each_delivery_is_logged()
    {
        var (meeting, protocol) = Support.Meetings.Signed(_group);
        Refusal.Expect("protocol.transition_not_allowed", () => protocol.RecordDelivery(_group.RuMembers[0], DeliveryChannel.Email, _group.Clock));

        Refusal.Expect("actor.not_secretary", () => protocol.Distribute(meeting, _group.As(_group.RuCoChair)));
        protocol.Distribute(meeting, _group.As(_group.RuSecretary));
        protocol.RecordDelivery(_group.RuMembers[0], DeliveryChannel.Email, _group.Clock);
        protocol.RecordDelivery(_group.RuMembers[0], DeliveryChannel.InApp, _group.Clock);

        Assert.Equal(ProtocolState.Distributed, protocol.State);
        Assert.Equal([DeliveryChannel.Email, DeliveryChannel.InApp], protocol.Deliveries.Select(d => d.Channel));
    }

    [Fact]
    public void Protocol_is_not_distributed_before_it_is_signed()
    {
        var (meeting, protocol) = Support.Meetings.Signing(_group);

        Refusal.Expect("protocol.transition_not_allowed", () => protocol.Distribute(meeting, _group.As(_group.RuSecretary)));
    }

    [Fact]
    public void Protocol_signed_cannot_be_edited()
    {
        var (meeting, protocol) = Support.Meetings.Signed(_group);

        Refusal.Expect("protocol.transition_not_allowed", () => protocol.Edit("x", meeting, _group.As(_group.RuSecretary)));
    }

    [Fact]
    public void Protocol_is_handled_with_its_own_meeting_only()
    {
        var (_, protocol) = Drafting();
        var other = Support.Meetings.Drafted(_group);

        Refusal.Expect("protocol.other_meeting", () => protocol.SubmitForReview(other, _group.As(_group.RuSecretary)));
        Refusal.Expect("protocol.other_meeting", () => protocol.Sign(Side.RU, SignatoryRole.Secretary, protocol.TextHash, other, _group.As(_group.RuSecretary)));
    }
}
