using WorkingGroup.Domain.Agenda;
using WorkingGroup.Domain.Composition;
using WorkingGroup.Domain.Tests.Support;

namespace WorkingGroup.Domain.Tests.Agenda;

public sealed class AgendaApprovalTests
{
    private readonly Group _group = new();

    [Fact]
    public void Agenda_R1_3_is_approved_once_by_each_side_co_chair()
    {
        var meeting = Support.Meetings.WithApprovedItem(_group);

        meeting.ApproveAgenda(_group.As(_group.KzCoChair));
        meeting.ApproveAgenda(_group.As(_group.RuCoChair));

        Assert.Equal([Side.KZ, Side.RU], meeting.AgendaApprovals.Select(a => a.Side));
    }

    [Fact]
    public void Agenda_R1_3_is_not_approved_twice_for_one_side()
    {
        var meeting = Support.Meetings.WithApprovedItem(_group);
        meeting.ApproveAgenda(_group.As(_group.KzCoChair));

        Refusal.Expect("agenda.already_approved_by_side", () => meeting.ApproveAgenda(_group.As(_group.KzCoChair)));
    }

    [Fact]
    public void Agenda_R3_2_is_approved_by_co_chairs_only()
    {
        var meeting = Support.Meetings.WithApprovedItem(_group);

        Refusal.Expect("actor.not_acting_co_chair", () => meeting.ApproveAgenda(_group.As(_group.KzSecretary)));
        Refusal.Expect("actor.not_acting_co_chair", () => meeting.ApproveAgenda(_group.As(_group.Outsider)));
    }

    [Fact]
    public void Agenda_without_items_cannot_be_approved()
    {
        var meeting = Support.Meetings.FormingAgenda(_group);

        Refusal.Expect("agenda.incomplete", () => meeting.ApproveAgenda(_group.As(_group.KzCoChair)));
    }

    [Fact]
    public void Agenda_with_a_proposal_awaiting_decision_cannot_be_approved()
    {
        var meeting = Support.Meetings.WithApprovedItem(_group);
        meeting.ProposeAgendaItem("Pending", TaskCategory.Coordination, _group.As(_group.RuMembers[1]));

        Refusal.Expect("agenda.incomplete", () => meeting.ApproveAgenda(_group.As(_group.KzCoChair)));
    }

    [Fact]
    public void Agenda_R1_3_approvals_are_withdrawn_when_a_question_is_added()
    {
        var meeting = Support.Meetings.WithApprovedItem(_group);
        meeting.ApproveAgenda(_group.As(_group.KzCoChair));
        var late = meeting.ProposeAgendaItem("Added later", TaskCategory.Coordination, _group.As(_group.RuMembers[1]));

        meeting.ApproveAgendaProposal(late.Id, _group.As(_group.RuCoChair));
        meeting.ApproveAgendaProposal(late.Id, _group.As(_group.KzCoChair));

        Assert.Empty(meeting.AgendaApprovals);
        Assert.Equal(2, meeting.AgendaItems.Count);
    }

    [Fact]
    public void Agenda_is_closed_once_the_meeting_is_scheduled()
    {
        var meeting = Support.Meetings.Scheduled(_group);

        Refusal.Expect("agenda.closed", () => meeting.ApproveAgenda(_group.As(_group.KzCoChair)));
        Refusal.Expect("agenda.closed", () => meeting.ProposeAgendaItem("x", TaskCategory.Coordination, _group.As(_group.RuMembers[0])));
    }
}
