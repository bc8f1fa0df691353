using WorkingGroup.Domain.Agenda;
using WorkingGroup.Domain.Common;
using WorkingGroup.Domain.Composition;

namespace WorkingGroup.Domain.Meetings;

/// <summary>The agenda of a meeting: members propose, both co-chairs decide each question and the whole .</summary>
public sealed partial class Meeting
{
    private readonly List<AgendaProposal> _agendaProposals = [];
    private readonly List<AgendaItem> _agendaItems = [];
    private readonly List<CoChairApproval> _agendaApprovals = [];

    public IReadOnlyList<AgendaProposal> AgendaProposals => _agendaProposals;

    public IReadOnlyList<AgendaItem> AgendaItems => _agendaItems;

    /// <summary>The co-chairs' approvals of the agenda as a whole; withdrawn when a question is added.</summary>
    public IReadOnlyList<CoChairApproval> AgendaApprovals => _agendaApprovals;

    /// <summary>R-3.5, R-2.1: a member proposes an agenda question with its task category.</summary>
    public AgendaProposal ProposeAgendaItem(string title, TaskCategory category, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var actor = Identify(caller);
        Rules.Check(new AgendaIsOpen(this));
        Rules.Check(new OnlyMember(actor), new TextIsGiven(title, "title"), new OtherTasksOnCoChairsProposal(category, actor));
        var proposal = new AgendaProposal(title, category, caller.PersonId, caller.Now);
        _agendaProposals.Add(proposal);
        return proposal;
    }

    /// <summary>R-1.3: a co-chair approves a proposal for their side; with both sides it joins the agenda.</summary>
    public void ApproveAgendaProposal(Guid proposalId, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        Rules.Check(new AgendaIsOpen(this));
        var proposal = FindProposal(proposalId);
        if (proposal.Approve(Identify(caller), caller.Now))
        {
            _agendaItems.Add(new AgendaItem(proposal.Id, proposal.Title, proposal.Category, _agendaItems.Count + 1));
            _agendaApprovals.Clear();
        }
    }

    /// <summary>R-1.3: a co-chair rejects a proposal, with a reason; joint approval is then impossible.</summary>
    public void RejectAgendaProposal(Guid proposalId, string reason, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        Rules.Check(new AgendaIsOpen(this));
        FindProposal(proposalId).Reject(Identify(caller), reason);
    }

    /// <summary>R-1.3, R-3.2: a co-chair approves the agenda as a whole for their side.</summary>
    public void ApproveAgenda(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var actor = Identify(caller);
        Rules.Check(new AgendaIsOpen(this));
        Rules.Check(new OnlyActingCoChair(actor));
        Rules.Check(new AgendaIsComplete(this), new SideHasNotApprovedAgendaYet(this, actor.Side!.Value));
        _agendaApprovals.Add(new CoChairApproval(actor.Side.Value, actor.PersonId, actor.ActingFor, caller.Now));
    }

    internal AgendaItem FindAgendaItem(Guid agendaItemId) =>
        _agendaItems.FirstOrDefault(i => i.Id == agendaItemId)
        ?? throw Rules.Refuse(
            "agenda.item_not_found", ErrorKind.RuleViolation,
            "Вопрос повестки не найден в этом заседании.", "The agenda item is not on this meeting's agenda.");

    private AgendaProposal FindProposal(Guid proposalId) =>
        _agendaProposals.FirstOrDefault(p => p.Id == proposalId)
        ?? throw Rules.Refuse(
            "agenda_proposal.not_found", ErrorKind.RuleViolation,
            "Предложение в повестку не найдено.", "The agenda proposal was not found.");

    /// <summary>Questions are proposed and decided only while the agenda is being formed.</summary>
    private sealed record AgendaIsOpen(Meeting Meeting) : IBusinessRule
    {
        public bool IsBroken() => Meeting.State != MeetingState.AgendaForming;

        public DomainError Error => new(
            "agenda.closed", ErrorKind.Conflict,
            "Повестка формируется только на этапе формирования повестки.",
            "The agenda can change only while it is being formed.");
    }

    /// <summary>R-2.1 е): "other tasks" come onto the agenda only on the co-chairs' proposal.</summary>
    private sealed record OtherTasksOnCoChairsProposal(TaskCategory Category, Actor Proposer) : IBusinessRule
    {
        public bool IsBroken() => Category == TaskCategory.OtherByCoChairs && !Proposer.IsActingCoChair;

        public DomainError Error => new(
            "agenda.other_tasks_by_co_chairs_only", ErrorKind.RuleViolation,
            "Иные задачи вносятся в повестку только по предложению сопредседателей (п. 2.1 «е»).",
            "Other tasks come onto the agenda only on a co-chair's proposal (R-2.1 e).");
    }
}
