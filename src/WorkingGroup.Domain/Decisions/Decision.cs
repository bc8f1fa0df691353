using WorkingGroup.Domain.Agenda;
using WorkingGroup.Domain.Attendance;
using WorkingGroup.Domain.Common;
using WorkingGroup.Domain.Composition;
using WorkingGroup.Domain.Meetings;

namespace WorkingGroup.Domain.Decisions;

/// <summary>
/// A decision of the working group: a recommendation recorded at a quorate meeting,
/// under the task category of its agenda item, with the assignments the co-chairs give.
/// </summary>
public sealed class Decision
{
    private readonly List<Assignment> _assignments = [];

    private Decision()
    {
        Text = string.Empty;
        Quorum = null!;
    }

    public Guid Id { get; private set; }

    public Guid MeetingId { get; private set; }

    public Guid AgendaItemId { get; private set; }

    public TaskCategory Category { get; private set; }

    public string Text { get; private set; }

    /// <summary>The quorum counted when the decision was recorded .</summary>
    public QuorumSnapshot Quorum { get; private set; }

    public Guid RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public IReadOnlyList<Assignment> Assignments => _assignments;

    /// <summary>R-3.7, R-3.4: records a decision during the session, only while each side is quorate.</summary>
    public static Decision Record(Meeting meeting, Guid agendaItemId, string text, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(caller);
        Rules.Check(new DecisionsAreTakenInSession(meeting));
        Rules.Check(new OnlySecretaryOrActingCoChair(meeting.Identify(caller)), new TextIsGiven(text, "text"));
        var item = meeting.FindAgendaItem(agendaItemId);
        var quorum = meeting.CurrentQuorum(caller);
        Rules.Check(new QuorumOnEachSide(quorum));
        return new Decision
        {
            Id = Guid.NewGuid(),
            MeetingId = meeting.Id,
            AgendaItemId = item.Id,
            Category = item.Category,
            Text = text,
            Quorum = quorum,
            RecordedBy = caller.PersonId,
            RecordedAt = caller.Now,
        };
    }

    /// <summary>R-3.2: a co-chair gives a member an assignment under this decision.</summary>
    public Assignment AssignToMember(Guid executorId, DateTimeOffset dueAt, string expectedResult, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var executor = caller.Composition.MembershipOf(executorId, caller.Now)
            ?? throw Rules.Refuse(
                "composition.not_a_member", ErrorKind.RuleViolation,
                "Исполнитель не входит в состав рабочей группы.", "The executor is not in the working group's composition.");
        return Assign(new Executor(executor.Side, executorId, null), dueAt, expectedResult, caller);
    }

    /// <summary>R-3.2: a co-chair gives an assignment to a named body of one side.</summary>
    public Assignment AssignToBody(Side side, string bodyName, DateTimeOffset dueAt, string expectedResult, Caller caller)
    {
        Rules.Check(new TextIsGiven(bodyName, "bodyName"));
        return Assign(new Executor(side, null, bodyName), dueAt, expectedResult, caller);
    }

    private Assignment Assign(Executor executor, DateTimeOffset dueAt, string expectedResult, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        Rules.Check(
            new OnlyActingCoChair(caller.Composition.Identify(caller.PersonId, caller.Now)),
            new TextIsGiven(expectedResult, "expectedResult"),
            new DueDateLiesAhead(dueAt, caller.Now));
        var assignment = new Assignment(Id, executor, dueAt, expectedResult, caller.PersonId, caller.Now);
        _assignments.Add(assignment);
        return assignment;
    }

    /// <summary>R-3.7: decisions are recorded at the session, not before it opens nor after it closes.</summary>
    private sealed record DecisionsAreTakenInSession(Meeting Meeting) : IBusinessRule
    {
        public bool IsBroken() => Meeting.State != MeetingState.InSession;

        public DomainError Error => new(
            "decision.meeting_not_in_session", ErrorKind.Conflict,
            "Решения принимаются только во время заседания.", "Decisions are recorded only while the meeting is in session.");
    }
}
