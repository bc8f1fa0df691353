using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WorkingGroup.Server.Errors;
using WorkingGroup.Server.Procedures;

namespace WorkingGroup.Server.Api.Meetings;

/// <summary>
/// A meeting's way from the set time to the closed file: the co-chairs set time and place and schedule it (R-3.2,
/// ), the secretary opens the collection of materials, a co-chair opens the meeting with a
/// quorum on each side, closes the session, postpones, reschedules or cancels it, and closes the
/// file once the protocol is signed.
/// </summary>
internal static class MeetingLifecycleApi
{
    public static IEndpointRouteBuilder MapMeetingLifecycleApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/meetings/{meetingId:guid}").WithTags("Meetings")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPut("/schedule", SetSchedule)
            .WithName("SetMeetingSchedule")
            .WithRequestExample("""{ "localStart": "2026-12-15T10:00:00", "timeZoneId": "Asia/Almaty", "format": "Hybrid", "place": "Астана, пр. Мәңгілік Ел, 8", "videoLink": "https://meet.example.org/wg-3" }""")
            .WithSummary("The co-chairs set date, time, zone, format and place (R-3.2, R-3.8)")
            .WithDescription("While the meeting is a draft, its agenda is being formed, or it is postponed. Raises MeetingScheduleSet {startsAt, timeZoneId, format}.")
            .ProducesValidationProblem()
            .RequireAuthorization(p => p.RequireRole(MeetingCommands.CoChairs));

        group.MapPost("/schedule/confirm", Schedule)
            .WithName("ScheduleMeeting")
            .WithSummary("A co-chair schedules the meeting: agenda approved by both co-chairs, time set and ahead (R-3.2, R-1.3)")
            .WithDescription("Raises MeetingScheduled {startsAt, timeZoneId, revision}.")
            .RequireAuthorization(p => p.RequireRole(MeetingCommands.CoChairs));

        group.MapPost("/materials-collection/start", StartMaterialsCollection)
            .WithName("StartMaterialsCollection")
            .WithSummary("The secretary opens the collection of materials (R-3.4)")
            .WithDescription("Raises MaterialsCollectionStarted {deadline}: the first late instant, R-3.9.")
            .RequireAuthorization(p => p.RequireRole(MeetingCommands.Secretaries));

        group.MapPost("/open", Open)
            .WithName("OpenMeeting")
            .WithSummary("A co-chair opens the meeting: the chair of each side present and each side quorate (R-3.6, R-3.7)")
            .WithDescription("409 quorum.not_reached (R-3.7) when a side has fewer than half of its composition present; nothing changes. Raises MeetingOpened.")
            .RequireAuthorization(p => p.RequireRole(MeetingCommands.CoChairs));

        group.MapPost("/close-session", CloseSession)
            .WithName("CloseSession")
            .WithSummary("A co-chair closes the session once every written opinion is read out (R-3.2, R-3.5)")
            .WithDescription("Raises SessionClosed.")
            .RequireAuthorization(p => p.RequireRole(MeetingCommands.CoChairs));

        group.MapPost("/postpone", Postpone)
            .WithName("PostponeMeeting")
            .WithRequestExample("""{ "reason": "Сопредседатели обеих сторон в командировке" }""")
            .WithSummary("A co-chair postpones a meeting that has not opened, with a reason (R-3.2)")
            .WithDescription("Raises MeetingPostponed {reason}.")
            .ProducesValidationProblem()
            .RequireAuthorization(p => p.RequireRole(MeetingCommands.CoChairs));

        group.MapPost("/reschedule", Reschedule)
            .WithName("RescheduleMeeting")
            .WithRequestExample("""{ "localStart": "2027-01-20T11:00:00", "timeZoneId": "Europe/Moscow", "format": "InPerson", "place": "Москва, ул. Тверская, 11" }""")
            .WithSummary("A co-chair gives a postponed meeting a new time; attendance is taken afresh (R-3.2)")
            .WithDescription("The body is a schedule, as for PUT /schedule. Raises MeetingRescheduled {startsAt, timeZoneId, revision}.")
            .ProducesValidationProblem()
            .RequireAuthorization(p => p.RequireRole(MeetingCommands.CoChairs));

        group.MapPost("/cancel", Cancel)
            .WithName("CancelMeeting")
            .WithRequestExample("""{ "reason": "Вопросы повестки решены в рабочем порядке" }""")
            .WithSummary("A co-chair cancels a meeting that has not opened, with a reason (R-3.2)")
            .WithDescription("Raises MeetingCancelled {reason}.")
            .ProducesValidationProblem()
            .RequireAuthorization(p => p.RequireRole(MeetingCommands.CoChairs));

        group.MapPost("/close", Close)
            .WithName("CloseMeeting")
            .WithSummary("A co-chair closes the meeting's file once its protocol is signed (R-3.10)")
            .WithDescription("409 protocol.not_signed while the protocol is missing or unsigned. Raises MeetingClosed.")
            .RequireAuthorization(p => p.RequireRole(MeetingCommands.CoChairs));

        return routes;
    }

    private static Task<Results<Ok<MeetingResponse>, ProblemHttpResult, ValidationProblem>> SetSchedule(
        Guid meetingId, ScheduleRequest request, ClaimsPrincipal user, ProcedureCommands commands, CancellationToken ct) =>
        WithSchedule(request, schedule => commands.OnMeetingAsync(user, meetingId, (cmd, meeting, caller) =>
        {
            meeting.SetSchedule(schedule, caller);
            cmd.Raise(ProcedureEvents.MeetingScheduleSet, meeting.Id, MeetingCommands.Payload(
                ("startsAt", schedule.StartsAt), ("timeZoneId", schedule.TimeZoneId), ("format", schedule.Format)));
            return null;
        }, ct));

    private static Task<Results<Ok<MeetingResponse>, ProblemHttpResult>> Schedule(
        Guid meetingId, ClaimsPrincipal user, ProcedureCommands commands, CancellationToken ct) =>
        commands.OnMeetingAsync(user, meetingId, (cmd, meeting, caller) =>
        {
            meeting.ScheduleMeeting(caller);
            cmd.Raise(ProcedureEvents.MeetingScheduled, meeting.Id, MeetingCommands.Payload(
                ("startsAt", meeting.Schedule!.StartsAt), ("timeZoneId", meeting.Schedule.TimeZoneId), ("revision", meeting.ScheduleRevision)));
            return null;
        }, ct);

    private static Task<Results<Ok<MeetingResponse>, ProblemHttpResult>> StartMaterialsCollection(
        Guid meetingId, ClaimsPrincipal user, ProcedureCommands commands, CancellationToken ct) =>
        commands.OnMeetingAsync(user, meetingId, (cmd, meeting, caller) =>
        {
            meeting.StartMaterialsCollection(caller);
            cmd.Raise(ProcedureEvents.MaterialsCollectionStarted, meeting.Id, MeetingCommands.Payload(
                ("deadline", meeting.MaterialsLateFrom)));
            return null;
        }, ct);

    private static Task<Results<Ok<MeetingResponse>, ProblemHttpResult>> Open(
        Guid meetingId, ClaimsPrincipal user, ProcedureCommands commands, CancellationToken ct) =>
        commands.OnMeetingAsync(user, meetingId, (cmd, meeting, caller) =>
        {
            meeting.Open(caller);
            cmd.Raise(ProcedureEvents.MeetingOpened, meeting.Id);
            return null;
        }, ct);

    private static Task<Results<Ok<MeetingResponse>, ProblemHttpResult>> CloseSession(
        Guid meetingId, ClaimsPrincipal user, ProcedureCommands commands, CancellationToken ct) =>
        commands.OnMeetingAsync(user, meetingId, (cmd, meeting, caller) =>
        {
            meeting.CloseSession(caller);
            cmd.Raise(ProcedureEvents.SessionClosed, meeting.Id);
            return null;
        }, ct);

    private static Task<Results<Ok<MeetingResponse>, ProblemHttpResult>> Postpone(
        Guid meetingId, ReasonRequest request, ClaimsPrincipal user, ProcedureCommands commands, CancellationToken ct) =>
        commands.OnMeetingAsync(user, meetingId, (cmd, meeting, caller) =>
        {
            meeting.Postpone(request.Reason.Trim(), caller);
            cmd.Raise(ProcedureEvents.MeetingPostponed, meeting.Id, MeetingCommands.Payload(("reason", meeting.PostponementReason)));
            return null;
        }, ct);

    private static Task<Results<Ok<MeetingResponse>, ProblemHttpResult, ValidationProblem>> Reschedule(
        Guid meetingId, ScheduleRequest request, ClaimsPrincipal user, ProcedureCommands commands, CancellationToken ct) =>
        WithSchedule(request, schedule => commands.OnMeetingAsync(user, meetingId, (cmd, meeting, caller) =>
        {
            meeting.Reschedule(schedule, caller);
            cmd.Raise(ProcedureEvents.MeetingRescheduled, meeting.Id, MeetingCommands.Payload(
                ("startsAt", schedule.StartsAt), ("timeZoneId", schedule.TimeZoneId), ("revision", meeting.ScheduleRevision)));
            return null;
        }, ct));

    private static Task<Results<Ok<MeetingResponse>, ProblemHttpResult>> Cancel(
        Guid meetingId, ReasonRequest request, ClaimsPrincipal user, ProcedureCommands commands, CancellationToken ct) =>
        commands.OnMeetingAsync(user, meetingId, (cmd, meeting, caller) =>
        {
            meeting.Cancel(request.Reason.Trim(), caller);
            cmd.Raise(ProcedureEvents.MeetingCancelled, meeting.Id, MeetingCommands.Payload(("reason", meeting.CancellationReason)));
            return null;
        }, ct);

    private static Task<Results<Ok<MeetingResponse>, ProblemHttpResult>> Close(
        Guid meetingId, ClaimsPrincipal user, ProcedureCommands commands, CancellationToken ct) =>
        commands.RunOnMeetingAsync(user, meetingId, async (cmd, meeting, caller) =>
        {
            var protocol = await cmd.Db.Protocols.AsSplitQuery().FirstOrDefaultAsync(p => p.MeetingId == meeting.Id, ct);
            if (protocol is null)
            {
                return Problems.Conflict("protocol.not_signed", "Протокол заседания не подписан (п. 3.10). / The meeting's protocol is not signed (R-3.10).");
            }

            meeting.Close(protocol, caller);
            cmd.Raise(ProcedureEvents.MeetingClosed, meeting.Id);
            return null;
        }, ct);

    /// <summary>Checks the schedule's fields (400 naming the field) before the command touches the domain.</summary>
    private static async Task<Results<Ok<MeetingResponse>, ProblemHttpResult, ValidationProblem>> WithSchedule(
        ScheduleRequest request, Func<Domain.Meetings.MeetingSchedule, Task<Results<Ok<MeetingResponse>, ProblemHttpResult>>> command)
    {
        if (request.Validate() is { } invalid)
        {
            return invalid;
        }

        return await command(request.ToSchedule()) switch
        {
            { Result: Ok<MeetingResponse> ok } => ok,
            { Result: ProblemHttpResult problem } => problem,
            var other => throw new InvalidOperationException($"Unexpected result {other.Result}."),
        };
    }
}
