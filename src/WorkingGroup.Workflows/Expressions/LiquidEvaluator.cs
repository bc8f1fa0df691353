using System.Text.Json;
using System.Text.Json.Nodes;
using Fluid;

namespace WorkingGroup.Workflows.Expressions;

/// <summary>
/// Liquid templates on Fluid, for message texts. The model is Elsa's: <c>Variables.X</c>, <c>Input.X</c>,
/// <c>CorrelationId</c>, <c>WorkflowInstanceId</c>, <c>WorkflowDefinitionId</c>, <c>WorkflowDefinitionVersion</c>.
/// </summary>
internal sealed partial class LiquidEvaluator(ExpressionOptions options)
{
    private static readonly FluidParser Parser = new();

    private readonly TemplateOptions templateOptions = new() { MaxSteps = options.TemplateStepLimit, MaxRecursion = 20 };

    public async ValueTask<JsonNode?> RenderAsync(string source, IExpressionScope scope)
    {
        if (!Parser.TryParse(source, out var template, out var error))
        {
            throw new InvalidOperationException($"Liquid template does not parse: {error}");
        }

        // Fluid builds a range before it counts steps, so a huge literal range would run long before the step limit.
        if (LargestRange(source) > options.TemplateStepLimit)
        {
            throw new InvalidOperationException($"Liquid template has a range longer than the limit of {options.TemplateStepLimit} steps.");
        }

        var context = new TemplateContext(templateOptions);
        context.SetValue("Variables", scope.VariableNames.ToDictionary(n => n, n => ToClr(scope.GetVariable(n))));
        context.SetValue("Input", scope.Input.ToDictionary(p => p.Key, p => ToClr(p.Value)));
        context.SetValue("CorrelationId", scope.CorrelationId);
        context.SetValue("WorkflowInstanceId", scope.InstanceId);
        context.SetValue("WorkflowDefinitionId", scope.DefinitionId);
        context.SetValue("WorkflowDefinitionVersion", scope.DefinitionVersion);
        return JsonValue.Create(await template.RenderAsync(context));
    }

    /// <summary>The syntax error of a template, or null when it parses.</summary>
    public static string? Check(string source) =>
        Parser.TryParse(source, out _, out var error) ? null : $"Liquid template does not parse: {error}";

    private static long LargestRange(string source) =>
        RangeLiteral().Matches(source)
            .Select(m => long.TryParse(m.Groups[1].Value, out var from) && long.TryParse(m.Groups[2].Value, out var to) ? Math.Abs(to - from) + 1 : long.MaxValue)
            .DefaultIfEmpty(0)
            .Max();

    [System.Text.RegularExpressions.GeneratedRegex(@"\(\s*(-?\d+)\s*\.\.\s*(-?\d+)\s*\)")]
    private static partial System.Text.RegularExpressions.Regex RangeLiteral();

    private static object? ToClr(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o.ToDictionary(p => p.Key, p => ToClr(p.Value)),
        JsonArray a => a.Select(ToClr).ToList(),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => v.GetValue<decimal>(),
            _ => null,
        },
        _ => null,
    };
}
