using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using WorkingGroup.Server.Errors;
using WorkingGroup.Server.Identity;
using WorkingGroup.Workflows.Runtime;
using WorkingGroup.Server.Api;

namespace WorkingGroup.Server.Workflows;

/// <summary>Starting a procedure by hand and looking at a running instance (administrators).</summary>
internal static class WorkflowsApi
{
    public static IEndpointRouteBuilder MapWorkflowsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/workflows").WithTags("Workflows").RequireAuthorization(Policies.Administrator);

        group.MapPost("/{definitionId}/instances", Start)
            .WithRequestExample("""{ "correlationId": "3b1f2c9e-8d4a-4f6b-9c2e-1a7d5e0b4c33", "input": { "title": "Заседание № 3" } }""")
            .WithName("StartWorkflow")
            .WithSummary("Start the published version of a procedure")
            .WithDescription("Runs until the workflow waits (a task, a timer, an event) or ends; answers its state then.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/instances/{instanceId}", Find)
            .WithName("GetWorkflowInstance")
            .WithSummary("The state of a workflow instance")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return routes;
    }

    private static async Task<Results<Created<InstanceResponse>, ProblemHttpResult>> Start(
        string definitionId, StartWorkflowRequest? request, HttpContext http, WorkflowRuntime runtime, CancellationToken ct)
    {
        try
        {
            var result = await runtime.StartAsync(definitionId, new StartWorkflowOptions
            {
                CorrelationId = request?.CorrelationId,
                Input = request?.Input is { ValueKind: JsonValueKind.Object } input ? JsonNode.Parse(input.GetRawText())!.AsObject() : null,
                Actor = http.User.Identity?.Name,
            }, ct);
            return TypedResults.Created($"/api/workflows/instances/{result.InstanceId}", ToResponse(result));
        }
        catch (WorkflowNotFoundException)
        {
            return Problems.NotFound("workflow.definition_not_published", $"Процедура «{definitionId}» не опубликована. / Procedure '{definitionId}' is not published.");
        }
    }

    private static async Task<Results<Ok<InstanceResponse>, ProblemHttpResult>> Find(string instanceId, WorkflowRuntime runtime, CancellationToken ct) =>
        await runtime.FindInstanceAsync(instanceId, ct) is { } result
            ? TypedResults.Ok(ToResponse(result))
            : Problems.NotFound("workflow.instance_not_found", "Экземпляр процедуры не найден. / Workflow instance not found.");

    private static InstanceResponse ToResponse(WorkflowRunResult result) => new(
        result.InstanceId, result.DefinitionVersion, result.Status.ToString(), result.SubStatus.ToString(),
        result.Incidents.Count, result.Variables);
}

/// <param name="CorrelationId">Ties the instance to a business object, e.g. a meeting id; events use it to find the instance.</param>
/// <param name="Input">The procedure's inputs, e.g. <c>{ "materialsDeadlineDays": 10 }</c>.</param>
public sealed record StartWorkflowRequest(string? CorrelationId, JsonElement? Input);

public sealed record InstanceResponse(string InstanceId, int DefinitionVersion, string Status, string SubStatus, int Incidents, JsonObject Variables);
