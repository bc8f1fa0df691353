using System.Text.Json;

namespace WorkingGroup.Workflows.Definitions;

/// <summary>Reads and writes Elsa 3 definition JSON without losing what the engine does not interpret.</summary>
public static class WorkflowDefinitionJson
{
    /// <summary>The options used for definitions: Elsa's camelCase names, read case-insensitively.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = false,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Parses a definition; throws <see cref="JsonException"/> with the path when the JSON does not fit.</summary>
    public static WorkflowDefinition Parse(string json) =>
        JsonSerializer.Deserialize<WorkflowDefinition>(json, Options)
        ?? throw new JsonException("A workflow definition must be a JSON object, not null.");

    /// <summary>Parses a definition from an already parsed JSON value.</summary>
    public static WorkflowDefinition Parse(JsonElement json) =>
        json.Deserialize<WorkflowDefinition>(Options)
        ?? throw new JsonException("A workflow definition must be a JSON object, not null.");

    /// <summary>Writes a definition in Elsa's format.</summary>
    public static string Write(WorkflowDefinition definition) => JsonSerializer.Serialize(definition, Options);
}
