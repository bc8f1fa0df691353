using Stateless;
using WorkingGroup.Domain.Agenda;
using WorkingGroup.Domain.Common;
using WorkingGroup.Domain.Composition;

namespace WorkingGroup.Domain.Procedures;

/// <summary>The stages of a new version of a procedure on its way to publication .</summary>
public enum ProcedureReleaseState
{
    AwaitingApproval,
    Approved,
    Rejected,
}

internal enum ProcedureReleaseTrigger
{
    Approve,
    Reject,
}

/// <summary>
/// the procedures (workflow definitions) are part of the regulation, which the co-chairs approve;
/// a new version is published only after the co-chairs of both sides approve it.
/// </summary>
public sealed class ProcedureRelease
{
    private readonly List<CoChairApproval> _approvals = [];
    private StateMachine<ProcedureReleaseState, ProcedureReleaseTrigger>? _machine;

    private ProcedureRelease()
    {
        DefinitionId = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>The workflow definition's id, as the engine names it.</summary>
    public string DefinitionId { get; private set; }

    public int Version { get; private set; }

    public Guid RequestedBy { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public ProcedureReleaseState State { get; private set; }

    public IReadOnlyList<CoChairApproval> Approvals => _approvals;

    public string? RejectionReason { get; private set; }

    /// <summary>R-1.4: whether the engine may publish this version.</summary>
    public bool MayBePublished => State == ProcedureReleaseState.Approved;

    private bool BothSidesApproved => _approvals.Select(a => a.Side).Distinct().Count() == 2;

    private StateMachine<ProcedureReleaseState, ProcedureReleaseTrigger> Machine => _machine ??= Configure();

    internal static StateMachine<ProcedureReleaseState, ProcedureReleaseTrigger> Describe() => new ProcedureRelease().Configure();

    /// <summary>Asks the co-chairs to approve version <paramref name="version"/> of a procedure; administrators ask, outside the composition.</summary>
    public static ProcedureRelease Request(string definitionId, int version, Guid requestedBy, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(version);
        Rules.Check(new TextIsGiven(definitionId, "definitionId"));
        return new ProcedureRelease
        {
            Id = Guid.NewGuid(),
            DefinitionId = definitionId,
            Version = version,
            RequestedBy = requestedBy,
            RequestedAt = clock.GetUtcNow(),
        };
    }

    /// <summary>R-1.4, R-3.3: a co-chair (or acting deputy) approves for their side; both sides make it Approved.</summary>
    public void Approve(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        Machine.EnsureCanFire(ProcedureReleaseTrigger.Approve);
        var actor = caller.Composition.Identify(caller.PersonId, caller.Now);
        Rules.Check(new OnlyActingCoChair(actor));
        Rules.Check(new SideHasNotApprovedYet(this, actor.Side!.Value));
        _approvals.Add(new CoChairApproval(actor.Side.Value, actor.PersonId, actor.ActingFor, caller.Now));
        Machine.Fire(ProcedureReleaseTrigger.Approve);
    }

    /// <summary>R-1.4: a co-chair (or acting deputy) rejects the version, with a reason; it is not published.</summary>
    public void Reject(string reason, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        Machine.EnsureCanFire(ProcedureReleaseTrigger.Reject);
        Rules.Check(new OnlyActingCoChair(caller.Composition.Identify(caller.PersonId, caller.Now)), new TextIsGiven(reason, "reason"));
        Machine.Fire(ProcedureReleaseTrigger.Reject);
        RejectionReason = reason;
    }

    private StateMachine<ProcedureReleaseState, ProcedureReleaseTrigger> Configure()
    {
        var machine = StateMachines.Create<ProcedureReleaseState, ProcedureReleaseTrigger>(
            "procedure_release", () => State, s => State = s);

        machine.Configure(ProcedureReleaseState.AwaitingApproval)
            .PermitIf(ProcedureReleaseTrigger.Approve, ProcedureReleaseState.Approved, () => BothSidesApproved, "both co-chairs approved (R-1.4)")
            .InternalTransitionIf(ProcedureReleaseTrigger.Approve, _ => !BothSidesApproved, _ => { }, "awaiting the other co-chair (R-1.4)")
            .Permit(ProcedureReleaseTrigger.Reject, ProcedureReleaseState.Rejected);

        return machine;
    }

    /// <summary>R-1.4: each side's co-chair approves a version once.</summary>
    private sealed record SideHasNotApprovedYet(ProcedureRelease Release, Side Side) : IBusinessRule
    {
        public bool IsBroken() => Release._approvals.Any(a => a.Side == Side);

        public DomainError Error => new(
            "procedure_release.already_approved_by_side", ErrorKind.Conflict,
            $"Сторона {Side} уже утвердила эту версию процедуры; нужно утверждение другой стороны (п. 1.4).",
            $"Side {Side} has already approved this procedure version; the other side's approval is needed (R-1.4).");
    }
}
