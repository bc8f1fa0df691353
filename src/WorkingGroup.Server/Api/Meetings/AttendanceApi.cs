using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WorkingGroup.Domain.Attendance;
using WorkingGroup.Server.Errors;
using WorkingGroup.Server.Persistence;
using WorkingGroup.Server.Procedures;

namespace WorkingGroup.Server.Api.Meetings;

/// <summary>
/// Attendance and written opinions: the secretary records who attends, the quorum per side
/// follows from it; a member recorded absent files a written opinion, which the secretary reads out at the session.
/// </summary>
internal static class AttendanceApi
{
    public static IEndpointRouteBuilder MapAttendanceApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/meetings/{meetingId:guid}").WithTags("Attendance")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/attendance", Get)
            .WithName("GetAttendance")
            .WithSummary("Who is recorded present or absent, and the quorum per side now (R-3.7)")
            .RequireAuthorization(p => p.RequireRole([.. Roles.Composition, Roles.Administrator]));

        group.MapPut("/attendance/{personId:guid}", Record)
            .WithName("RecordAttendance")
            .WithRequestExample("""{ "presence": "PresentRemotely" }""")
            .WithSummary("The secretary records a member's attendance, announced before or taken at the meeting (R-3.4, R-3.7)")
            .WithDescription("From scheduling until the session closes. 422 composition.not_a_member for someone outside the composition on the meeting date. Raises AttendanceRecorded {personId, presence}.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(p => p.RequireRole(MeetingCommands.Secretaries));

        group.MapPost("/opinions", FileOpinion)
            .WithName("FileWrittenOpinion")
            .WithRequestExample("""{ "agendaItemId": "3f1c2a9e-6b7d-4c1e-9a55-0d2b8e7f4a10", "text": "Поддерживаю проект решения." }""")
            .WithSummary("A member recorded absent files a written opinion on an agenda item (R-3.5)")
            .WithDescription("Raises WrittenOpinionFiled {opinionId, agendaItemId, authorId}.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(p => p.RequireRole([.. Roles.Composition]));

        group.MapPost("/opinions/{opinionId:guid}/read-out", ReadOut)
            .WithName("ReadOutWrittenOpinion")
            .WithSummary("The secretary marks a written opinion read out at the session (R-3.5)")
            .WithDescription("Once, and only in session. Raises WrittenOpinionReadOut {opinionId}.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(p => p.RequireRole(MeetingCommands.Secretaries));

        return routes;
    }

    private static async Task<Results<Ok<AttendanceResponse>, ProblemHttpResult>> Get(
        Guid meetingId, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().WholeAsync(meetingId, ct);
        var composition = await db.Compositions.AsNoTracking().CurrentAsync(ct);
        return meeting is null || composition is null
            ? MeetingCommands.MeetingNotFound()
            : TypedResults.Ok(AttendanceResponse.From(meeting, composition, clock.GetUtcNow()));
    }

    private static Task<Results<Ok<MeetingResponse>, ProblemHttpResult>> Record(
        Guid meetingId, Guid personId, RecordAttendanceRequest request, ClaimsPrincipal user, ProcedureCommands commands, CancellationToken ct) =>
        commands.OnMeetingAsync(user, meetingId, (cmd, meeting, caller) =>
        {
            meeting.RecordAttendance(personId, request.Presence!.Value, caller);
            cmd.Raise(ProcedureEvents.AttendanceRecorded, meeting.Id, MeetingCommands.Payload(
                ("personId", personId), ("presence", request.Presence.Value)));
            return null;
        }, ct);

    private static async Task<Results<Created<WrittenOpinionResponse>, ProblemHttpResult>> FileOpinion(
        Guid meetingId, FileWrittenOpinionRequest request, ClaimsPrincipal user, ProcedureCommands commands, CancellationToken ct) =>
        await commands.RunAsync<Results<Created<WrittenOpinionResponse>, ProblemHttpResult>>(user, async cmd =>
        {
            var meeting = await MeetingCommands.LoadAsync(cmd.Db, meetingId, ct);
            if (meeting is null)
            {
                return MeetingCommands.MeetingNotFound();
            }

            var opinion = meeting.FileWrittenOpinion(request.AgendaItemId!.Value, request.Text.Trim(), await cmd.CallerAsync());
            cmd.Raise(ProcedureEvents.WrittenOpinionFiled, meeting.Id, MeetingCommands.Payload(
                ("opinionId", opinion.Id), ("agendaItemId", opinion.AgendaItemId), ("authorId", opinion.PersonId)));
            return TypedResults.Created($"/api/meetings/{meeting.Id}", WrittenOpinionResponse.From(opinion));
        }, ct);

    private static Task<Results<Ok<MeetingResponse>, ProblemHttpResult>> ReadOut(
        Guid meetingId, Guid opinionId, ClaimsPrincipal user, ProcedureCommands commands, CancellationToken ct) =>
        commands.OnMeetingAsync(user, meetingId, (cmd, meeting, caller) =>
        {
            if (meeting.WrittenOpinions.All(o => o.Id != opinionId))
            {
                return Problems.NotFound("opinion.not_found", "Письменное мнение не найдено. / The written opinion was not found.");
            }

            meeting.MarkOpinionReadOut(opinionId, caller);
            cmd.Raise(ProcedureEvents.WrittenOpinionReadOut, meeting.Id, MeetingCommands.Payload(("opinionId", opinionId)));
            return null;
        }, ct);
}

/// <summary>How a member takes part in the meeting.</summary>
/// <param name="Presence">PresentInPerson, PresentRemotely (counts as present, R-3.7) or Absent (may then file a written opinion, R-3.5).</param>
public sealed record RecordAttendanceRequest([Required] Presence? Presence);

/// <summary>An absent member's written opinion on one agenda question .</summary>
/// <param name="AgendaItemId">The agenda item the opinion is on.</param>
/// <param name="Text">The opinion, read out at the session and attached to the protocol.</param>
public sealed record FileWrittenOpinionRequest([Required] Guid? AgendaItemId, [Required, MaxLength(20000)] string Text);
