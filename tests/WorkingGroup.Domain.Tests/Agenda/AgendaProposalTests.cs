using WorkingGroup.Domain.Agenda;
using WorkingGroup.Domain.Composition;
using WorkingGroup.Domain.Meetings;
using WorkingGroup.Domain.Tests.Support;

namespace WorkingGroup.Domain.Tests.Agenda;

public sealed class AgendaProposalTests
{
    private readonly Group _group = new();
    private readonly Meeting _meeting;

    public AgendaProposalTests()
    {
        _meeting = Support.Meetings.FormingAgenda(_group);
    }

    private AgendaProposal Propose(TaskCategory category = TaskCategory.LegislationProposals) =>
        _meeting.ProposeAgendaItem("Labour market legislation", category, _group.As(_group.KzMembers[1]));

    [Fact]
    public void Agenda_proposal_R3_5_is_made_by_a_member_with_a_task_category_R2_1()
    {
        var proposal = Propose();

        Assert.Equal(AgendaProposalState.Proposed, proposal.State);
        Assert.Equal(TaskCategory.LegislationProposals, proposal.Category);
        Assert.Equal(_group.KzMembers[1], proposal.ProposedBy);
    }

    [Fact]
    public void Agenda_proposal_R3_5_is_not_made_by_someone_outside_the_composition()
    {
        Refusal.Expect("actor.not_member", () => _meeting.ProposeAgendaItem("x", TaskCategory.Coordination, _group.As(_group.Outsider)));
    }

    [Fact]
    public void Agenda_proposal_needs_a_title()
    {
        Refusal.Expect("request.text_required", () => _meeting.ProposeAgendaItem(" ", TaskCategory.Coordination, _group.As(_group.RuMembers[0])));
    }

    [Fact]
    public void Agenda_proposal_R2_1_of_other_tasks_is_made_by_a_co_chair_only()
    {
        Refusal.Expect("agenda.other_tasks_by_co_chairs_only", () => Propose(TaskCategory.OtherByCoChairs));

        var byCoChair = _meeting.ProposeAgendaItem("Other", TaskCategory.OtherByCoChairs, _group.As(_group.KzCoChair));

        Assert.Equal(TaskCategory.OtherByCoChairs, byCoChair.Category);
    }

    [Fact]
    public void Agenda_proposal_R1_3_approved_by_one_co_chair_stays_proposed()
    {
        var proposal = Propose();

        _meeting.ApproveAgendaProposal(proposal.Id, _group.As(_group.RuCoChair));

        Assert.Equal(AgendaProposalState.Proposed, proposal.State);
        Assert.Empty(_meeting.AgendaItems);
        Assert.Equal(Side.RU, Assert.Single(proposal.Approvals).Side);
    }

    [Fact]
    public void Agenda_proposal_R1_3_approved_by_both_co_chairs_joins_the_agenda_with_its_category()
    {
        var proposal = Propose();

        _meeting.ApproveAgendaProposal(proposal.Id, _group.As(_group.KzCoChair));
        _meeting.ApproveAgendaProposal(proposal.Id, _group.As(_group.RuCoChair));

        Assert.Equal(AgendaProposalState.Approved, proposal.State);
        var item = Assert.Single(_meeting.AgendaItems);
        Assert.Equal((proposal.Id, TaskCategory.LegislationProposals, 1), (item.ProposalId, item.Category, item.Number));
    }

    [Fact]
    public void Agenda_proposal_R1_3_cannot_be_approved_twice_by_the_same_side()
    {
        var proposal = Propose();
        _meeting.ApproveAgendaProposal(proposal.Id, _group.As(_group.RuCoChair));
        var now = _group.Clock.GetUtcNow();
        _group.Composition.RecordAbsence(_group.RuCoChair, now, now.AddDays(1), _group.RuCoChair, _group.Clock);

        Refusal.Expect("agenda_proposal.already_approved_by_side", () => _meeting.ApproveAgendaProposal(proposal.Id, _group.As(_group.RuDeputy)));
        Assert.Equal(AgendaProposalState.Proposed, proposal.State);
    }

    [Fact]
    public void Agenda_proposal_R3_3_is_approved_by_the_deputy_acting_for_an_absent_co_chair_and_records_it()
    {
        var proposal = Propose();
        var now = _group.Clock.GetUtcNow();
        _group.Composition.RecordAbsence(_group.KzCoChair, now, now.AddDays(1), _group.KzSecretary, _group.Clock);

        _meeting.ApproveAgendaProposal(proposal.Id, _group.As(_group.KzDeputy));

        Assert.Equal(_group.KzCoChair, Assert.Single(proposal.Approvals).ActingFor);
    }

    [Fact]
    public void Agenda_proposal_R1_3_is_decided_by_co_chairs_not_members()
    {
        var proposal = Propose();

        Refusal.Expect("actor.not_acting_co_chair", () => _meeting.ApproveAgendaProposal(proposal.Id, _group.As(_group.RuSecretary)));
        Refusal.Expect("actor.not_acting_co_chair", () => _meeting.ApproveAgendaProposal(proposal.Id, _group.As(_group.Outsider)));
        Refusal.Expect("actor.not_acting_co_chair", () => _meeting.RejectAgendaProposal(proposal.Id, "no", _group.As(_group.RuMembers[0])));
    }

    [Fact]
    public void Agenda_proposal_R1_3_rejected_by_either_co_chair_is_rejected()
    {
        var proposal = Propose();
        _meeting.ApproveAgendaProposal(proposal.Id, _group.As(_group.RuCoChair));

        _meeting.RejectAgendaProposal(proposal.Id, "Out of the group's remit", _group.As(_group.KzCoChair));

        Assert.Equal(AgendaProposalState.Rejected, proposal.State);
        Assert.Equal("Out of the group's remit", proposal.RejectionReason);
        Assert.Empty(_meeting.AgendaItems);
    }

    [Fact]
    public void Agenda_proposal_rejection_needs_a_reason()
    {
        var proposal = Propose();

        Refusal.Expect("request.text_required", () => _meeting.RejectAgendaProposal(proposal.Id, "", _group.As(_group.KzCoChair)));
    }

    [Fact]
    public void Agenda_proposal_once_decided_is_not_decided_again()
    {
        var rejected = Propose();
        _meeting.RejectAgendaProposal(rejected.Id, "no", _group.As(_group.KzCoChair));

        Refusal.Expect("agenda_proposal.transition_not_allowed", () => _meeting.ApproveAgendaProposal(rejected.Id, _group.As(_group.RuCoChair)));
        Refusal.Expect("agenda_proposal.transition_not_allowed", () => _meeting.RejectAgendaProposal(rejected.Id, "no", _group.As(_group.RuCoChair)));
    }

    [Fact]
    public void Agenda_proposal_unknown_is_refused()
    {
        Refusal.Expect("agenda_proposal.not_found", () => _meeting.ApproveAgendaProposal(Guid.NewGuid(), _group.As(_group.RuCoChair)));
    }

    [Fact]
    public void Agenda_proposals_are_made_only_while_the_agenda_is_formed()
    {
        var meeting = Support.Meetings.Drafted(_group);

        Refusal.Expect("agenda.closed", () => meeting.ProposeAgendaItem("x", TaskCategory.Coordination, _group.As(_group.RuMembers[0])));
    }
}
