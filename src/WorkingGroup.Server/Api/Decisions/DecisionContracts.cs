using System.ComponentModel.DataAnnotations;
using WorkingGroup.Domain.Agenda;
using WorkingGroup.Domain.Decisions;

namespace WorkingGroup.Server.Api.Decisions;

/// <summary>A decision recorded in session, with the assignments the co-chairs give under it .</summary>
/// <param name="AgendaItemId">The agenda item the decision is taken on.</param>
/// <param name="Text">The recommendation as it goes into the protocol .</param>
/// <param name="Assignments">The assignments under it; giving them needs a co-chair or acting deputy .</param>
public sealed record RecordDecisionRequest(
    [Required] Guid? AgendaItemId,
    [Required, MaxLength(4000)] string Text,
    IReadOnlyList<AssignmentRequest>? Assignments);

/// <summary>An assignment: to a member (<paramref name="ExecutorPersonId"/>), or to a named body of one side (<paramref name="Side"/> and <paramref name="BodyName"/>).</summary>
/// <param name="ExecutorPersonId">The member who carries it out.</param>
/// <param name="Side">The side of the body that carries it out.</param>
/// <param name="BodyName">The body, e.g. "Министерство просвещения РФ".</param>
/// <param name="DueAt">When it is due; in the future.</param>
/// <param name="ExpectedResult">What is expected.</param>
public sealed record AssignmentRequest(
    Guid? ExecutorPersonId,
    Side? Side,
    [MaxLength(300)] string? BodyName,
    [Required] DateTimeOffset? DueAt,
    [Required, MaxLength(2000)] string ExpectedResult);

/// <summary>The executor's report on an assignment.</summary>
/// <param name="Report">What was done.</param>
public sealed record AssignmentReportRequest([Required, MaxLength(4000)] string Report);

/// <summary>A reason for returning a report or cancelling an assignment.</summary>
/// <param name="Reason">Why.</param>
public sealed record AssignmentReasonRequest([Required, MaxLength(2000)] string Reason);

/// <summary>A co-chair's extension of the due date .</summary>
/// <param name="DueAt">The new due date: later than the old one and than now.</param>
/// <param name="Reason">Why.</param>
public sealed record ExtendAssignmentRequest([Required] DateTimeOffset? DueAt, [Required, MaxLength(2000)] string Reason);

/// <summary>A decision of a meeting with its assignments.</summary>
/// <param name="Id">The decision's id.</param>
/// <param name="MeetingId">The meeting it was taken at.</param>
/// <param name="AgendaItemId">The agenda item.</param>
/// <param name="Category">The task category of the item .</param>
/// <param name="Text">The recommendation.</param>
/// <param name="RecordedBy">Who recorded it.</param>
/// <param name="RecordedAt">When.</param>
/// <param name="Assignments">Its assignments.</param>
public sealed record DecisionResponse(
    Guid Id,
    Guid MeetingId,
    Guid AgendaItemId,
    TaskCategory Category,
    string Text,
    Guid RecordedBy,
    DateTimeOffset RecordedAt,
    IReadOnlyList<AssignmentResponse> Assignments);

/// <summary>An assignment as the monitoring view shows it.</summary>
/// <param name="Id">The assignment's id.</param>
/// <param name="DecisionId">The decision it is given under.</param>
/// <param name="MeetingId">The meeting of that decision.</param>
/// <param name="ExecutorSide">The executor's side: its secretary verifies the report .</param>
/// <param name="ExecutorPersonId">The member executing it, if a member.</param>
/// <param name="BodyName">The body executing it, if a body.</param>
/// <param name="DueAt">The current due date.</param>
/// <param name="ExpectedResult">What is expected.</param>
/// <param name="State">Assigned, InProgress, ReportSubmitted, Verified, Returned or Cancelled.</param>
/// <param name="IsOverdue">Past due and neither verified nor cancelled, by the server's clock.</param>
/// <param name="Report">The executor's report.</param>
/// <param name="Reason">Why the report was returned, or the assignment cancelled.</param>
/// <param name="AssignedBy">The co-chair who gave it.</param>
/// <param name="AssignedAt">When.</param>
/// <param name="Extensions">Every extension of the due date, oldest first.</param>
public sealed record AssignmentResponse(
    Guid Id,
    Guid DecisionId,
    Guid MeetingId,
    Side ExecutorSide,
    Guid? ExecutorPersonId,
    string? BodyName,
    DateTimeOffset DueAt,
    string ExpectedResult,
    AssignmentState State,
    bool IsOverdue,
    string? Report,
    string? Reason,
    Guid AssignedBy,
    DateTimeOffset AssignedAt,
    IReadOnlyList<Extension> Extensions)
{
    public static AssignmentResponse From(Decision decision, Assignment assignment, TimeProvider clock) =>
        From(decision.Id, decision.MeetingId, assignment, clock);

    public static AssignmentResponse From(Guid decisionId, Guid meetingId, Assignment assignment, TimeProvider clock) => new(
        assignment.Id, decisionId, meetingId, assignment.Executor.Side, assignment.Executor.PersonId, assignment.Executor.BodyName,
        assignment.DueAt, assignment.ExpectedResult, assignment.State, assignment.IsOverdue(clock), assignment.Report, assignment.Reason,
        assignment.AssignedBy, assignment.AssignedAt, assignment.Extensions);
}

internal static class DecisionResponses
{
    public static DecisionResponse From(Decision decision, TimeProvider clock) => new(
        decision.Id, decision.MeetingId, decision.AgendaItemId, decision.Category, decision.Text, decision.RecordedBy, decision.RecordedAt,
        [.. decision.Assignments.Select(a => AssignmentResponse.From(decision, a, clock))]);
}
