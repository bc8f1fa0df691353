using WorkingGroup.Domain.Common;

namespace WorkingGroup.Domain.Composition;

/// <summary>A founding member of the working group's composition.</summary>
public sealed record FoundingMember(Guid PersonId, string FullName, Side Side, MemberRole Role);

/// <summary>
/// The composition of the working group: who holds which place on which side, and when;
/// pending changes approved side by side; dated absences that make a deputy act for the
/// co-chair. Every question "who may do this" is answered here.
/// </summary>
public sealed class GroupComposition
{
    private readonly List<Membership> _memberships = [];
    private readonly List<CompositionChange> _changes = [];
    private readonly List<Absence> _absences = [];

    private GroupComposition()
    {
    }

    public Guid Id { get; private set; }

    public IReadOnlyList<Membership> Memberships => _memberships;

    public IReadOnlyList<CompositionChange> Changes => _changes;

    public IReadOnlyList<Absence> Absences => _absences;

    /// <summary>Establishes the first composition; it must already satisfy on both sides.</summary>
    public static GroupComposition Establish(IReadOnlyCollection<FoundingMember> members, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(clock);
        Rules.Check(
            new OneCoChairDeputyAndSecretaryPerSide(Side.RU, [.. members.Where(m => m.Side == Side.RU).Select(m => m.Role)]),
            new OneCoChairDeputyAndSecretaryPerSide(Side.KZ, [.. members.Where(m => m.Side == Side.KZ).Select(m => m.Role)]),
            new PersonHoldsOnePlace([.. members.Select(m => m.PersonId)]));

        var now = clock.GetUtcNow();
        var composition = new GroupComposition { Id = Guid.NewGuid() };
        composition._memberships.AddRange(members.Select(m => new Membership(m.PersonId, m.FullName, m.Side, m.Role, now)));
        return composition;
    }

    /// <summary>The places held on a side at an instant (R-3.7 counts these).</summary>
    public IReadOnlyList<Membership> MembersOf(Side side, DateTimeOffset at) =>
        [.. _memberships.Where(m => m.Side == side && m.IsActiveAt(at))];

    public Membership? MembershipOf(Guid personId, DateTimeOffset at) =>
        _memberships.FirstOrDefault(m => m.PersonId == personId && m.IsActiveAt(at));

    public bool IsAbsent(Guid personId, DateTimeOffset at) => _absences.Any(a => a.PersonId == personId && a.Covers(at));

    /// <summary>
    /// the co-chair of <paramref name="side"/> at <paramref name="at"/>, or the deputy when the
    /// co-chair is absent by a dated absence or recorded absent at the meeting
    /// (<paramref name="absentAtMeeting"/>); null when the deputy is absent too.
    /// </summary>
    public ActingCoChair? ActingCoChair(Side side, DateTimeOffset at, IReadOnlyCollection<Guid>? absentAtMeeting = null)
    {
        var roster = MembersOf(side, at);
        var coChair = roster.SingleOrDefault(m => m.Role == MemberRole.CoChair);
        if (coChair is null)
        {
            return null;
        }

        if (!IsAway(coChair.PersonId, at, absentAtMeeting))
        {
            return new ActingCoChair(coChair.PersonId, side, null);
        }

        var deputy = roster.SingleOrDefault(m => m.Role == MemberRole.DeputyCoChair);
        return deputy is null || IsAway(deputy.PersonId, at, absentAtMeeting) ? null : new ActingCoChair(deputy.PersonId, side, coChair.PersonId);
    }

    /// <summary>What <paramref name="personId"/> may do at <paramref name="at"/> (R-3.2, R-3.3).</summary>
    public Actor Identify(Guid personId, DateTimeOffset at, IReadOnlyCollection<Guid>? absentAtMeeting = null)
    {
        var membership = MembershipOf(personId, at);
        if (membership is null)
        {
            return new Actor(personId, null, null, false, null);
        }

        var acting = ActingCoChair(membership.Side, at, absentAtMeeting);
        var isActing = acting?.PersonId == personId;
        return new Actor(personId, membership.Side, membership.Role, isActing, isActing ? acting!.ActingFor : null);
    }

    /// <summary>Proposes a change to one side's composition; it takes effect only when approved .</summary>
    public CompositionChange ProposeChange(Side side, IReadOnlyCollection<CompositionChangeItem> items, Guid proposedBy, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow();
        Rules.Check(new ChangeIsProposedFromTheSide(Identify(proposedBy, now), side));
        Rules.Check([.. LawfulComposition(side, items, now).All]);

        var change = new CompositionChange(side, items, proposedBy, now);
        _changes.Add(change);
        return change;
    }

    /// <summary>The side's co-chair (or acting deputy) approves; the change applies at once .</summary>
    public void ApproveChange(Guid changeId, Guid approvedBy, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow();
        var change = FindChange(changeId);
        Rules.Check(
            new ChangeIsPending(change),
            new OnlyTheSideCoChairApprovesItsComposition(Identify(approvedBy, now), change.Side));

        change.Approve(approvedBy, now, LawfulComposition(change.Side, change.Items, now));
        foreach (var item in change.Items)
        {
            if (item.Kind == ChangeKind.Leave)
            {
                _memberships.Single(m => m.PersonId == item.PersonId && m.IsActiveAt(now)).End(now);
            }
            else
            {
                _memberships.Add(new Membership(item.PersonId, item.FullName, change.Side, item.Role, now));
            }
        }
    }

    /// <summary>The side's co-chair (or acting deputy) rejects a pending change, with a reason .</summary>
    public void RejectChange(Guid changeId, Guid rejectedBy, string reason, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow();
        var change = FindChange(changeId);
        Rules.Check(
            new ChangeIsPending(change),
            new OnlyTheSideCoChairApprovesItsComposition(Identify(rejectedBy, now), change.Side),
            new TextIsGiven(reason, "reason"));
        change.Reject(rejectedBy, now, reason);
    }

    /// <summary>Records a dated absence [from, until) of a member .</summary>
    public void RecordAbsence(Guid personId, DateTimeOffset from, DateTimeOffset until, Guid recordedBy, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow();
        if (until <= from)
        {
            throw Rules.Refuse(
                "composition.absence_period_invalid", ErrorKind.RuleViolation,
                "Окончание отсутствия должно быть позже его начала.", "An absence must end after it starts.");
        }

        var absentee = MembershipOf(personId, from) ?? MembershipOf(personId, now)
            ?? throw Rules.Refuse(
                "composition.not_a_member", ErrorKind.RuleViolation,
                "Участник не входит в состав рабочей группы.", "The person is not in the working group's composition.");
        Rules.Check(new AbsenceIsRecordedBySideOfficer(Identify(recordedBy, now), absentee));
        _absences.Add(new Absence(personId, from, until));
    }

    private static bool IsAwayAtMeeting(Guid personId, IReadOnlyCollection<Guid>? absentAtMeeting) =>
        absentAtMeeting?.Contains(personId) == true;

    private bool IsAway(Guid personId, DateTimeOffset at, IReadOnlyCollection<Guid>? absentAtMeeting) =>
        IsAbsent(personId, at) || IsAwayAtMeeting(personId, absentAtMeeting);

    private CompositionChange FindChange(Guid changeId) =>
        _changes.FirstOrDefault(c => c.Id == changeId)
        ?? throw Rules.Refuse(
            "composition_change.not_found", ErrorKind.RuleViolation,
            "Изменение состава не найдено.", "The composition change was not found.");

    /// <summary>R-3.1 for the composition as it would be after <paramref name="items"/> apply at <paramref name="at"/>.</summary>
    private RuleSet LawfulComposition(Side side, IReadOnlyCollection<CompositionChangeItem> items, DateTimeOffset at)
    {
        if (items.Count == 0)
        {
            throw Rules.Refuse(
                "composition.change_empty", ErrorKind.RuleViolation,
                "Изменение состава не содержит ни одной строки.", "A composition change must join or remove someone.");
        }

        var current = _memberships.Where(m => m.IsActiveAt(at)).ToList();
        var leavers = items.Where(i => i.Kind == ChangeKind.Leave).Select(i => i.PersonId).ToHashSet();
        var joiners = items.Where(i => i.Kind == ChangeKind.Join).ToList();
        var fits = leavers.All(p => current.Any(m => m.PersonId == p && m.Side == side))
            && joiners.All(j => leavers.Contains(j.PersonId) || current.All(m => m.PersonId != j.PersonId));
        var remaining = current.Where(m => !leavers.Contains(m.PersonId)).ToList();
        return new RuleSet(
            new ChangeFitsCurrentComposition(fits),
            new PersonHoldsOnePlace([.. remaining.Select(m => m.PersonId), .. joiners.Select(j => j.PersonId)]),
            new OneCoChairDeputyAndSecretaryPerSide(
                side, [.. remaining.Where(m => m.Side == side).Select(m => m.Role), .. joiners.Select(j => j.Role)]));
    }
}
