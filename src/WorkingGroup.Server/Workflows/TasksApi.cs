using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WorkingGroup.Server.Errors;
using WorkingGroup.Server.Identity;
using WorkingGroup.Server.Persistence;
using WorkingGroup.Server.Procedures.Activities;
using WorkingGroup.Workflows.Persistence;
using WorkingGroup.Workflows.Runtime;
using WorkingGroup.Server.Api;

namespace WorkingGroup.Server.Workflows;

/// <summary>
/// The tasks workflows assign to people (<c>Elsa.RunTask</c>). A task's assignee is a person's id, a role
/// (<c>ExecutiveSecretary</c>: anyone holding it) or a role on one side (<c>ExecutiveSecretary:RU</c>).
/// </summary>
internal static class TasksApi
{
    public static IEndpointRouteBuilder MapTasksApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/tasks").WithTags("Tasks").RequireAuthorization();

        group.MapGet("/", MyOpenTasks)
            .WithName("MyOpenTasks")
            .WithSummary("My open tasks, oldest first")
            .WithDescription("A task of a procedure action carries completeBy in its payload: the command that does it.")
            .Produces<List<TaskResponse>>();

        group.MapPost("/{taskId}/complete", Complete)
            .WithRequestExample("""{ "result": { "approved": true, "comment": "Согласовано" } }""")
            .WithName("CompleteTask")
            .WithSummary("Complete one of my tasks with a form payload; the workflow goes on")
            .WithDescription(
                "409 task.not_open when the task is no longer open (e.g. someone completed it a moment earlier); 409 task.complete_by_action "
                + "for a task that waits for a procedure action (AwaitAction, CollectSignatures): it closes when that action's command is done, "
                + "and the problem's endpoint names the command.")
            .Produces<TaskCompletedResponse>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return routes;
    }

    private static async Task<Ok<List<TaskResponse>>> MyOpenTasks(ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var assignees = AssigneesOf(user);
        var tasks = await db.Set<WorkflowTaskRecord>().AsNoTracking()
            .Where(t => t.Status == WorkflowTaskStatus.Open && t.Assignee != null && assignees.Contains(t.Assignee))
            .OrderBy(t => t.CreatedAt)
            .ToListAsync(ct);
        return TypedResults.Ok(tasks.Select(ToResponse).ToList());
    }

    private static async Task<Results<Ok<TaskCompletedResponse>, ProblemHttpResult>> Complete(
        string taskId, CompleteTaskRequest? request, ClaimsPrincipal user, AppDbContext db, WorkflowRuntime runtime, CancellationToken ct)
    {
        var task = await db.Set<WorkflowTaskRecord>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null)
        {
            return Problems.NotFound("task.not_found", "Задача не найдена. / Task not found.");
        }

        if (task.Assignee is null || !AssigneesOf(user).Contains(task.Assignee))
        {
            return Problems.Forbidden("task.not_assigned_to_you", "Эта задача назначена не вам. / This task is not assigned to you.");
        }

        // The engine cancels a task when its bookmark is dropped, in the same step, so an open task's workflow still waits.
        if (task.Status != WorkflowTaskStatus.Open)
        {
            return TaskClosed();
        }

        // The to-do of a procedure action closes when the action's own command is done: that command checks the domain's
        // rules and raises the event the workflow waits for. Completing the task here would skip both.
        if (CompleteBy(task) is { } endpoint)
        {
            var problem = Problems.Conflict(
                "task.complete_by_action",
                $"Эта задача закрывается действием «{endpoint}», а не отметкой о выполнении. / This task closes when its action is done: {endpoint}.");
            problem.ProblemDetails.Extensions["endpoint"] = endpoint;
            return problem;
        }

        try
        {
            var run = await runtime.CompleteTaskAsync(taskId, request?.Result is { } result ? JsonNode.Parse(result.GetRawText()) : null, user.FindFirstValue(ClaimTypes.NameIdentifier), ct);
            return TypedResults.Ok(new TaskCompletedResponse(taskId, run.InstanceId, run.Status.ToString(), run.SubStatus.ToString()));
        }
        catch (WorkflowNotFoundException)
        {
            // Someone completed it between our read and the workflow's step.
            return TaskClosed();
        }
    }

    private static string? CompleteBy(WorkflowTaskRecord task)
    {
        if (task.Payload is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(task.Payload) is JsonObject payload && payload[ActionTasks.CompleteByProperty] is JsonValue value && value.TryGetValue<string>(out var endpoint)
                ? endpoint
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ProblemHttpResult TaskClosed() =>
        Problems.Conflict("task.not_open", "Задача уже выполнена или отменена. / The task has already been completed or cancelled.");

    /// <summary>Every assignee value that designates this person.</summary>
    internal static HashSet<string> AssigneesOf(ClaimsPrincipal user)
    {
        var assignees = new HashSet<string>(StringComparer.Ordinal);
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id)
        {
            assignees.Add(id);
        }

        var side = user.GetSide();
        foreach (var role in user.FindAll(ClaimTypes.Role).Select(c => c.Value))
        {
            assignees.Add(role);
            if (side is { } s)
            {
                assignees.Add($"{role}:{s}");
            }
        }

        return assignees;
    }

    private static TaskResponse ToResponse(WorkflowTaskRecord task) => new(
        task.Id, task.TaskName, task.Assignee, task.InstanceId, task.CreatedAt,
        task.Payload is null ? null : JsonNode.Parse(task.Payload));
}

/// <param name="Result">The form the person filled in; the workflow receives it as the task's result.</param>
public sealed record CompleteTaskRequest(JsonElement? Result);

public sealed record TaskResponse(string Id, string Name, string? Assignee, string InstanceId, DateTimeOffset CreatedAt, JsonNode? Payload);

public sealed record TaskCompletedResponse(string TaskId, string InstanceId, string Status, string SubStatus);
