namespace WorkingGroup.Server.Procedures;

/// <summary>
/// The events the REST commands raise into the workflow engine (<c>Elsa.Event</c> names the definitions in
/// <c>workflows/</c> wait for, or start on). Each is published after the command's domain change, in the same
/// transaction, with the acting person's id as the step's actor. The correlation id is given per event; payloads
/// are JSON objects with camelCase properties (ids as strings, times as ISO 8601 UTC).
/// A definition an administrator edits may wait for any of these; renaming one breaks the definitions using it.
/// </summary>
public static class ProcedureEvents
{
    // Meeting lifecycle — correlation: the meeting id.

    /// <summary>A meeting was drafted (starts <c>meeting-lifecycle</c>). Payload: meetingId, title.</summary>
    public const string MeetingDrafted = "MeetingDrafted";

    /// <summary>The agenda is open to members' proposals .</summary>
    public const string AgendaFormingStarted = "AgendaFormingStarted";

    /// <summary>A co-chair approved the agenda. Payload: side, approvedByBoth.</summary>
    public const string AgendaApproved = "AgendaApproved";

    /// <summary>The co-chairs set or changed the date, time, place and format. Payload: startsAt, timeZoneId, format.</summary>
    public const string MeetingScheduleSet = "MeetingScheduleSet";

    /// <summary>The meeting was scheduled. Payload: startsAt, timeZoneId, revision.</summary>
    public const string MeetingScheduled = "MeetingScheduled";

    /// <summary>The secretary opened the collection of materials. Payload: deadline (R-3.9, when materials become late).</summary>
    public const string MaterialsCollectionStarted = "MaterialsCollectionStarted";

    /// <summary>The package of materials and draft decisions went out. Payload: materialIds.</summary>
    public const string PackageDistributed = "PackageDistributed";

    /// <summary>A secretary recorded a person's attendance. Payload: personId, presence.</summary>
    public const string AttendanceRecorded = "AttendanceRecorded";

    /// <summary>An absent member filed a written opinion. Payload: opinionId, agendaItemId, authorId.</summary>
    public const string WrittenOpinionFiled = "WrittenOpinionFiled";

    /// <summary>The secretary read a written opinion out at the session. Payload: opinionId.</summary>
    public const string WrittenOpinionReadOut = "WrittenOpinionReadOut";

    /// <summary>A co-chair opened the meeting with quorum on both sides .</summary>
    public const string MeetingOpened = "MeetingOpened";

    /// <summary>A decision was recorded in session. Payload: decisionId, agendaItemId, assignmentIds.</summary>
    public const string DecisionRecorded = "DecisionRecorded";

    /// <summary>The session was closed .</summary>
    public const string SessionClosed = "SessionClosed";

    /// <summary>A co-chair postponed the meeting. Payload: reason.</summary>
    public const string MeetingPostponed = "MeetingPostponed";

    /// <summary>A postponed meeting got a new time. Payload: startsAt, timeZoneId, revision.</summary>
    public const string MeetingRescheduled = "MeetingRescheduled";

    /// <summary>A co-chair cancelled the meeting. Payload: reason.</summary>
    public const string MeetingCancelled = "MeetingCancelled";

    /// <summary>A co-chair closed the meeting's file after the protocol was signed .</summary>
    public const string MeetingClosed = "MeetingClosed";

    // Protocol — correlation: the meeting id (one protocol per meeting); payload always has protocolId.

    /// <summary>The secretaries started the protocol (starts <c>protocol-signing</c>).</summary>
    public const string ProtocolDrafted = "ProtocolDrafted";

    /// <summary>The protocol's text changed; signatures given before no longer count.</summary>
    public const string ProtocolEdited = "ProtocolEdited";

    /// <summary>The protocol went to the co-chairs for review.</summary>
    public const string ProtocolSubmittedForReview = "ProtocolSubmittedForReview";

    /// <summary>The protocol was returned for rework. Payload: reason.</summary>
    public const string ProtocolReturned = "ProtocolReturned";

    /// <summary>A co-chair opened signing. Payload: documentHash (SHA-256 of the rendered DOCX the signatures bind).</summary>
    public const string ProtocolOpenedForSigning = "ProtocolOpenedForSigning";

    /// <summary>A signatory signed. Payload: side, role, personId, actingFor (the absent co-chair's id, or null).</summary>
    public const string ProtocolSignatureAdded = "ProtocolSignatureAdded";

    /// <summary>The fourth valid signature landed. Payload: documentHash.</summary>
    public const string ProtocolSigned = "ProtocolSigned";

    /// <summary>The signed protocol was sent to every member, by e-mail and in the app. Payload: recipients (how many members).</summary>
    public const string ProtocolDistributed = "ProtocolDistributed";

    // Agenda proposal — correlation: the proposal id; payload always has meetingId.

    /// <summary>A member proposed an agenda item (starts <c>agenda-proposal</c>). Payload: proposerId, title, category.</summary>
    public const string AgendaItemProposed = "AgendaItemProposed";

    /// <summary>A co-chair approved the proposal. Payload: side, approvedByBoth.</summary>
    public const string AgendaProposalApproved = "AgendaProposalApproved";

    /// <summary>A co-chair rejected the proposal. Payload: reason.</summary>
    public const string AgendaProposalRejected = "AgendaProposalRejected";

    // Material — correlation: the material id; payload always has meetingId and authorId.

    /// <summary>A member uploaded a material draft (starts <c>material-submission</c>). Payload: title, side.</summary>
    public const string MaterialDrafted = "MaterialDrafted";

    /// <summary>The author submitted the material. Payload: late (true after the deadline).</summary>
    public const string MaterialSubmitted = "MaterialSubmitted";

    /// <summary>The author uploaded a new version (after a return). Payload: contentHash.</summary>
    public const string MaterialRevised = "MaterialRevised";

    /// <summary>The secretary of the author's side accepted the material.</summary>
    public const string MaterialAccepted = "MaterialAccepted";

    /// <summary>The secretary returned the material. Payload: reason.</summary>
    public const string MaterialReturned = "MaterialReturned";

    /// <summary>A co-chair admitted a late material. Payload: reason.</summary>
    public const string MaterialAdmitted = "MaterialAdmitted";

    /// <summary>A co-chair excluded a late material. Payload: reason.</summary>
    public const string MaterialExcluded = "MaterialExcluded";

    // Assignment — correlation: the assignment id; payload always has meetingId and decisionId.

    /// <summary>An assignment was given with a decision (starts <c>decision-control</c>). Payload: dueAt, executorPersonId, executorSide, bodyName.</summary>
    public const string AssignmentCreated = "AssignmentCreated";

    /// <summary>The executor started work.</summary>
    public const string AssignmentStarted = "AssignmentStarted";

    /// <summary>The executor reported. Payload: report.</summary>
    public const string AssignmentReported = "AssignmentReported";

    /// <summary>The secretary of the executor's side verified the report.</summary>
    public const string AssignmentVerified = "AssignmentVerified";

    /// <summary>The secretary returned the report. Payload: reason.</summary>
    public const string AssignmentReturned = "AssignmentReturned";

    /// <summary>A co-chair extended the due date. Payload: dueAt, reason.</summary>
    public const string AssignmentExtended = "AssignmentExtended";

    /// <summary>The assignment was cancelled. Payload: reason.</summary>
    public const string AssignmentCancelled = "AssignmentCancelled";

    // Guest invitation — correlation: the invitation id; payload has meetingId.

    /// <summary>A guest was proposed (starts <c>guest-invitation</c>). Payload: guestPersonId, proposedBy.</summary>
    public const string GuestProposed = "GuestProposed";

    /// <summary>The invitation was approved.</summary>
    public const string GuestApproved = "GuestApproved";

    /// <summary>The invitation was rejected. Payload: reason.</summary>
    public const string GuestRejected = "GuestRejected";

    // Composition change — correlation: the change id.

    /// <summary>A change of the composition was proposed (starts <c>composition-change</c>). Payload: side.</summary>
    public const string CompositionChangeProposed = "CompositionChangeProposed";

    /// <summary>The change was approved and applied.</summary>
    public const string CompositionChangeApproved = "CompositionChangeApproved";

    /// <summary>The change was rejected. Payload: reason.</summary>
    public const string CompositionChangeRejected = "CompositionChangeRejected";
}
