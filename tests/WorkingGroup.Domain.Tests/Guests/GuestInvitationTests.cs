using WorkingGroup.Domain.Composition;
using WorkingGroup.Domain.Guests;
using WorkingGroup.Domain.Meetings;
using WorkingGroup.Domain.Tests.Support;

namespace WorkingGroup.Domain.Tests.Guests;

public sealed class GuestInvitationTests
{
    private readonly Group _group = new();
    private readonly Meeting _meeting;

    public GuestInvitationTests()
    {
        _meeting = Support.Meetings.Scheduled(_group);
    }

    private GuestInvitation Propose(GuestRole role = GuestRole.Expert) =>
        GuestInvitation.Propose(_meeting, "A. Expert", "expert@example.org", GuestCategory.IndependentExpert, role, _group.As(_group.RuMembers[0]));

    [Fact]
    public void Guest_R3_11_is_proposed_by_a_member_with_a_category()
    {
        var invitation = Propose();

        Assert.Equal((GuestInvitationState.Proposed, GuestCategory.IndependentExpert, _meeting.Id), (invitation.State, invitation.Category, invitation.MeetingId));
        Assert.False(invitation.GrantsReadAccessTo(_meeting.Id));
    }

    [Fact]
    public void Guest_R3_11_is_not_proposed_by_someone_outside_the_composition()
    {
        Refusal.Expect("actor.not_member",
            () => GuestInvitation.Propose(_meeting, "x", "x@example.org", GuestCategory.Business, GuestRole.Observer, _group.As(_group.Outsider)));
    }

    [Fact]
    public void Guest_needs_a_name_and_an_email()
    {
        Refusal.Expect("request.text_required",
            () => GuestInvitation.Propose(_meeting, " ", "x@example.org", GuestCategory.Business, GuestRole.Observer, _group.As(_group.RuMembers[0])));
        Refusal.Expect("request.text_required",
            () => GuestInvitation.Propose(_meeting, "x", "", GuestCategory.Business, GuestRole.Observer, _group.As(_group.RuMembers[0])));
    }

    [Fact]
    public void Guest_R3_11_approved_by_a_co_chair_reads_that_meeting_only()
    {
        var invitation = Propose();

        invitation.Approve(_meeting, _group.As(_group.KzCoChair));

        Assert.Equal(GuestInvitationState.Approved, invitation.State);
        Assert.True(invitation.GrantsReadAccessTo(_meeting.Id));
        Assert.False(invitation.GrantsReadAccessTo(Guid.NewGuid()));
    }

    [Fact]
    public void Guest_R3_11_is_approved_by_co_chairs_only()
    {
        var invitation = Propose();

        Refusal.Expect("actor.not_acting_co_chair", () => invitation.Approve(_meeting, _group.As(_group.KzSecretary)));
        Refusal.Expect("actor.not_acting_co_chair", () => invitation.Approve(_meeting, _group.As(_group.KzDeputy)));
    }

    [Fact]
    public void Guest_R3_11_rejected_with_a_reason_gets_no_access()
    {
        var invitation = Propose();

        Refusal.Expect("request.text_required", () => invitation.Reject("", _meeting, _group.As(_group.RuCoChair)));
        invitation.Reject("Not relevant to the agenda", _meeting, _group.As(_group.RuCoChair));

        Assert.Equal((GuestInvitationState.Rejected, "Not relevant to the agenda"), (invitation.State, invitation.RejectionReason));
        Assert.False(invitation.GrantsReadAccessTo(_meeting.Id));
        Refusal.Expect("guest_invitation.transition_not_allowed", () => invitation.Approve(_meeting, _group.As(_group.RuCoChair)));
    }

    [Fact]
    public void Guest_invitation_is_decided_with_its_own_meeting()
    {
        var invitation = Propose();

        Refusal.Expect("guest.other_meeting", () => invitation.Approve(Support.Meetings.Drafted(_group), _group.As(_group.RuCoChair)));
    }

    [Fact]
    public void Guest_R3_11_is_invited_only_to_a_meeting_still_to_be_held()
    {
        var group = new Group();
        var held = Support.Meetings.Held(group);

        Refusal.Expect("guest.meeting_over",
            () => GuestInvitation.Propose(held, "x", "x@example.org", GuestCategory.CisBody, GuestRole.Observer, group.As(group.RuMembers[0])));
    }

    [Theory]
    [InlineData(GuestRole.Expert, Roles.Expert)]
    [InlineData(GuestRole.Observer, Roles.Observer)]
    public void Guest_role_uses_the_shared_role_names(GuestRole role, string name)
    {
        Assert.Equal(name, Propose(role).RoleName);
    }
}
