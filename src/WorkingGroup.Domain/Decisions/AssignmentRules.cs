using WorkingGroup.Domain.Common;
using WorkingGroup.Domain.Composition;

namespace WorkingGroup.Domain.Decisions;

/// <summary>An assignment is due in the future, and an extension moves the due date later.</summary>
internal sealed record DueDateLiesAhead(DateTimeOffset DueAt, DateTimeOffset After) : IBusinessRule
{
    public bool IsBroken() => DueAt <= After;

    public DomainError Error => new(
        "assignment.due_date_not_ahead", ErrorKind.RuleViolation,
        "Срок исполнения должен быть позже текущего момента (и прежнего срока при продлении).",
        "The due date must lie ahead (and after the previous due date when extending).");
}

/// <summary>The executor reports: the member named, or a member of the side of the named body.</summary>
internal sealed record OnlyExecutor(Assignment Assignment, Actor Actor) : IBusinessRule
{
    public bool IsBroken() => Assignment.Executor.PersonId is { } personId
        ? Actor.PersonId != personId
        : !(Actor.IsMember && Actor.Side == Assignment.Executor.Side);

    public DomainError Error => new(
        "assignment.not_executor", ErrorKind.RuleViolation,
        "Это действие выполняет исполнитель поручения.", "Only the assignment's executor may do this.");
}

/// <summary>R-3.4: the secretary of the executor's side verifies or returns the report.</summary>
internal sealed record OnlySecretaryOfExecutorSide(Assignment Assignment, Actor Actor) : IBusinessRule
{
    public bool IsBroken() => !(Actor.IsSecretary && Actor.Side == Assignment.Executor.Side);

    public DomainError Error => new(
        "assignment.not_executor_side_secretary", ErrorKind.RuleViolation,
        "Отчёт проверяет ответственный секретарь стороны исполнителя (п. 3.4).",
        "The report is verified by the executive secretary of the executor's side (R-3.4).");
}
