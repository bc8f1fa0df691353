using WorkingGroup.Domain.Common;
using WorkingGroup.Domain.Composition;

namespace WorkingGroup.Domain.Meetings;

/// <summary>R-3.2: the co-chairs set the time and place before a meeting is scheduled.</summary>
internal sealed record ScheduleIsSet(Meeting Meeting) : IBusinessRule
{
    public bool IsBroken() => Meeting.Schedule is null;

    public DomainError Error => new(
        "meeting.schedule_missing", ErrorKind.Conflict,
        "Не заданы дата, время и место заседания (п. 3.2).", "The meeting's date, time and place are not set (R-3.2).");
}

/// <summary>R-1.3, R-3.2: the agenda is set jointly: the co-chairs of both sides approve it.</summary>
internal sealed record AgendaApprovedByBothCoChairs(Meeting Meeting) : IBusinessRule
{
    public bool IsBroken() => Meeting.AgendaApprovals.Select(a => a.Side).Distinct().Count() != 2;

    public DomainError Error => new(
        "agenda.not_approved_by_both_co_chairs", ErrorKind.Conflict,
        "Повестку должны утвердить сопредседатели обеих сторон (пп. 1.3, 3.2).",
        "The agenda must be approved by the co-chairs of both sides (R-1.3, R-3.2).");
}

/// <summary>R-1.3: an agenda is approved when it has questions and none is still awaiting a decision.</summary>
internal sealed record AgendaIsComplete(Meeting Meeting) : IBusinessRule
{
    public bool IsBroken() =>
        Meeting.AgendaItems.Count == 0 || Meeting.AgendaProposals.Any(p => p.State == Agenda.AgendaProposalState.Proposed);

    public DomainError Error => new(
        "agenda.incomplete", ErrorKind.Conflict,
        "В повестке нет вопросов или есть нерассмотренные предложения.",
        "The agenda has no items, or proposals are still awaiting a decision.");
}

/// <summary>R-1.3: each side's co-chair approves the agenda once.</summary>
internal sealed record SideHasNotApprovedAgendaYet(Meeting Meeting, Side Side) : IBusinessRule
{
    public bool IsBroken() => Meeting.AgendaApprovals.Any(a => a.Side == Side);

    public DomainError Error => new(
        "agenda.already_approved_by_side", ErrorKind.Conflict,
        $"Сторона {Side} уже утвердила повестку.", $"Side {Side} has already approved the agenda.");
}

/// <summary>R-3.6: a meeting is run by the co-chairs of both sides, or the deputies acting for them; both must be present.</summary>
internal sealed record ChairOfEachSidePresent(Meeting Meeting, GroupComposition Composition, DateTimeOffset At) : IBusinessRule
{
    public bool IsBroken() => !(Present(Side.RU) && Present(Side.KZ));

    private bool Present(Side side) =>
        Composition.ActingCoChair(side, At, Meeting.AbsentPersonIds) is { } chair
        && Meeting.Attendance.Any(a => a.PersonId == chair.PersonId && a.IsPresent);

    public DomainError Error => new(
        "meeting.chair_of_each_side_required", ErrorKind.Conflict,
        "Для открытия заседания нужны сопредседатели (или замещающие их заместители) обеих сторон (п. 3.6).",
        "Opening the meeting needs the co-chair, or acting deputy, of each side present (R-3.6).");
}

/// <summary>R-3.5: every written opinion is read out before the session closes.</summary>
internal sealed record AllWrittenOpinionsReadOut(Meeting Meeting) : IBusinessRule
{
    public bool IsBroken() => Meeting.WrittenOpinions.Any(o => !o.IsReadOut);

    public DomainError Error => new(
        "opinion.not_read_out", ErrorKind.Conflict,
        "Не все письменные мнения оглашены (п. 3.5).", "Not every written opinion has been read out (R-3.5).");
}

/// <summary>R-3.10: a meeting is closed once its protocol is signed.</summary>
internal sealed record ProtocolIsSigned(Protocols.Protocol Protocol, Meeting Meeting) : IBusinessRule
{
    public bool IsBroken() =>
        Protocol.MeetingId != Meeting.Id
        || Protocol.State is not (Protocols.ProtocolState.Signed or Protocols.ProtocolState.Distributed);

    public DomainError Error => new(
        "protocol.not_signed", ErrorKind.Conflict,
        "Протокол заседания не подписан (п. 3.10).", "The meeting's protocol is not signed (R-3.10).");
}

/// <summary>R-3.9: the materials deadline is fixed before or during the collection of materials, not after the package went out.</summary>
internal sealed record MaterialsDeadlineMayChange(Meeting Meeting) : IBusinessRule
{
    public bool IsBroken() => Meeting.State is not (MeetingState.Draft or MeetingState.AgendaForming or MeetingState.Scheduled
        or MeetingState.MaterialsCollection or MeetingState.Postponed);

    public DomainError Error => new(
        "meeting.materials_deadline_fixed", ErrorKind.Conflict,
        $"Срок подачи материалов нельзя менять в состоянии «{Meeting.State}» (п. 3.9).",
        $"The materials deadline cannot change while the meeting is {Meeting.State} (R-3.9).");
}

/// <summary>R-3.9: the deadline is counted in whole calendar days before the meeting, at most <see cref="Max"/>.</summary>
internal sealed record MaterialsDeadlineDaysInRange(int Days) : IBusinessRule
{
    public const int Max = 90;

    public bool IsBroken() => Days is < 0 or > Max;

    public DomainError Error => new(
        "meeting.materials_deadline_days_out_of_range", ErrorKind.RuleViolation,
        $"Срок подачи материалов — от 0 до {Max} календарных дней до заседания, а не {Days} (п. 3.9).",
        $"The materials deadline is 0 to {Max} calendar days before the meeting, not {Days} (R-3.9).");
}

/// <summary>R-3.2: time and place are set while the meeting is prepared, or anew after a postponement.</summary>
internal sealed record MeetingIsBeingPrepared(Meeting Meeting) : IBusinessRule
{
    public bool IsBroken() => Meeting.State is not (MeetingState.Draft or MeetingState.AgendaForming or MeetingState.Postponed);

    public DomainError Error => new(
        "meeting.transition_not_allowed", ErrorKind.Conflict,
        $"Время и место нельзя менять в состоянии «{Meeting.State}»; сначала перенесите заседание.",
        $"Time and place cannot change while the meeting is {Meeting.State}; postpone it first.");
}
