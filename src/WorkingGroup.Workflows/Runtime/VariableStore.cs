using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using WorkingGroup.Workflows.Definitions;

namespace WorkingGroup.Workflows.Runtime;

/// <summary>The workflow variables of an instance: values kept by variable id, found by id or by name.</summary>
internal sealed class VariableStore(IReadOnlyList<VariableDefinition> definitions, Dictionary<string, JsonNode?> values)
{
    public IReadOnlyCollection<string> Names { get; } = definitions.Select(d => d.Name).ToList();

    public bool Has(string nameOrId) => Find(nameOrId) is not null;

    public JsonNode? Get(string nameOrId) =>
        Find(nameOrId) is { } variable ? values.GetValueOrDefault(variable.Id) : null;

    public void Set(string nameOrId, JsonNode? value)
    {
        var variable = Find(nameOrId) ?? throw new InvalidOperationException($"Variable '{nameOrId}' not found.");
        values[variable.Id] = value;
    }

    /// <summary>Sets every variable to its declared initial value, typed by its typeName ("0" of Int32 is the number 0).</summary>
    public void Initialize()
    {
        foreach (var variable in definitions)
        {
            values[variable.Id] = Initial(variable);
        }
    }

    private VariableDefinition? Find(string nameOrId) =>
        definitions.FirstOrDefault(d => d.Id == nameOrId) ?? definitions.FirstOrDefault(d => d.Name == nameOrId);

    private static JsonNode? Initial(VariableDefinition variable)
    {
        if (variable.Value is not { } value || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return JsonNode.Parse(value.GetRawText());
        }

        var text = value.GetString()!;
        return variable.TypeName switch
        {
            "Int32" or "Int64" or "Double" or "Decimal" or "Single" when decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
            "Boolean" when bool.TryParse(text, out var flag) => JsonValue.Create(flag),
            "Object" or "JsonObject" or "ObjectMap" when text.TrimStart().StartsWith('{') || text.TrimStart().StartsWith('[') => JsonNode.Parse(text),
            _ when string.IsNullOrEmpty(text) && variable.TypeName != "String" => null,
            _ => JsonValue.Create(text),
        };
    }
}
