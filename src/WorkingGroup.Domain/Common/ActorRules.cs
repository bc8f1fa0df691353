using WorkingGroup.Domain.Composition;

namespace WorkingGroup.Domain.Common;

/// <summary>R-3.2, R-3.3, R-3.6: only a co-chair, or the deputy acting for an absent co-chair, does this.</summary>
internal sealed record OnlyActingCoChair(Actor Actor) : IBusinessRule
{
    public bool IsBroken() => !Actor.IsActingCoChair;

    public DomainError Error => new(
        "actor.not_acting_co_chair",
        ErrorKind.RuleViolation,
        "Это действие выполняет сопредседатель или замещающий его заместитель (пп. 3.2, 3.3).",
        "Only a co-chair, or the deputy acting for an absent co-chair, may do this (R-3.2, R-3.3).");
}

/// <summary>R-3.4: the executive secretary organises meetings, keeps and sends out the minutes, checks execution.</summary>
internal sealed record OnlySecretary(Actor Actor) : IBusinessRule
{
    public bool IsBroken() => !Actor.IsSecretary;

    public DomainError Error => new(
        "actor.not_secretary",
        ErrorKind.RuleViolation,
        "Это действие выполняет ответственный секретарь (п. 3.4).",
        "Only an executive secretary may do this (R-3.4).");
}

/// <summary>R-3.2, R-3.4: preparing a meeting is the work of the secretaries and the co-chairs.</summary>
internal sealed record OnlySecretaryOrActingCoChair(Actor Actor) : IBusinessRule
{
    public bool IsBroken() => !(Actor.IsSecretary || Actor.IsActingCoChair);

    public DomainError Error => new(
        "actor.not_secretary_or_co_chair",
        ErrorKind.RuleViolation,
        "Это действие выполняет ответственный секретарь или сопредседатель (пп. 3.2, 3.4).",
        "Only an executive secretary or a co-chair may do this (R-3.2, R-3.4).");
}

/// <summary>R-3.5: members of the working group propose agenda items and materials.</summary>
internal sealed record OnlyMember(Actor Actor) : IBusinessRule
{
    public bool IsBroken() => !Actor.IsMember;

    public DomainError Error => new(
        "actor.not_member",
        ErrorKind.RuleViolation,
        "Это действие доступно только членам рабочей группы (п. 3.5).",
        "Only members of the working group may do this (R-3.5).");
}
