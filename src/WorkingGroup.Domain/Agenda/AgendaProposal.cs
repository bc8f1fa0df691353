using Stateless;
using WorkingGroup.Domain.Common;
using WorkingGroup.Domain.Composition;

namespace WorkingGroup.Domain.Agenda;

/// <summary>The stages of a member's agenda proposal .</summary>
public enum AgendaProposalState
{
    Proposed,
    Approved,
    Rejected,
}

internal enum AgendaProposalTrigger
{
    Approve,
    Reject,
}

/// <summary>A co-chair's approval of an agenda question, for their side, possibly acting for the co-chair .</summary>
public sealed record CoChairApproval(Side Side, Guid PersonId, Guid? ActingFor, DateTimeOffset At);

/// <summary>
/// A member's proposal of an agenda question. It becomes an agenda item only when the
/// co-chairs of both sides approve it; a rejection by either ends it (R-1.3: jointly, both approve).
/// </summary>
public sealed class AgendaProposal
{
    private readonly List<CoChairApproval> _approvals = [];
    private StateMachine<AgendaProposalState, AgendaProposalTrigger>? _machine;

    internal AgendaProposal(string title, TaskCategory category, Guid proposedBy, DateTimeOffset proposedAt)
    {
        Id = Guid.NewGuid();
        Title = title;
        Category = category;
        ProposedBy = proposedBy;
        ProposedAt = proposedAt;
    }

    private AgendaProposal()
    {
        Title = string.Empty;
    }

    public Guid Id { get; private set; }

    public string Title { get; private set; }

    public TaskCategory Category { get; private set; }

    public Guid ProposedBy { get; private set; }

    public DateTimeOffset ProposedAt { get; private set; }

    public AgendaProposalState State { get; private set; }

    public IReadOnlyList<CoChairApproval> Approvals => _approvals;

    public string? RejectionReason { get; private set; }

    private bool BothSidesApproved => _approvals.Select(a => a.Side).Distinct().Count() == 2;

    private StateMachine<AgendaProposalState, AgendaProposalTrigger> Machine => _machine ??= Configure();

    internal static StateMachine<AgendaProposalState, AgendaProposalTrigger> Describe() => new AgendaProposal().Configure();

    /// <summary>Records one side's approval; the second side's approval makes the proposal Approved. Returns true then.</summary>
    internal bool Approve(Actor coChair, DateTimeOffset at)
    {
        Rules.Check(new ProposalIsOpen(this), new OnlyActingCoChair(coChair));
        Rules.Check(new SideHasNotApprovedYet(this, coChair.Side!.Value));
        _approvals.Add(new CoChairApproval(coChair.Side.Value, coChair.PersonId, coChair.ActingFor, at));
        Machine.Fire(AgendaProposalTrigger.Approve);
        return State == AgendaProposalState.Approved;
    }

    internal void Reject(Actor coChair, string reason)
    {
        Rules.Check(new ProposalIsOpen(this), new OnlyActingCoChair(coChair), new TextIsGiven(reason, "reason"));
        Machine.Fire(AgendaProposalTrigger.Reject);
        RejectionReason = reason;
    }

    private StateMachine<AgendaProposalState, AgendaProposalTrigger> Configure()
    {
        var machine = StateMachines.Create<AgendaProposalState, AgendaProposalTrigger>(
            "agenda_proposal", () => State, s => State = s);

        machine.Configure(AgendaProposalState.Proposed)
            .PermitIf(AgendaProposalTrigger.Approve, AgendaProposalState.Approved, () => BothSidesApproved, "both co-chairs approved (R-1.3)")
            .InternalTransitionIf(AgendaProposalTrigger.Approve, _ => !BothSidesApproved, _ => { }, "awaiting the other co-chair (R-1.3)")
            .Permit(AgendaProposalTrigger.Reject, AgendaProposalState.Rejected);

        return machine;
    }

    /// <summary>A decided proposal is not decided again.</summary>
    private sealed record ProposalIsOpen(AgendaProposal Proposal) : IBusinessRule
    {
        public bool IsBroken() => Proposal.State != AgendaProposalState.Proposed;

        public DomainError Error => new(
            "agenda_proposal.transition_not_allowed", ErrorKind.Conflict,
            "Предложение в повестку уже рассмотрено.", "This agenda proposal has already been decided.");
    }

    /// <summary>R-1.3: each side's co-chair approves once; joint approval needs the other side.</summary>
    private sealed record SideHasNotApprovedYet(AgendaProposal Proposal, Side Side) : IBusinessRule
    {
        public bool IsBroken() => Proposal._approvals.Any(a => a.Side == Side);

        public DomainError Error => new(
            "agenda_proposal.already_approved_by_side", ErrorKind.Conflict,
            $"Сторона {Side} уже одобрила это предложение; нужно одобрение другой стороны (п. 1.3).",
            $"Side {Side} has already approved this proposal; the other side's approval is needed (R-1.3).");
    }
}
