using Stateless;
using WorkingGroup.Domain.Common;

namespace WorkingGroup.Domain.Composition;

/// <summary>The stages of a change to one side's composition .</summary>
public enum CompositionChangeState
{
    Pending,
    Approved,
    Rejected,
}

internal enum CompositionChangeTrigger
{
    Approve,
    Reject,
}

/// <summary>Whether a person joins a side in a position or leaves it.</summary>
public enum ChangeKind
{
    Join,
    Leave,
}

/// <summary>One line of a composition change; a change of position is a Leave and a Join of the same person.</summary>
public sealed record CompositionChangeItem(ChangeKind Kind, Guid PersonId, string FullName, MemberRole Role)
{
    public static CompositionChangeItem Join(Guid personId, string fullName, MemberRole role) =>
        new(ChangeKind.Join, personId, fullName, role);

    public static CompositionChangeItem Leave(Guid personId) =>
        new(ChangeKind.Leave, personId, string.Empty, MemberRole.Member);
}

/// <summary>
/// A proposed change to one side's composition, applied as a whole and only once that side's
/// co-chair (or the deputy acting for them) approves it.
/// </summary>
public sealed class CompositionChange
{
    private readonly List<CompositionChangeItem> _items = [];
    private StateMachine<CompositionChangeState, CompositionChangeTrigger>? _machine;
    private StateMachine<CompositionChangeState, CompositionChangeTrigger>.TriggerWithParameters<RuleSet>? _approve;

    internal CompositionChange(Side side, IEnumerable<CompositionChangeItem> items, Guid proposedBy, DateTimeOffset proposedAt)
    {
        Id = Guid.NewGuid();
        Side = side;
        _items.AddRange(items);
        ProposedBy = proposedBy;
        ProposedAt = proposedAt;
    }

    private CompositionChange()
    {
    }

    public Guid Id { get; private set; }

    public Side Side { get; private set; }

    public CompositionChangeState State { get; private set; }

    public IReadOnlyList<CompositionChangeItem> Items => _items;

    public Guid ProposedBy { get; private set; }

    public DateTimeOffset ProposedAt { get; private set; }

    public Guid? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? RejectionReason { get; private set; }

    private StateMachine<CompositionChangeState, CompositionChangeTrigger> Machine => _machine ??= Configure();

    internal static StateMachine<CompositionChangeState, CompositionChangeTrigger> Describe() => new CompositionChange().Configure();

    /// <summary>Approves with the rules of the composition after the change must keep.</summary>
    internal void Approve(Guid by, DateTimeOffset at, RuleSet lawfulComposition)
    {
        var machine = Machine;
        machine.FireChecked(_approve!, lawfulComposition);
        DecidedBy = by;
        DecidedAt = at;
    }

    internal void Reject(Guid by, DateTimeOffset at, string reason)
    {
        Machine.Fire(CompositionChangeTrigger.Reject);
        DecidedBy = by;
        DecidedAt = at;
        RejectionReason = reason;
    }

    private StateMachine<CompositionChangeState, CompositionChangeTrigger> Configure()
    {
        var machine = StateMachines.Create<CompositionChangeState, CompositionChangeTrigger>(
            "composition_change", () => State, s => State = s);

        _approve = machine.SetTriggerParameters<RuleSet>(CompositionChangeTrigger.Approve);

        machine.Configure(CompositionChangeState.Pending)
            .PermitIf(
                _approve,
                CompositionChangeState.Approved,
                GuardedTriggers.Guard<ChangeFitsCurrentComposition>("fits the current composition"),
                GuardedTriggers.Guard<PersonHoldsOnePlace>("one place per person (R-3.1)"),
                GuardedTriggers.Guard<OneCoChairDeputyAndSecretaryPerSide>("one co-chair, deputy and secretary per side (R-3.1)"))
            .Permit(CompositionChangeTrigger.Reject, CompositionChangeState.Rejected);

        return machine;
    }
}
