using System.Text.Json;
using System.Text.Json.Nodes;
using WorkingGroup.Workflows.Definitions;

namespace WorkingGroup.Workflows.Expressions;

/// <summary>Evaluates an input's expression to a JSON value; <see cref="ValueConverter"/> then gives it the input's type.</summary>
internal sealed class ExpressionEvaluator(JavaScriptEvaluator javaScript, LiquidEvaluator liquid)
{
    public static IReadOnlyList<string> SupportedTypes { get; } =
        [.. ExpressionDescriptor.All.Select(d => d.Type)];

    public async ValueTask<JsonNode?> EvaluateAsync(InputExpression expression, IExpressionScope scope, CancellationToken cancellationToken) =>
        expression.Type switch
        {
            ExpressionTypes.Literal => expression.Value.ValueKind is JsonValueKind.Undefined ? null : JsonNode.Parse(expression.Value.GetRawText()),
            ExpressionTypes.Object or ExpressionTypes.Json => ParseObject(expression.Text),
            ExpressionTypes.JavaScript => javaScript.Evaluate(expression.Text ?? string.Empty, scope, cancellationToken),
            ExpressionTypes.Liquid => await liquid.RenderAsync(expression.Text ?? string.Empty, scope),
            ExpressionTypes.Variable => scope.GetVariable(ReferenceName(expression.Text)),
            ExpressionTypes.Input => scope.Input.FirstOrDefault(p => string.Equals(p.Key, ReferenceName(expression.Text), StringComparison.OrdinalIgnoreCase)).Value?.DeepClone(),
            _ => throw new NotSupportedException($"The expression type '{expression.Type}' is not supported."),
        };

    private static JsonNode? ParseObject(string? text) => string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);

    /// <summary>The parse error of an Object/JSON expression, or null.</summary>
    internal static string? CheckObject(string? text)
    {
        try
        {
            ParseObject(text);
            return null;
        }
        catch (JsonException e)
        {
            return $"invalid JSON: {e.Message}";
        }
    }

    /// <summary>A Variable or Input expression's value is a reference as JSON text (<c>{"id":..,"name":..}</c>) or a plain name.</summary>
    private static string ReferenceName(string? text)
    {
        if (text is { Length: > 0 } && text.TrimStart().StartsWith('{') && JsonNode.Parse(text) is JsonObject reference)
        {
            return (string?)reference["name"] ?? (string?)reference["id"] ?? string.Empty;
        }

        return text ?? string.Empty;
    }
}
