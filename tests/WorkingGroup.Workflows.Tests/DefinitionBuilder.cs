using System.Text.Json.Nodes;
using WorkingGroup.Workflows.Definitions;

namespace WorkingGroup.Workflows.Tests;

/// <summary>Writes small Elsa definitions for tests: activities with literal or scripted inputs, and "a:Port->b" connections.</summary>
internal sealed class DefinitionBuilder(string definitionId = "test")
{
    private readonly JsonArray activities = [];
    private readonly JsonArray connections = [];
    private readonly JsonArray variables = [];

    public int Version { get; set; } = 1;

    public DefinitionBuilder Activity(string id, string type, params (string Name, object Value)[] inputs)
    {
        var activity = new JsonObject
        {
            ["id"] = id,
            ["nodeId"] = $"Workflow1:root:{id}",
            ["name"] = id,
            ["type"] = type,
            ["version"] = 1,
            ["customProperties"] = new JsonObject(),
            ["metadata"] = new JsonObject(),
        };
        foreach (var (name, value) in inputs)
        {
            activity[name] = value switch
            {
                Script s => Wrapped(s.Type, s.Text),
                Raw r => JsonNode.Parse(r.Json),
                string[] list => Wrapped("Object", new JsonArray([.. list.Select(x => JsonValue.Create(x))]).ToJsonString()),
                _ => Wrapped("Literal", Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!),
            };
        }

        activities.Add(activity);
        return this;
    }

    /// <summary>Marks an activity as a trigger that may start the workflow (<c>customProperties.canStartWorkflow</c>).</summary>
    public DefinitionBuilder CanStartWorkflow(string id)
    {
        activities.Single(a => (string?)a!["id"] == id)!["customProperties"]!["canStartWorkflow"] = true;
        return this;
    }

    public DefinitionBuilder Variable(string name, string typeName, string value)
    {
        variables.Add(new JsonObject { ["id"] = $"var-{name}", ["name"] = name, ["typeName"] = typeName, ["value"] = value });
        return this;
    }

    /// <summary>Connections written as "source:Port->target".</summary>
    public DefinitionBuilder Connect(params string[] arrows)
    {
        foreach (var arrow in arrows)
        {
            var (from, to) = (arrow.Split("->")[0], arrow.Split("->")[1]);
            var (source, port) = from.Contains(':') ? (from.Split(':')[0], from.Split(':')[1]) : (from, "Done");
            connections.Add(new JsonObject
            {
                ["source"] = new JsonObject { ["activity"] = source, ["port"] = port },
                ["target"] = new JsonObject { ["activity"] = to, ["port"] = "In" },
            });
        }

        return this;
    }

    public string Json() => new JsonObject
    {
        ["id"] = $"{definitionId}-v{Version}",
        ["definitionId"] = definitionId,
        ["name"] = definitionId,
        ["version"] = Version,
        ["isLatest"] = true,
        ["isPublished"] = false,
        ["variables"] = variables.DeepClone(),
        ["inputs"] = new JsonArray(),
        ["outputs"] = new JsonArray(),
        ["root"] = new JsonObject
        {
            ["type"] = "Elsa.Flowchart",
            ["version"] = 1,
            ["id"] = "root",
            ["nodeId"] = "Workflow1:root",
            ["activities"] = activities.DeepClone(),
            ["connections"] = connections.DeepClone(),
        },
    }.ToJsonString();

    public WorkflowDefinition Build() => WorkflowDefinitionJson.Parse(Json());

    private static JsonObject Wrapped(string type, string value) => new()
    {
        ["typeName"] = "Object",
        ["expression"] = new JsonObject { ["type"] = type, ["value"] = value },
    };
}

/// <summary>An input given as an expression of another kind than Literal.</summary>
internal sealed record Script(string Type, string Text)
{
    public static Script Js(string text) => new("JavaScript", text);

    public static Script Liquid(string text) => new("Liquid", text);
}

/// <summary>An input given as raw JSON (non-wrapped inputs such as SetVariable's variable).</summary>
internal sealed record Raw(string Json);
