using System.Text.Json.Nodes;
using WorkingGroup.Workflows.Definitions;

namespace WorkingGroup.Benchmarks;

/// <summary>The two measured workflows: a user task then a line (start/resume), and a delay then a line (timer lag).</summary>
internal static class BenchDefinitions
{
    public const string TaskWorkflow = "bench-task";
    public const string TimerWorkflow = "bench-timer";

    public static WorkflowDefinition Task() => Build(
        TaskWorkflow,
        Activity("ask", "Elsa.RunTask", ("taskName", "Review the draft"), ("assignee", "secretary")),
        Activity("done", "Elsa.WriteLine", ("text", "reviewed")));

    public static WorkflowDefinition Timer(TimeSpan delay) => Build(
        TimerWorkflow,
        Activity("wait", "Elsa.Delay", ("timeSpan", delay.ToString("c", System.Globalization.CultureInfo.InvariantCulture))),
        Activity("done", "Elsa.WriteLine", ("text", "fired")));

    /// <summary>A flowchart whose two activities are connected first → second.</summary>
    private static WorkflowDefinition Build(string definitionId, JsonObject first, JsonObject second)
    {
        var connection = new JsonObject
        {
            ["source"] = new JsonObject { ["activity"] = first["id"]!.GetValue<string>(), ["port"] = "Done" },
            ["target"] = new JsonObject { ["activity"] = second["id"]!.GetValue<string>(), ["port"] = "In" },
        };
        var json = new JsonObject
        {
            ["id"] = $"{definitionId}-v1",
            ["definitionId"] = definitionId,
            ["name"] = definitionId,
            ["version"] = 1,
            ["variables"] = new JsonArray(),
            ["root"] = new JsonObject
            {
                ["type"] = "Elsa.Flowchart",
                ["version"] = 1,
                ["id"] = "root",
                ["nodeId"] = "Workflow1:root",
                ["activities"] = new JsonArray(first, second),
                ["connections"] = new JsonArray(connection),
            },
        };
        return WorkflowDefinitionJson.Parse(json.ToJsonString());
    }

    private static JsonObject Activity(string id, string type, params (string Name, string Value)[] inputs)
    {
        var activity = new JsonObject
        {
            ["id"] = id,
            ["nodeId"] = $"Workflow1:root:{id}",
            ["name"] = id,
            ["type"] = type,
            ["version"] = 1,
        };
        foreach (var (name, value) in inputs)
        {
            activity[name] = new JsonObject
            {
                ["typeName"] = "Object",
                ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value },
            };
        }

        return activity;
    }
}
