using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.OpenApi;
using WorkingGroup.Domain.Decisions;
using WorkingGroup.Server.Api.Meetings;
using WorkingGroup.Server.Errors;
using WorkingGroup.Server.Identity;
using WorkingGroup.Server.Persistence;
using WorkingGroup.Server.Procedures;

namespace WorkingGroup.Server.Api.Decisions;

/// <summary>
/// Decision control: the executor starts and reports, the secretary of the executor's side verifies or
/// returns the report, a co-chair extends or cancels; the monitoring view lists assignments, overdue ones by the clock.
/// </summary>
internal static class AssignmentsApi
{
    /// <summary>R-3.4: a report is verified or returned by the executive secretary of the executor's side.</summary>
    private static readonly RoleOnSideRequirement SecretaryOfSide = new([Roles.ExecutiveSecretary]);

    /// <summary>The response header with the number of assignments the filters match, over all pages.</summary>
    public const string TotalCountHeader = "X-Total-Count";

    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 500;

    public static IEndpointRouteBuilder MapAssignmentsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/assignments").WithTags("Assignments")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("", List)
            .WithName("ListAssignments")
            .WithSummary("The monitoring view: assignments by due date, filtered by mine, overdue, side and state, a page at a time")
            .WithDescription("mine: those I may report on (named to me, or to a body of my side). overdue: past due and neither " +
                             "verified nor cancelled, by the server's clock. side: the executor's side. The filters combine (and). " +
                             $"Ordered by due date (then assigned date, then id); skip (0 or more, default 0) and take (1–{MaxPageSize}, " +
                             $"default {DefaultPageSize}) choose the page, and the {TotalCountHeader} header gives the number of assignments " +
                             "the filters match over all pages. 400 naming skip or take when out of range.")
            .ProducesValidationProblem()
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                if (operation.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse response)
                {
                    response.Headers ??= new Dictionary<string, IOpenApiHeader>();
                    response.Headers[TotalCountHeader] = new OpenApiHeader
                    {
                        Description = "How many assignments the filters match, over all pages.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                    };
                }

                return Task.CompletedTask;
            })
            .RequireAuthorization(Policies.Participant);

        var commands = group.MapGroup("/{assignmentId:guid}")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        commands.MapPost("/start", Start)
            .WithName("StartAssignment")
            .WithSummary("The executor starts the work, or resumes it after a returned report")
            .WithDescription("Raises AssignmentStarted.")
            .RequireAuthorization(p => p.RequireRole([.. Roles.Composition]));

        commands.MapPost("/report", Report)
            .WithRequestExample("""{ "report": "Проект перечня подготовлен и направлен секретарю стороны" }""")
            .WithName("ReportAssignment")
            .WithSummary("The executor reports the result")
            .WithDescription("Raises AssignmentReported {report}.")
            .ProducesValidationProblem()
            .RequireAuthorization(p => p.RequireRole([.. Roles.Composition]));

        commands.MapPost("/verify", Verify)
            .WithName("VerifyAssignment")
            .WithSummary("The secretary of the executor's side verifies the report (R-3.4)")
            .WithDescription("Raises AssignmentVerified. 403 for the other side's secretary.")
            .RequireAuthorization(p => p.RequireRole(MeetingCommands.Secretaries));

        commands.MapPost("/return", Return)
            .WithRequestExample("""{ "reason": "Добавьте квалификации уровня 5 и выше" }""")
            .WithName("ReturnAssignment")
            .WithSummary("The secretary of the executor's side returns the report, with a reason (R-3.4)")
            .WithDescription("Raises AssignmentReturned {reason}. 403 for the other side's secretary.")
            .ProducesValidationProblem()
            .RequireAuthorization(p => p.RequireRole(MeetingCommands.Secretaries));

        commands.MapPost("/extend", Extend)
            .WithRequestExample("""{ "dueAt": "2027-03-01T18:00:00+03:00", "reason": "Ждём данные статистики за год" }""")
            .WithName("ExtendAssignment")
            .WithSummary("A co-chair (or acting deputy) moves the due date later, with a reason (R-3.2)")
            .WithDescription("Raises AssignmentExtended {dueAt, reason}.")
            .ProducesValidationProblem()
            .RequireAuthorization(p => p.RequireRole(MeetingCommands.CoChairs));

        commands.MapPost("/cancel", Cancel)
            .WithRequestExample("""{ "reason": "Вопрос снят решением сопредседателей" }""")
            .WithName("CancelAssignment")
            .WithSummary("A co-chair (or acting deputy) cancels an assignment not yet verified, with a reason (R-3.2)")
            .WithDescription("Raises AssignmentCancelled {reason}.")
            .ProducesValidationProblem()
            .RequireAuthorization(p => p.RequireRole(MeetingCommands.CoChairs));

        return routes;
    }

    /// <summary>The payload every assignment event carries (see <see cref="ProcedureEvents"/>), plus the event's own.</summary>
    public static JsonObject Payload(Decision decision, Assignment assignment, params (string Name, object? Value)[] more) =>
        MeetingCommands.Payload([("meetingId", decision.MeetingId), ("decisionId", decision.Id), ("assignmentId", assignment.Id), .. more]);

    /// <summary>
    /// The database filters, counts, orders and pages. Due dates compare as instants on both providers: PostgreSQL keeps
    /// them as timestamptz, SQLite as UTC-normalised binary ticks (<see cref="SqliteAppDbContext"/>).
    /// </summary>
    private static async Task<Results<Ok<List<AssignmentResponse>>, ValidationProblem>> List(
        bool? mine, bool? overdue, Side? side, AssignmentState? state, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, HttpResponse response,
        CancellationToken ct, int skip = 0, int take = DefaultPageSize)
    {
        if (skip < 0)
        {
            return Problems.Validation("skip", "Укажите 0 или больше. / Give 0 or more.");
        }

        if (take is < 1 or > MaxPageSize)
        {
            return Problems.Validation("take", $"Укажите от 1 до {MaxPageSize}. / Give 1 to {MaxPageSize}.");
        }

        var query = db.Decisions.AsNoTracking().SelectMany(d => d.Assignments, (d, a) => new { DecisionId = d.Id, d.MeetingId, Assignment = a });
        if (mine == true)
        {
            var me = ProcedureCommands.PersonIdOf(user);
            var mySide = user.GetSide();
            query = query.Where(x => x.Assignment.Executor.PersonId == me || (x.Assignment.Executor.PersonId == null && x.Assignment.Executor.Side == mySide));
        }

        if (overdue is { } late)
        {
            // Assignment.IsOverdue, in SQL.
            var now = clock.GetUtcNow();
            query = late
                ? query.Where(x => x.Assignment.State != AssignmentState.Verified && x.Assignment.State != AssignmentState.Cancelled && x.Assignment.DueAt < now)
                : query.Where(x => x.Assignment.State == AssignmentState.Verified || x.Assignment.State == AssignmentState.Cancelled || x.Assignment.DueAt >= now);
        }

        if (side is { } executorSide)
        {
            query = query.Where(x => x.Assignment.Executor.Side == executorSide);
        }

        if (state is { } wanted)
        {
            query = query.Where(x => x.Assignment.State == wanted);
        }

        var total = await query.CountAsync(ct);
        var page = await query
            .OrderBy(x => x.Assignment.DueAt).ThenBy(x => x.Assignment.AssignedAt).ThenBy(x => x.Assignment.Id)
            .Skip(skip).Take(take)
            .ToListAsync(ct);
        response.Headers[TotalCountHeader] = total.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Ok(page.Select(x => AssignmentResponse.From(x.DecisionId, x.MeetingId, x.Assignment, clock)).ToList());
    }

    private static Task<Results<Ok<AssignmentResponse>, ProblemHttpResult>> Start(
        Guid assignmentId, ClaimsPrincipal user, ProcedureCommands commands, TimeProvider clock, CancellationToken ct) =>
        commands.OnAssignmentAsync(user, assignmentId, clock, (cmd, decision, assignment, caller) =>
        {
            assignment.Start(caller);
            cmd.Raise(ProcedureEvents.AssignmentStarted, assignment.Id, Payload(decision, assignment));
            return Task.FromResult<ProblemHttpResult?>(null);
        }, ct);

    private static Task<Results<Ok<AssignmentResponse>, ProblemHttpResult>> Report(
        Guid assignmentId, AssignmentReportRequest request, ClaimsPrincipal user, ProcedureCommands commands, TimeProvider clock, CancellationToken ct) =>
        commands.OnAssignmentAsync(user, assignmentId, clock, (cmd, decision, assignment, caller) =>
        {
            assignment.SubmitReport(request.Report.Trim(), caller);
            cmd.Raise(ProcedureEvents.AssignmentReported, assignment.Id, Payload(decision, assignment, ("report", assignment.Report)));
            return Task.FromResult<ProblemHttpResult?>(null);
        }, ct);

    private static Task<Results<Ok<AssignmentResponse>, ProblemHttpResult>> Verify(
        Guid assignmentId, ClaimsPrincipal user, IAuthorizationService authorization, ProcedureCommands commands, TimeProvider clock, CancellationToken ct) =>
        commands.OnAssignmentAsync(user, assignmentId, clock, async (cmd, decision, assignment, caller) =>
        {
            if (await NotSecretaryOfExecutorSideAsync(authorization, user, assignment) is { } forbidden)
            {
                return forbidden;
            }

            assignment.Verify(caller);
            cmd.Raise(ProcedureEvents.AssignmentVerified, assignment.Id, Payload(decision, assignment));
            return null;
        }, ct);

    private static Task<Results<Ok<AssignmentResponse>, ProblemHttpResult>> Return(
        Guid assignmentId, AssignmentReasonRequest request, ClaimsPrincipal user, IAuthorizationService authorization,
        ProcedureCommands commands, TimeProvider clock, CancellationToken ct) =>
        commands.OnAssignmentAsync(user, assignmentId, clock, async (cmd, decision, assignment, caller) =>
        {
            if (await NotSecretaryOfExecutorSideAsync(authorization, user, assignment) is { } forbidden)
            {
                return forbidden;
            }

            assignment.Return(request.Reason.Trim(), caller);
            cmd.Raise(ProcedureEvents.AssignmentReturned, assignment.Id, Payload(decision, assignment, ("reason", assignment.Reason)));
            return null;
        }, ct);

    private static Task<Results<Ok<AssignmentResponse>, ProblemHttpResult>> Extend(
        Guid assignmentId, ExtendAssignmentRequest request, ClaimsPrincipal user, ProcedureCommands commands, TimeProvider clock, CancellationToken ct) =>
        commands.OnAssignmentAsync(user, assignmentId, clock, (cmd, decision, assignment, caller) =>
        {
            var reason = request.Reason.Trim();
            assignment.Extend(request.DueAt!.Value, reason, caller);
            cmd.Raise(ProcedureEvents.AssignmentExtended, assignment.Id, Payload(decision, assignment, ("dueAt", assignment.DueAt), ("reason", reason)));
            return Task.FromResult<ProblemHttpResult?>(null);
        }, ct);

    private static Task<Results<Ok<AssignmentResponse>, ProblemHttpResult>> Cancel(
        Guid assignmentId, AssignmentReasonRequest request, ClaimsPrincipal user, ProcedureCommands commands, TimeProvider clock, CancellationToken ct) =>
        commands.OnAssignmentAsync(user, assignmentId, clock, (cmd, decision, assignment, caller) =>
        {
            assignment.Cancel(request.Reason.Trim(), caller);
            cmd.Raise(ProcedureEvents.AssignmentCancelled, assignment.Id, Payload(decision, assignment, ("reason", assignment.Reason)));
            return Task.FromResult<ProblemHttpResult?>(null);
        }, ct);

    /// <summary>Runs a command on one assignment, loaded with its decision; the command may answer a problem instead (nothing is then raised).</summary>
    private static Task<Results<Ok<AssignmentResponse>, ProblemHttpResult>> OnAssignmentAsync(
        this ProcedureCommands commands,
        ClaimsPrincipal user,
        Guid assignmentId,
        TimeProvider clock,
        Func<ProcedureCommand, Decision, Assignment, Caller, Task<ProblemHttpResult?>> act,
        CancellationToken ct) =>
        commands.RunAsync<Results<Ok<AssignmentResponse>, ProblemHttpResult>>(user, async cmd =>
        {
            var decision = await cmd.Db.Decisions.FirstOrDefaultAsync(d => d.Assignments.Any(a => a.Id == assignmentId), ct);
            var assignment = decision?.Assignments.Single(a => a.Id == assignmentId);
            if (decision is null || assignment is null)
            {
                return Problems.NotFound("assignment.not_found", "Поручение не найдено. / The assignment was not found.");
            }

            if (await act(cmd, decision, assignment, await cmd.CallerAsync()) is { } problem)
            {
                return problem;
            }

            return TypedResults.Ok(AssignmentResponse.From(decision, assignment, clock));
        }, ct);

    /// <summary>R-3.4: only the executive secretary of the executor's side verifies or returns (403 for the other side's).</summary>
    private static async Task<ProblemHttpResult?> NotSecretaryOfExecutorSideAsync(IAuthorizationService authorization, ClaimsPrincipal user, Assignment assignment) =>
        (await authorization.AuthorizeAsync(user, assignment.Executor.Side, SecretaryOfSide)).Succeeded
            ? null
            : Problems.Forbidden("assignment.not_executor_side_secretary",
                $"Отчёт по поручению проверяет ответственный секретарь стороны {assignment.Executor.Side} (п. 3.4). / " +
                $"The report is verified by the executive secretary of side {assignment.Executor.Side} (R-3.4).");
}
