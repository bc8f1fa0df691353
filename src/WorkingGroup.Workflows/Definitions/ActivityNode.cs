using System.Text.Json;
using System.Text.Json.Serialization;

namespace WorkingGroup.Workflows.Definitions;

/// <summary>
/// One activity of a definition. Inputs and outputs are camelCase properties on the same object
/// (Elsa's format); the engine reads them from <see cref="Extra"/> through <see cref="FindInput"/>,
/// so everything it does not understand (designer metadata, memory references, ...) is kept as read.
/// </summary>
public sealed record ActivityNode
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("nodeId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? NodeId { get; init; }

    [JsonPropertyName("name")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Name { get; init; }

    /// <summary>The activity type name, e.g. <c>Elsa.FlowDecision</c>.</summary>
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("version")]
    public int Version { get; init; } = 1;

    [JsonPropertyName("customProperties")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? CustomProperties { get; init; }

    /// <summary>Designer metadata (position, size, display text); never interpreted.</summary>
    [JsonPropertyName("metadata")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Metadata { get; init; }

    /// <summary>The children of a container (a flowchart); null for other activities.</summary>
    [JsonPropertyName("activities")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ActivityNode>? Activities { get; init; }

    /// <summary>The connections of a flowchart; null for other activities.</summary>
    [JsonPropertyName("connections")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Connection>? Connections { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }

    /// <summary>The node id, or the activity id where the document has none.</summary>
    [JsonIgnore]
    public string EffectiveNodeId => NodeId ?? Id;

    /// <summary>The raw JSON of an input or other property by its camelCase name, if present.</summary>
    public JsonElement? FindProperty(string camelCaseName) =>
        Extra is not null && Extra.TryGetValue(camelCaseName, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    /// <summary>
    /// A wrapped input <c>{ typeName, expression: { type, value } }</c> by its camelCase name.
    /// A bare JSON primitive is a literal; an object without an expression is no input.
    /// </summary>
    public InputExpression? FindInput(string camelCaseName)
    {
        if (FindProperty(camelCaseName) is not { } raw)
        {
            return null;
        }

        if (raw.ValueKind != JsonValueKind.Object)
        {
            return new InputExpression(ExpressionTypes.Literal, raw);
        }

        if (!raw.TryGetProperty("expression", out var expression) || expression.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var type = expression.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
            ? t.GetString()!
            : ExpressionTypes.Literal;
        var value = expression.TryGetProperty("value", out var v) ? v : default;
        return new InputExpression(type, value);
    }

    /// <summary>A boolean custom property such as <c>canStartWorkflow</c> (also read from the 3.0 top-level form).</summary>
    public bool HasFlag(string camelCaseName)
    {
        if (CustomProperties is { ValueKind: JsonValueKind.Object } custom &&
            custom.TryGetProperty(camelCaseName, out var value) && value.ValueKind == JsonValueKind.True)
        {
            return true;
        }

        return FindProperty(camelCaseName) is { ValueKind: JsonValueKind.True };
    }
}

/// <summary>An input's expression: its kind (Literal, Object, JavaScript, Liquid, ...) and its raw value.</summary>
public sealed record InputExpression(string Type, JsonElement Value)
{
    /// <summary>The value as text: strings as they are, other JSON as its raw text, absent as null.</summary>
    public string? Text => Value.ValueKind switch
    {
        JsonValueKind.String => Value.GetString(),
        JsonValueKind.Undefined or JsonValueKind.Null => null,
        _ => Value.GetRawText(),
    };
}

/// <summary>The expression kinds Elsa Studio writes.</summary>
public static class ExpressionTypes
{
    public const string Literal = "Literal";
    public const string Object = "Object";
    public const string Json = "Json";
    public const string JavaScript = "JavaScript";
    public const string Liquid = "Liquid";
    public const string Variable = "Variable";
    public const string Input = "Input";
}
