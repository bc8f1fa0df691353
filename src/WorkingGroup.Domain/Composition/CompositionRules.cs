using WorkingGroup.Domain.Common;

namespace WorkingGroup.Domain.Composition;

/// <summary>R-3.1: each side has exactly one co-chair, one deputy co-chair and one executive secretary at any time.</summary>
internal sealed record OneCoChairDeputyAndSecretaryPerSide(Side Side, IReadOnlyCollection<MemberRole> Roster) : IBusinessRule
{
    public bool IsBroken() =>
        Roster.Count(r => r == MemberRole.CoChair) != 1
        || Roster.Count(r => r == MemberRole.DeputyCoChair) != 1
        || Roster.Count(r => r == MemberRole.ExecutiveSecretary) != 1;

    public DomainError Error => new(
        "composition.one_co_chair_deputy_secretary_per_side",
        ErrorKind.RuleViolation,
        $"У стороны {Side} должно быть ровно по одному сопредседателю, заместителю и ответственному секретарю (п. 3.1).",
        $"Side {Side} must have exactly one co-chair, one deputy co-chair and one executive secretary (R-3.1).");
}

/// <summary>R-3.1, R-1.6: a person holds one place in the composition, on one side.</summary>
internal sealed record PersonHoldsOnePlace(IReadOnlyCollection<Guid> People) : IBusinessRule
{
    public bool IsBroken() => People.Distinct().Count() != People.Count;

    public DomainError Error => new(
        "composition.person_holds_one_place",
        ErrorKind.RuleViolation,
        "Участник может занимать только одно место в составе рабочей группы.",
        "A person may hold only one place in the working group's composition.");
}

/// <summary>R-1.5, R-3.3: a side's composition is approved by that side's co-chair, or the deputy acting for them.</summary>
internal sealed record OnlyTheSideCoChairApprovesItsComposition(Actor Approver, Side Side) : IBusinessRule
{
    public bool IsBroken() => !(Approver.IsActingCoChair && Approver.Side == Side);

    public DomainError Error => new(
        "composition.approver_not_side_co_chair",
        ErrorKind.RuleViolation,
        $"Изменение состава стороны {Side} утверждает только сопредседатель этой стороны (п. 1.5).",
        $"A change to side {Side}'s composition is approved only by that side's co-chair (R-1.5).");
}

/// <summary>R-1.5: a change to a side's composition is proposed from within that side.</summary>
internal sealed record ChangeIsProposedFromTheSide(Actor Proposer, Side Side) : IBusinessRule
{
    public bool IsBroken() => Proposer.Side != Side;

    public DomainError Error => new(
        "composition.proposer_not_of_side",
        ErrorKind.RuleViolation,
        $"Изменение состава стороны {Side} может предложить только участник этой стороны.",
        $"Only a member of side {Side} may propose a change to its composition.");
}

/// <summary>A decided change cannot be decided again.</summary>
internal sealed record ChangeIsPending(CompositionChange Change) : IBusinessRule
{
    public bool IsBroken() => Change.State != CompositionChangeState.Pending;

    public DomainError Error => new(
        "composition_change.transition_not_allowed",
        ErrorKind.Conflict,
        "Изменение состава уже рассмотрено.",
        "This composition change has already been decided.");
}

/// <summary>A person who leaves a side must be in it; one who joins must not already be.</summary>
internal sealed record ChangeFitsCurrentComposition(bool Fits) : IBusinessRule
{
    public bool IsBroken() => !Fits;

    public DomainError Error => new(
        "composition.change_does_not_fit",
        ErrorKind.RuleViolation,
        "Изменение не соответствует текущему составу: выбывающий должен входить в состав стороны, новый участник — не входить.",
        "The change does not fit the current composition: a leaver must be in the side, a joiner must not be.");
}

/// <summary>Absences are recorded by the person, or by the co-chair or secretary of their side.</summary>
internal sealed record AbsenceIsRecordedBySideOfficer(Actor RecordedBy, Membership Absentee) : IBusinessRule
{
    public bool IsBroken() =>
        RecordedBy.PersonId != Absentee.PersonId
        && !(RecordedBy.Side == Absentee.Side && (RecordedBy.IsActingCoChair || RecordedBy.IsSecretary));

    public DomainError Error => new(
        "composition.absence_recorder_not_entitled",
        ErrorKind.RuleViolation,
        "Отсутствие отмечает сам участник, сопредседатель или секретарь его стороны.",
        "An absence is recorded by the person, or by the co-chair or secretary of their side.");
}
