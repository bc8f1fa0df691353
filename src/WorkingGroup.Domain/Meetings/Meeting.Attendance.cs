using WorkingGroup.Domain.Attendance;
using WorkingGroup.Domain.Common;
using WorkingGroup.Domain.Composition;
using WorkingGroup.Domain.Opinions;

namespace WorkingGroup.Domain.Meetings;

/// <summary>Attendance and the written opinions of absent members .</summary>
public sealed partial class Meeting
{
    private readonly List<AttendanceRecord> _attendance = [];
    private readonly List<WrittenOpinion> _writtenOpinions = [];

    public IReadOnlyList<AttendanceRecord> Attendance => _attendance;

    public IReadOnlyList<WrittenOpinion> WrittenOpinions => _writtenOpinions;

    /// <summary>Those recorded absent at this meeting; a co-chair among them is replaced by the deputy .</summary>
    public IReadOnlyCollection<Guid> AbsentPersonIds =>
        [.. _attendance.Where(a => a.Presence == Presence.Absent).Select(a => a.PersonId)];

    /// <summary>R-3.4, R-3.7: the secretary records a member's attendance, announced before or taken during the meeting.</summary>
    public void RecordAttendance(Guid personId, Presence presence, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        Rules.Check(new AttendanceIsOpen(this));
        Rules.Check(new OnlySecretary(Identify(caller)));
        var membership = caller.Composition.MembershipOf(personId, Schedule?.StartsAt ?? caller.Now)
            ?? throw Rules.Refuse(
                "composition.not_a_member", ErrorKind.RuleViolation,
                "Участник не входит в состав рабочей группы на дату заседания.",
                "The person is not in the working group's composition on the meeting date.");
        _attendance.RemoveAll(a => a.PersonId == personId);
        _attendance.Add(new AttendanceRecord(personId, membership.Side, presence, caller.Now));
    }

    /// <summary>R-3.5: a member recorded absent files a written opinion on an agenda question.</summary>
    public WrittenOpinion FileWrittenOpinion(Guid agendaItemId, string text, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        Rules.Check(new AttendanceIsOpen(this));
        Rules.Check(new OnlyAbsentMemberFilesOpinion(this, Identify(caller)), new TextIsGiven(text, "text"));
        var item = FindAgendaItem(agendaItemId);
        var opinion = new WrittenOpinion(caller.PersonId, item.Id, text, caller.Now);
        _writtenOpinions.Add(opinion);
        return opinion;
    }

    /// <summary>R-3.5: the secretary marks an opinion read out during the session.</summary>
    public void MarkOpinionReadOut(Guid opinionId, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var opinion = _writtenOpinions.FirstOrDefault(o => o.Id == opinionId)
            ?? throw Rules.Refuse(
                "opinion.not_found", ErrorKind.RuleViolation,
                "Письменное мнение не найдено.", "The written opinion was not found.");
        Rules.Check(new OpinionCanBeReadOut(this, opinion));
        Rules.Check(new OnlySecretary(Identify(caller)));
        opinion.MarkReadOut(caller.PersonId, caller.Now);
    }

    /// <summary>Attendance is announced once the meeting is scheduled and taken until the session closes.</summary>
    private sealed record AttendanceIsOpen(Meeting Meeting) : IBusinessRule
    {
        public bool IsBroken() => Meeting.State is not (MeetingState.Scheduled or MeetingState.MaterialsCollection
            or MeetingState.PackageDistributed or MeetingState.InSession);

        public DomainError Error => new(
            "meeting.attendance_closed", ErrorKind.Conflict,
            $"Участие нельзя отмечать в состоянии «{Meeting.State}».",
            $"Attendance cannot be recorded while the meeting is {Meeting.State}.");
    }

    /// <summary>R-3.5: only a member recorded absent may submit a written opinion.</summary>
    private sealed record OnlyAbsentMemberFilesOpinion(Meeting Meeting, Actor Author) : IBusinessRule
    {
        public bool IsBroken() => !Author.IsMember || !Meeting.AbsentPersonIds.Contains(Author.PersonId);

        public DomainError Error => new(
            "opinion.author_not_absent", ErrorKind.RuleViolation,
            "Письменное мнение представляет член рабочей группы, отмеченный отсутствующим (п. 3.5).",
            "A written opinion is filed by a member recorded absent from the meeting (R-3.5).");
    }

    /// <summary>R-3.5: opinions are read out at the session, once each.</summary>
    private sealed record OpinionCanBeReadOut(Meeting Meeting, WrittenOpinion Opinion) : IBusinessRule
    {
        public bool IsBroken() => Meeting.State != MeetingState.InSession || Opinion.IsReadOut;

        public DomainError Error => new(
            "opinion.cannot_be_read_out", ErrorKind.Conflict,
            "Мнение оглашается один раз и только во время заседания (п. 3.5).",
            "An opinion is read out once, and only during the session (R-3.5).");
    }
}
