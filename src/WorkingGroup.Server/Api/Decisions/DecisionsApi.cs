using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WorkingGroup.Domain.Decisions;
using WorkingGroup.Server.Api.Meetings;
using WorkingGroup.Server.Errors;
using WorkingGroup.Server.Identity;
using WorkingGroup.Server.Persistence;
using WorkingGroup.Server.Procedures;

namespace WorkingGroup.Server.Api.Decisions;

/// <summary>
/// Decisions of a meeting and the assignments given under them: recorded in session, read by
/// the members of both sides. The assignments' own commands and the monitoring view are in <see cref="AssignmentsApi"/>.
/// </summary>
internal static class DecisionsApi
{
    public static IEndpointRouteBuilder MapDecisionsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/meetings/{meetingId:guid}/decisions").WithTags("Decisions")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("", Record)
            .WithRequestExample("""{ "agendaItemId": "5c0e9b7a-2d41-4e8f-a3b6-7f1c2d9e0a45", "text": "Рекомендовать сторонам гармонизировать перечни квалификаций", "assignments": [ { "executorPersonId": "8a4d2f6b-1c3e-4b5a-9d7f-0e2c4a6b8d10", "dueAt": "2027-02-01T18:00:00+03:00", "expectedResult": "Проект перечня взаимно признаваемых квалификаций" }, { "side": "KZ", "bodyName": "Министерство труда и социальной защиты населения РК", "dueAt": "2027-02-15T18:00:00+05:00", "expectedResult": "Заключение по проекту перечня" } ] }""")
            .WithName("RecordDecision")
            .WithSummary("Record a decision in session, with its assignments (R-3.7, R-3.2)")
            .WithDescription("Secretary or acting co-chair records; assignments need the acting co-chair. Each side must be quorate now. " +
                             "Raises DecisionRecorded (correlation: the meeting id) and one AssignmentCreated per assignment (correlation: its id).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(p => p.RequireRole(MeetingCommands.Organisers));

        group.MapGet("", List)
            .WithName("ListDecisions")
            .WithSummary("The decisions of a meeting with their assignments (R-1.3: members of both sides)")
            .RequireAuthorization(Policies.Participant);

        return routes.MapAssignmentsApi();
    }

    private static async Task<Results<Created<DecisionResponse>, ValidationProblem, ProblemHttpResult>> Record(
        Guid meetingId, RecordDecisionRequest request, ClaimsPrincipal user, ProcedureCommands commands, TimeProvider clock, CancellationToken ct)
    {
        var assignments = request.Assignments ?? [];
        for (var i = 0; i < assignments.Count; i++)
        {
            var a = assignments[i];
            var toMember = a.ExecutorPersonId is not null;
            var toBody = a.Side is not null || !string.IsNullOrWhiteSpace(a.BodyName);
            if (toMember == toBody || (toBody && (a.Side is null || string.IsNullOrWhiteSpace(a.BodyName))))
            {
                return Problems.Validation($"assignments[{i}].executorPersonId",
                    "Укажите исполнителя: члена группы (executorPersonId) либо орган стороны (side и bodyName). / " +
                    "Name the executor: a member (executorPersonId) or a body of one side (side and bodyName).");
            }
        }

        return await commands.RunAsync<Results<Created<DecisionResponse>, ValidationProblem, ProblemHttpResult>>(user, async cmd =>
        {
            var meeting = await MeetingCommands.LoadAsync(cmd.Db, meetingId, ct);
            if (meeting is null)
            {
                return MeetingCommands.MeetingNotFound();
            }

            var caller = await cmd.CallerAsync();
            var decision = Decision.Record(meeting, request.AgendaItemId!.Value, request.Text.Trim(), caller);
            foreach (var a in assignments)
            {
                _ = a.ExecutorPersonId is { } executor
                    ? decision.AssignToMember(executor, a.DueAt!.Value, a.ExpectedResult.Trim(), caller)
                    : decision.AssignToBody(a.Side!.Value, a.BodyName!.Trim(), a.DueAt!.Value, a.ExpectedResult.Trim(), caller);
            }

            cmd.Db.Decisions.Add(decision);
            var ids = new JsonArray([.. decision.Assignments.Select(a => JsonValue.Create(a.Id.ToString()))]);
            cmd.Raise(ProcedureEvents.DecisionRecorded, meeting.Id, MeetingCommands.Payload(
                ("meetingId", meeting.Id), ("decisionId", decision.Id), ("agendaItemId", decision.AgendaItemId), ("assignmentIds", ids)));
            foreach (var assignment in decision.Assignments)
            {
                cmd.Raise(ProcedureEvents.AssignmentCreated, assignment.Id, AssignmentsApi.Payload(decision, assignment,
                    ("dueAt", assignment.DueAt),
                    ("executorPersonId", assignment.Executor.PersonId),
                    ("executorSide", assignment.Executor.Side),
                    ("bodyName", assignment.Executor.BodyName)));
            }

            return TypedResults.Created($"/api/meetings/{meeting.Id}/decisions", DecisionResponses.From(decision, clock));
        }, ct);
    }

    private static async Task<Results<Ok<List<DecisionResponse>>, ProblemHttpResult>> List(
        Guid meetingId, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!await db.Meetings.AnyAsync(m => m.Id == meetingId, ct))
        {
            return MeetingCommands.MeetingNotFound();
        }

        var decisions = await db.Decisions.AsNoTracking().Where(d => d.MeetingId == meetingId).ToListAsync(ct);
        return TypedResults.Ok(decisions.OrderBy(d => d.RecordedAt).Select(d => DecisionResponses.From(d, clock)).ToList());
    }
}
