using Stateless;
using WorkingGroup.Domain.Attendance;
using WorkingGroup.Domain.Common;
using WorkingGroup.Domain.Composition;
using WorkingGroup.Domain.Materials;
using WorkingGroup.Domain.Protocols;

namespace WorkingGroup.Domain.Meetings;

/// <summary>
/// A meeting of the working group and the regulation's rules on it: the co-chairs set agenda, time
/// and place; format and link; run by the co-chairs of both sides or acting
/// deputies; opens only with a quorum on each side; closes once the protocol is signed.
/// Agenda, attendance and written opinions live in the partial files beside this one.
/// </summary>
public sealed partial class Meeting
{
    private readonly Dictionary<MeetingTrigger, StateMachine<MeetingState, MeetingTrigger>.TriggerWithParameters<RuleSet>> _guarded = [];
    private StateMachine<MeetingState, MeetingTrigger>? _machine;

    private Meeting()
    {
        Title = string.Empty;
    }

    public Guid Id { get; private set; }

    public string Title { get; private set; }

    public MeetingState State { get; private set; }

    public MeetingSchedule? Schedule { get; private set; }

    /// <summary>The quorum counted when the meeting opened .</summary>
    public QuorumSnapshot? QuorumAtOpening { get; private set; }

    public string? PostponementReason { get; private set; }

    /// <summary>How many times the meeting was scheduled (1 at the first scheduling, +1 per reschedule): an invitation's revision (iCal SEQUENCE).</summary>
    public int ScheduleRevision { get; private set; }

    public string? CancellationReason { get; private set; }

    /// <summary>
    /// materials are due this many calendar days before the meeting's date. The regulation's 10 unless the
    /// meeting's procedure fixed another value (an administrator's parameter, <see cref="FixMaterialsDeadline"/>).
    /// </summary>
    public int MaterialsDeadlineDays { get; private set; } = MaterialsDeadline.DefaultDaysBeforeMeeting;

    /// <summary>R-3.9: the first instant a material is late (local midnight after the last day); null until scheduled.</summary>
    public DateTimeOffset? MaterialsLateFrom => Schedule is { } schedule ? MaterialsDeadline.LateFrom(schedule, MaterialsDeadlineDays) : null;

    private StateMachine<MeetingState, MeetingTrigger> Machine => _machine ??= Configure();

    internal static StateMachine<MeetingState, MeetingTrigger> Describe() => new Meeting().Configure();

    /// <summary>A secretary or co-chair starts preparing a meeting .</summary>
    public static Meeting Draft(string title, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        Rules.Check(new OnlySecretaryOrActingCoChair(Identify(caller, null)), new TextIsGiven(title, "title"));
        return new Meeting { Id = Guid.NewGuid(), Title = title };
    }

    /// <summary>Opens the meeting's agenda to members' proposals .</summary>
    public void StartAgendaForming(Caller caller)
    {
        Rules.Check(new OnlySecretaryOrActingCoChair(Identify(caller)));
        Machine.Fire(MeetingTrigger.FormAgenda);
    }

    /// <summary>The co-chairs set date, time, zone, place and format while the meeting is prepared or postponed.</summary>
    public void SetSchedule(MeetingSchedule schedule, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        Rules.Check(new MeetingIsBeingPrepared(this));
        Rules.Check(
            new OnlyActingCoChair(Identify(caller)),
            new TimeZoneIsKnown(schedule.TimeZoneId),
            new FormatHasWhatItNeeds(schedule));
        Rules.Check(new StartLiesAhead(schedule, caller.Now));
        Schedule = schedule;
    }

    /// <summary>R-3.2, R-1.3: a co-chair schedules the meeting once both co-chairs approved the agenda and the time is set.</summary>
    public void ScheduleMeeting(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        Rules.Check(new OnlyActingCoChair(Identify(caller)));
        FireChecked(
            MeetingTrigger.Schedule,
            new RuleSet(new ScheduleIsSet(this), new AgendaApprovedByBothCoChairs(this), new StartLiesAhead(Schedule, caller.Now)));
        ScheduleRevision++;
    }

    /// <summary>R-3.4: the secretary opens the collection of materials.</summary>
    public void StartMaterialsCollection(Caller caller)
    {
        Rules.Check(new OnlySecretary(Identify(caller)));
        Machine.Fire(MeetingTrigger.CollectMaterials);
    }

    /// <summary>
    /// the meeting's procedure fixes how many days before the meeting materials are due (its parameter, which an
    /// administrator may change for new meetings), until the package has gone out; materials submitted before keep the
    /// deadline they were judged by. Not a person's act: the procedure that runs the meeting sets it.
    /// </summary>
    public void FixMaterialsDeadline(int daysBeforeMeeting)
    {
        Rules.Check(new MaterialsDeadlineMayChange(this), new MaterialsDeadlineDaysInRange(daysBeforeMeeting));
        MaterialsDeadlineDays = daysBeforeMeeting;
    }

    /// <summary>R-3.9: moves the meeting on when its package goes out; see <see cref="MeetingPackage"/>.</summary>
    internal void DistributePackage(IReadOnlyCollection<Material> materials) =>
        FireChecked(MeetingTrigger.DistributePackage, new RuleSet(new NoMaterialAwaitsDecision(materials)));

    /// <summary>
    /// a co-chair (or acting deputy) opens the meeting when the chair of each side
    /// is present and each side is quorate; the quorum counted is kept with the meeting.
    /// </summary>
    public void Open(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        Rules.Check(new OnlyActingCoChair(Identify(caller)));
        var quorum = CurrentQuorum(caller);
        FireChecked(
            MeetingTrigger.Open,
            new RuleSet(new ChairOfEachSidePresent(this, caller.Composition, caller.Now), new QuorumOnEachSide(quorum)));
        QuorumAtOpening = quorum;
    }

    /// <summary>R-3.2, R-3.5: a co-chair closes the session once every written opinion has been read out.</summary>
    public void CloseSession(Caller caller)
    {
        Rules.Check(new OnlyActingCoChair(Identify(caller)));
        FireChecked(MeetingTrigger.CloseSession, new RuleSet(new AllWrittenOpinionsReadOut(this)));
    }

    internal void EnsureCanStartProtocol() => Machine.EnsureCanFire(MeetingTrigger.DraftProtocol);

    internal void ProtocolStarted() => Machine.Fire(MeetingTrigger.DraftProtocol);

    internal void ProtocolSentForSigning() => Machine.Fire(MeetingTrigger.SendProtocolForSigning);

    internal void ProtocolReturnedToDrafting() => Machine.Fire(MeetingTrigger.ReturnProtocolToDrafting);

    /// <summary>R-3.2, R-3.10: a co-chair closes the meeting's file once its protocol is signed.</summary>
    public void Close(Protocol protocol, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        Rules.Check(new OnlyActingCoChair(Identify(caller)));
        FireChecked(MeetingTrigger.Close, new RuleSet(new ProtocolIsSigned(protocol, this)));
    }

    /// <summary>R-3.2: a co-chair postpones a meeting that has not opened yet, with a reason.</summary>
    public void Postpone(string reason, Caller caller)
    {
        Rules.Check(new OnlyActingCoChair(Identify(caller)), new TextIsGiven(reason, "reason"));
        Machine.Fire(MeetingTrigger.Postpone);
        PostponementReason = reason;
    }

    /// <summary>R-3.2: a co-chair sets a new time for a postponed meeting; attendance is taken afresh.</summary>
    public void Reschedule(MeetingSchedule schedule, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(caller);
        Machine.EnsureCanFire(MeetingTrigger.Reschedule);
        SetSchedule(schedule, caller);
        Machine.Fire(MeetingTrigger.Reschedule);
        ScheduleRevision++;
        _attendance.Clear();
        PostponementReason = null;
    }

    /// <summary>R-3.2: a co-chair cancels a meeting that has not opened, with a reason.</summary>
    public void Cancel(string reason, Caller caller)
    {
        Rules.Check(new OnlyActingCoChair(Identify(caller)), new TextIsGiven(reason, "reason"));
        Machine.Fire(MeetingTrigger.Cancel);
        CancellationReason = reason;
    }

    /// <summary>R-3.7 now: the composition on the meeting date and who of it is marked present.</summary>
    internal QuorumSnapshot CurrentQuorum(Caller caller) =>
        QuorumSnapshot.Take(caller.Composition, Schedule?.StartsAt ?? caller.Now, _attendance, caller.Now);

    /// <summary>What the caller may do for this meeting: absences recorded at it count .</summary>
    internal Actor Identify(Caller caller) => Identify(caller, AbsentPersonIds);

    private static Actor Identify(Caller caller, IReadOnlyCollection<Guid>? absentAtMeeting)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Composition.Identify(caller.PersonId, caller.Now, absentAtMeeting);
    }

    private void FireChecked(MeetingTrigger trigger, RuleSet rules)
    {
        var machine = Machine;
        machine.FireChecked(_guarded[trigger], rules);
    }

    private StateMachine<MeetingState, MeetingTrigger> Configure()
    {
        var machine = StateMachines.Create<MeetingState, MeetingTrigger>("meeting", () => State, s => State = s);
        foreach (var trigger in new[] { MeetingTrigger.Schedule, MeetingTrigger.DistributePackage, MeetingTrigger.Open, MeetingTrigger.CloseSession, MeetingTrigger.Close })
        {
            _guarded[trigger] = machine.SetTriggerParameters<RuleSet>(trigger);
        }

        machine.Configure(MeetingState.Draft)
            .Permit(MeetingTrigger.FormAgenda, MeetingState.AgendaForming)
            .Permit(MeetingTrigger.Cancel, MeetingState.Cancelled);
        machine.Configure(MeetingState.AgendaForming)
            .PermitIf(
                _guarded[MeetingTrigger.Schedule],
                MeetingState.Scheduled,
                GuardedTriggers.Guard<ScheduleIsSet>("date, time and place set (R-3.2)"),
                GuardedTriggers.Guard<AgendaApprovedByBothCoChairs>("agenda approved by both co-chairs (R-1.3)"))
            .Permit(MeetingTrigger.Cancel, MeetingState.Cancelled);
        machine.Configure(MeetingState.Scheduled)
            .Permit(MeetingTrigger.CollectMaterials, MeetingState.MaterialsCollection)
            .Permit(MeetingTrigger.Postpone, MeetingState.Postponed)
            .Permit(MeetingTrigger.Cancel, MeetingState.Cancelled);
        machine.Configure(MeetingState.MaterialsCollection)
            .PermitIf(
                _guarded[MeetingTrigger.DistributePackage],
                MeetingState.PackageDistributed,
                GuardedTriggers.Guard<NoMaterialAwaitsDecision>("no material awaits a decision (R-3.9)"))
            .Permit(MeetingTrigger.Postpone, MeetingState.Postponed)
            .Permit(MeetingTrigger.Cancel, MeetingState.Cancelled);
        machine.Configure(MeetingState.PackageDistributed)
            .PermitIf(
                _guarded[MeetingTrigger.Open],
                MeetingState.InSession,
                GuardedTriggers.Guard<ChairOfEachSidePresent>("chair of each side present (R-3.6)"),
                GuardedTriggers.Guard<QuorumOnEachSide>("quorum on each side (R-3.7)"))
            .Permit(MeetingTrigger.Postpone, MeetingState.Postponed)
            .Permit(MeetingTrigger.Cancel, MeetingState.Cancelled);
        machine.Configure(MeetingState.InSession)
            .PermitIf(
                _guarded[MeetingTrigger.CloseSession],
                MeetingState.Held,
                GuardedTriggers.Guard<AllWrittenOpinionsReadOut>("written opinions read out (R-3.5)"));
        machine.Configure(MeetingState.Held)
            .Permit(MeetingTrigger.DraftProtocol, MeetingState.ProtocolDrafting);
        machine.Configure(MeetingState.ProtocolDrafting)
            .Permit(MeetingTrigger.SendProtocolForSigning, MeetingState.ProtocolSigning);
        machine.Configure(MeetingState.ProtocolSigning)
            .Permit(MeetingTrigger.ReturnProtocolToDrafting, MeetingState.ProtocolDrafting)
            .PermitIf(
                _guarded[MeetingTrigger.Close],
                MeetingState.Closed,
                GuardedTriggers.Guard<ProtocolIsSigned>("protocol signed (R-3.10)"));
        machine.Configure(MeetingState.Postponed)
            .Permit(MeetingTrigger.Reschedule, MeetingState.Scheduled)
            .Permit(MeetingTrigger.Cancel, MeetingState.Cancelled);

        return machine;
    }
}
