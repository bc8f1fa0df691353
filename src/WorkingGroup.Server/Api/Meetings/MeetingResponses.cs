using WorkingGroup.Domain.Agenda;
using WorkingGroup.Domain.Attendance;
using WorkingGroup.Domain.Meetings;
using WorkingGroup.Domain.Opinions;

namespace WorkingGroup.Server.Api.Meetings;

/// <summary>A meeting as the API shows it.</summary>
/// <param name="Id">The meeting's id.</param>
/// <param name="Title">The meeting's title, e.g. "Заседание № 3".</param>
/// <param name="State">The stage of the meeting (Draft, AgendaForming, Scheduled, MaterialsCollection, PackageDistributed, InSession, Held, ProtocolDrafting, ProtocolSigning, Closed, Postponed, Cancelled).</param>
/// <param name="Schedule">Date, time, zone, format and place; null until the co-chairs set them.</param>
/// <param name="ScheduleRevision">How many times the meeting was scheduled: 1 at scheduling, +1 per reschedule (the invitation's iCal SEQUENCE).</param>
/// <param name="MaterialsDeadline">The first instant at which a material is late, once the schedule is set.</param>
/// <param name="AgendaItems">The questions on the agenda, in order (R-1.3: approved by both co-chairs).</param>
/// <param name="AgendaApprovals">The co-chairs' approvals of the agenda as a whole; both sides are needed to schedule.</param>
/// <param name="Proposals">Members' proposals and the co-chairs' decisions on them; null for guests.</param>
/// <param name="Attendance">Who is recorded present or absent, with the quorum per side counted now; null for guests.</param>
/// <param name="WrittenOpinions">Opinions of absent members; null for guests.</param>
/// <param name="QuorumAtOpening">The quorum counted when the meeting opened .</param>
/// <param name="PostponementReason">Why a co-chair postponed the meeting.</param>
/// <param name="CancellationReason">Why a co-chair cancelled the meeting.</param>
public sealed record MeetingResponse(
    Guid Id,
    string Title,
    MeetingState State,
    ScheduleResponse? Schedule,
    int ScheduleRevision,
    DateTimeOffset? MaterialsDeadline,
    IReadOnlyList<AgendaItemResponse> AgendaItems,
    IReadOnlyList<ApprovalResponse> AgendaApprovals,
    IReadOnlyList<AgendaProposalResponse>? Proposals,
    AttendanceResponse? Attendance,
    IReadOnlyList<WrittenOpinionResponse>? WrittenOpinions,
    QuorumResponse? QuorumAtOpening,
    string? PostponementReason,
    string? CancellationReason)
{
    /// <summary>The meeting's view; <paramref name="fullView"/> is false for a guest, who reads agenda and schedule only .</summary>
    internal static MeetingResponse From(Meeting meeting, GroupComposition composition, DateTimeOffset now, bool fullView) => new(
        meeting.Id,
        meeting.Title,
        meeting.State,
        ScheduleResponse.From(meeting.Schedule),
        meeting.ScheduleRevision,
        meeting.MaterialsLateFrom,
        [.. meeting.AgendaItems.Select(i => new AgendaItemResponse(i.Id, i.Number, i.Title, i.Category, i.ProposalId))],
        [.. meeting.AgendaApprovals.Select(ApprovalResponse.From)],
        fullView ? [.. meeting.AgendaProposals.Select(AgendaProposalResponse.From)] : null,
        fullView ? AttendanceResponse.From(meeting, composition, now) : null,
        fullView ? [.. meeting.WrittenOpinions.Select(WrittenOpinionResponse.From)] : null,
        QuorumResponse.From(meeting.QuorumAtOpening),
        meeting.PostponementReason,
        meeting.CancellationReason);
}

/// <summary>A meeting in a list.</summary>
/// <param name="Id">The meeting's id.</param>
/// <param name="Title">The meeting's title.</param>
/// <param name="State">The stage of the meeting.</param>
/// <param name="StartsAt">When it starts (UTC), once scheduled.</param>
/// <param name="TimeZoneId">The IANA zone it is held in.</param>
/// <param name="Format">InPerson, Video or Hybrid .</param>
public sealed record MeetingSummaryResponse(Guid Id, string Title, MeetingState State, DateTimeOffset? StartsAt, string? TimeZoneId, MeetingFormat? Format);

/// <summary>When and where a meeting is held .</summary>
/// <param name="LocalStart">Wall-clock start in the meeting's zone, without offset.</param>
/// <param name="TimeZoneId">IANA time zone id, e.g. "Asia/Almaty" or "Europe/Moscow".</param>
/// <param name="StartsAt">The same instant in UTC.</param>
/// <param name="Format">InPerson, Video or Hybrid.</param>
/// <param name="Place">Where it is held (in person, hybrid).</param>
/// <param name="VideoLink">The videoconference link (video, hybrid).</param>
public sealed record ScheduleResponse(DateTime LocalStart, string TimeZoneId, DateTimeOffset StartsAt, MeetingFormat Format, string? Place, Uri? VideoLink)
{
    internal static ScheduleResponse? From(MeetingSchedule? schedule) => schedule is null
        ? null
        : new(schedule.LocalStart, schedule.TimeZoneId, schedule.StartsAt, schedule.Format, schedule.Place, schedule.VideoLink);
}

/// <summary>A question on the agenda (R-2.1 category).</summary>
/// <param name="Id">The agenda item's id (written opinions and decisions refer to it).</param>
/// <param name="Number">Its number on the agenda, from 1.</param>
/// <param name="Title">The question.</param>
/// <param name="Category">The task of it serves.</param>
/// <param name="ProposalId">The proposal it came from.</param>
public sealed record AgendaItemResponse(Guid Id, int Number, string Title, TaskCategory Category, Guid ProposalId);

/// <summary>A co-chair's approval for one side, possibly by the deputy acting for the co-chair .</summary>
/// <param name="Side">The side approving.</param>
/// <param name="PersonId">Who approved.</param>
/// <param name="ActingFor">The absent co-chair the deputy acted for, or null.</param>
/// <param name="At">When.</param>
public sealed record ApprovalResponse(Side Side, Guid PersonId, Guid? ActingFor, DateTimeOffset At)
{
    internal static ApprovalResponse From(CoChairApproval approval) => new(approval.Side, approval.PersonId, approval.ActingFor, approval.At);
}

/// <summary>A member's agenda proposal and the co-chairs' decision on it .</summary>
/// <param name="Id">The proposal's id.</param>
/// <param name="Title">The proposed question.</param>
/// <param name="Category">The task of .</param>
/// <param name="ProposedBy">The proposing member.</param>
/// <param name="ProposedAt">When.</param>
/// <param name="State">Proposed, Approved (by both co-chairs) or Rejected.</param>
/// <param name="Approvals">The sides that approved so far.</param>
/// <param name="RejectionReason">Why a co-chair rejected it.</param>
public sealed record AgendaProposalResponse(
    Guid Id, string Title, TaskCategory Category, Guid ProposedBy, DateTimeOffset ProposedAt,
    AgendaProposalState State, IReadOnlyList<ApprovalResponse> Approvals, string? RejectionReason)
{
    internal static AgendaProposalResponse From(AgendaProposal p) =>
        new(p.Id, p.Title, p.Category, p.ProposedBy, p.ProposedAt, p.State, [.. p.Approvals.Select(ApprovalResponse.From)], p.RejectionReason);
}

/// <summary>Attendance at a meeting and the quorum it makes now .</summary>
/// <param name="Records">Who is recorded, and how.</param>
/// <param name="Quorum">Each side's count against the composition on the meeting date.</param>
public sealed record AttendanceResponse(IReadOnlyList<AttendanceRecordResponse> Records, QuorumResponse Quorum)
{
    internal static AttendanceResponse From(Meeting meeting, GroupComposition composition, DateTimeOffset now)
    {
        var onDate = meeting.Schedule?.StartsAt ?? now;
        return new(
            [.. meeting.Attendance.Select(a => new AttendanceRecordResponse(
                a.PersonId, composition.MembershipOf(a.PersonId, onDate)?.FullName, a.CostBorneBy, a.Presence, a.RecordedAt))],
            QuorumResponse.From(QuorumSnapshot.Take(composition, onDate, meeting.Attendance, now))!);
    }
}

/// <summary>One person's attendance.</summary>
/// <param name="PersonId">The member.</param>
/// <param name="FullName">The member's name in the composition.</param>
/// <param name="CostBorneBy">The side bearing the cost of the participation .</param>
/// <param name="Presence">PresentInPerson, PresentRemotely (counts as present, R-3.7) or Absent.</param>
/// <param name="RecordedAt">When the secretary recorded it.</param>
public sealed record AttendanceRecordResponse(Guid PersonId, string? FullName, Side CostBorneBy, Presence Presence, DateTimeOffset RecordedAt);

/// <summary>R-3.7 for both sides: each needs at least half of its composition present.</summary>
/// <param name="Ru">The RU side's count.</param>
/// <param name="Kz">The KZ side's count.</param>
/// <param name="IsReached">Both sides are quorate.</param>
/// <param name="TakenAt">When it was counted.</param>
public sealed record QuorumResponse(SideQuorumResponse Ru, SideQuorumResponse Kz, bool IsReached, DateTimeOffset TakenAt)
{
    internal static QuorumResponse? From(QuorumSnapshot? snapshot) => snapshot is null
        ? null
        : new(SideQuorumResponse.From(snapshot.Ru), SideQuorumResponse.From(snapshot.Kz), snapshot.IsReached, snapshot.TakenAt);
}

/// <summary>One side's count for .</summary>
/// <param name="Side">The side.</param>
/// <param name="Members">Its composition on the meeting date.</param>
/// <param name="Present">Of them, present in person or remotely.</param>
/// <param name="Required">At least half: ceil(members / 2).</param>
/// <param name="IsReached">Present ≥ required.</param>
public sealed record SideQuorumResponse(Side Side, int Members, int Present, int Required, bool IsReached)
{
    internal static SideQuorumResponse From(SideQuorum side) => new(side.Side, side.Members, side.Present, side.Required, side.IsReached);
}

/// <summary>An absent member's written opinion on an agenda item .</summary>
/// <param name="Id">The opinion's id.</param>
/// <param name="PersonId">Its author.</param>
/// <param name="AgendaItemId">The question it is on.</param>
/// <param name="Text">The opinion.</param>
/// <param name="FiledAt">When it was filed.</param>
/// <param name="ReadOutAt">When the secretary read it out at the session, if yet.</param>
public sealed record WrittenOpinionResponse(Guid Id, Guid PersonId, Guid AgendaItemId, string Text, DateTimeOffset FiledAt, DateTimeOffset? ReadOutAt)
{
    internal static WrittenOpinionResponse From(WrittenOpinion o) => new(o.Id, o.PersonId, o.AgendaItemId, o.Text, o.FiledAt, o.ReadOutAt);
}
