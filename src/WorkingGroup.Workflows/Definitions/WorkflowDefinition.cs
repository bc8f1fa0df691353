using System.Text.Json;
using System.Text.Json.Serialization;

namespace WorkingGroup.Workflows.Definitions;

/// <summary>
/// One version of an Elsa 3 workflow definition, as Elsa Studio reads and writes it.
/// Properties the engine does not interpret (options, toolVersion, links, ...) are kept in
/// <see cref="Extra"/> and written back untouched.
/// </summary>
public sealed record WorkflowDefinition
{
    /// <summary>The id of this version.</summary>
    [JsonPropertyName("id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Id { get; init; }

    /// <summary>The id of the workflow across its versions.</summary>
    [JsonPropertyName("definitionId")]
    public required string DefinitionId { get; init; }

    [JsonPropertyName("name")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Name { get; init; }

    [JsonPropertyName("description")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Description { get; init; }

    [JsonPropertyName("version")]
    public int Version { get; init; } = 1;

    [JsonPropertyName("isLatest")]
    public bool IsLatest { get; init; }

    [JsonPropertyName("isPublished")]
    public bool IsPublished { get; init; }

    [JsonPropertyName("variables")]
    public IReadOnlyList<VariableDefinition> Variables { get; init; } = [];

    /// <summary>Declared workflow inputs (Elsa's InputDefinition objects), kept as JSON.</summary>
    [JsonPropertyName("inputs")]
    public IReadOnlyList<JsonElement> Inputs { get; init; } = [];

    /// <summary>Declared workflow outputs (Elsa's OutputDefinition objects), kept as JSON.</summary>
    [JsonPropertyName("outputs")]
    public IReadOnlyList<JsonElement> Outputs { get; init; } = [];

    /// <summary>The root activity, an <c>Elsa.Flowchart</c>.</summary>
    [JsonPropertyName("root")]
    public required ActivityNode Root { get; init; }

    /// <summary>Every other property of the document, written back as read.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }

    /// <summary>The names of the declared workflow inputs.</summary>
    [JsonIgnore]
    public IEnumerable<string> InputNames =>
        Inputs.Where(i => i.ValueKind == JsonValueKind.Object && i.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String)
            .Select(i => i.GetProperty("name").GetString()!);
}

/// <summary>A workflow variable: <c>{ id, name, typeName, isArray, value, storageDriverTypeName }</c>.</summary>
public sealed record VariableDefinition
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("typeName")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TypeName { get; init; }

    /// <summary>The initial value, as the text Elsa Studio writes.</summary>
    [JsonPropertyName("value")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Value { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
