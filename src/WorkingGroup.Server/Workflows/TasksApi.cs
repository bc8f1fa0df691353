using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WorkingGroup.Server.Errors;
using WorkingGroup.Server.Identity;
using WorkingGroup.Server.Persistence;
using WorkingGroup.Workflows.Persistence;
using WorkingGroup.Workflows.Runtime;

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
            .WithSummary("My open tasks, oldest first");

        group.MapPost("/{taskId}/complete", Complete)
            .WithName("CompleteTask")
            .WithSummary("Complete one of my tasks with a form payload; the workflow goes on")
            .WithDescription("409 when the task is no longer open (e.g. someone completed it a moment earlier).")
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

        if (task.Status != WorkflowTaskStatus.Open)
        {
            return TaskClosed();
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
