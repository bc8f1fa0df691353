using Stateless;
using WorkingGroup.Domain.Common;
using WorkingGroup.Domain.Composition;

namespace WorkingGroup.Domain.Decisions;

/// <summary>The stages of an assignment (decision control, from ).</summary>
public enum AssignmentState
{
    Assigned,
    InProgress,
    ReportSubmitted,
    Verified,
    Returned,
    Cancelled,
}

internal enum AssignmentTrigger
{
    Start,
    SubmitReport,
    Verify,
    Return,
    Extend,
    Cancel,
}

/// <summary>
/// An assignment (поручение) under a decision: executor, due date, expected result. The executor
/// reports; the secretary of the executor's side verifies or returns; a co-chair extends or
/// cancels with a reason. Overdue is derived from the clock, never set by hand.
/// </summary>
public sealed class Assignment
{
    private readonly List<Extension> _extensions = [];
    private StateMachine<AssignmentState, AssignmentTrigger>? _machine;
    private StateMachine<AssignmentState, AssignmentTrigger>.TriggerWithParameters<RuleSet>? _extend;

    internal Assignment(Guid decisionId, Executor executor, DateTimeOffset dueAt, string expectedResult, Guid assignedBy, DateTimeOffset assignedAt)
    {
        Id = Guid.NewGuid();
        DecisionId = decisionId;
        Executor = executor;
        DueAt = dueAt;
        ExpectedResult = expectedResult;
        AssignedBy = assignedBy;
        AssignedAt = assignedAt;
    }

    private Assignment()
    {
        Executor = null!;
        ExpectedResult = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid DecisionId { get; private set; }

    public Executor Executor { get; private set; }

    public DateTimeOffset DueAt { get; private set; }

    public string ExpectedResult { get; private set; }

    public Guid AssignedBy { get; private set; }

    public DateTimeOffset AssignedAt { get; private set; }

    public AssignmentState State { get; private set; }

    public string? Report { get; private set; }

    /// <summary>Why the report was returned, or why the assignment was cancelled.</summary>
    public string? Reason { get; private set; }

    public IReadOnlyList<Extension> Extensions => _extensions;

    private StateMachine<AssignmentState, AssignmentTrigger> Machine => _machine ??= Configure();

    internal static StateMachine<AssignmentState, AssignmentTrigger> Describe() => new Assignment().Configure();

    /// <summary>Past due and neither verified nor cancelled, by the injected clock.</summary>
    public bool IsOverdue(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return State is not (AssignmentState.Verified or AssignmentState.Cancelled) && clock.GetUtcNow() > DueAt;
    }

    /// <summary>The executor starts the work, or resumes it after a returned report.</summary>
    public void Start(Caller caller) => AsExecutor(AssignmentTrigger.Start, caller);

    /// <summary>The executor reports on the result.</summary>
    public void SubmitReport(string report, Caller caller)
    {
        Rules.Check(new TextIsGiven(report, "report"));
        AsExecutor(AssignmentTrigger.SubmitReport, caller);
        Report = report;
    }

    /// <summary>R-3.4: the secretary of the executor's side accepts the report.</summary>
    public void Verify(Caller caller) => AsSecretary(AssignmentTrigger.Verify, null, caller);

    /// <summary>R-3.4: the secretary of the executor's side returns the report, with a reason.</summary>
    public void Return(string reason, Caller caller) => AsSecretary(AssignmentTrigger.Return, reason, caller);

    /// <summary>R-3.2: a co-chair moves the due date later, with a reason; the history is kept.</summary>
    public void Extend(DateTimeOffset newDueAt, string reason, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var machine = Machine;
        Rules.Check(new OnlyActingCoChair(caller.Composition.Identify(caller.PersonId, caller.Now)), new TextIsGiven(reason, "reason"));
        machine.FireChecked(_extend!, new RuleSet(new DueDateLiesAhead(newDueAt, DueAt > caller.Now ? DueAt : caller.Now)));
        _extensions.Add(new Extension(DueAt, newDueAt, reason, caller.PersonId, caller.Now));
        DueAt = newDueAt;
    }

    /// <summary>R-3.2: a co-chair cancels an assignment not yet verified, with a reason.</summary>
    public void Cancel(string reason, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        Machine.EnsureCanFire(AssignmentTrigger.Cancel);
        Rules.Check(new OnlyActingCoChair(caller.Composition.Identify(caller.PersonId, caller.Now)), new TextIsGiven(reason, "reason"));
        Machine.Fire(AssignmentTrigger.Cancel);
        Reason = reason;
    }

    private void AsExecutor(AssignmentTrigger trigger, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        Machine.EnsureCanFire(trigger);
        Rules.Check(new OnlyExecutor(this, caller.Composition.Identify(caller.PersonId, caller.Now)));
        Machine.Fire(trigger);
    }

    private void AsSecretary(AssignmentTrigger trigger, string? reason, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        Machine.EnsureCanFire(trigger);
        Rules.Check(new OnlySecretaryOfExecutorSide(this, caller.Composition.Identify(caller.PersonId, caller.Now)));
        if (trigger == AssignmentTrigger.Return)
        {
            Rules.Check(new TextIsGiven(reason, "reason"));
        }

        Machine.Fire(trigger);
        Reason = reason;
    }

    private StateMachine<AssignmentState, AssignmentTrigger> Configure()
    {
        var machine = StateMachines.Create<AssignmentState, AssignmentTrigger>("assignment", () => State, s => State = s);
        var extend = machine.SetTriggerParameters<RuleSet>(AssignmentTrigger.Extend);
        _extend = extend;
        var laterDueDate = GuardedTriggers.Guard<DueDateLiesAhead>("new due date later than the old one and now");

        machine.Configure(AssignmentState.Assigned)
            .Permit(AssignmentTrigger.Start, AssignmentState.InProgress)
            .Permit(AssignmentTrigger.SubmitReport, AssignmentState.ReportSubmitted)
            .PermitReentryIf(extend, laterDueDate)
            .Permit(AssignmentTrigger.Cancel, AssignmentState.Cancelled);
        machine.Configure(AssignmentState.InProgress)
            .Permit(AssignmentTrigger.SubmitReport, AssignmentState.ReportSubmitted)
            .PermitReentryIf(extend, laterDueDate)
            .Permit(AssignmentTrigger.Cancel, AssignmentState.Cancelled);
        machine.Configure(AssignmentState.ReportSubmitted)
            .Permit(AssignmentTrigger.Verify, AssignmentState.Verified)
            .Permit(AssignmentTrigger.Return, AssignmentState.Returned)
            .Permit(AssignmentTrigger.Cancel, AssignmentState.Cancelled);
        machine.Configure(AssignmentState.Returned)
            .Permit(AssignmentTrigger.Start, AssignmentState.InProgress)
            .Permit(AssignmentTrigger.SubmitReport, AssignmentState.ReportSubmitted)
            .PermitReentryIf(extend, laterDueDate)
            .Permit(AssignmentTrigger.Cancel, AssignmentState.Cancelled);

        return machine;
    }
}
