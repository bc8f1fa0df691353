using System.Collections;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fluid;

namespace WorkingGroup.Server.Procedures.Activities;

/// <summary>Liquid (Fluid, as the engine's Liquid expressions) for notices: the model is the meeting, the deadline, the data given.</summary>
internal static class MessageTemplate
{
    private static readonly FluidParser Parser = new();

    private static readonly TemplateOptions Options = CreateOptions();

    public static async Task<string> RenderAsync(string source, IReadOnlyDictionary<string, object?> model)
    {
        if (!Parser.TryParse(source, out var template, out var error))
        {
            throw new InvalidOperationException($"The message template does not parse: {error}");
        }

        var context = new TemplateContext(Options);
        foreach (var (key, value) in model)
        {
            context.SetValue(key, value);
        }

        return await template.RenderAsync(context);
    }

    /// <summary>The syntax error of a template, or null.</summary>
    public static string? Check(string source) => Parser.TryParse(source, out _, out var error) ? null : error;

    private static TemplateOptions CreateOptions()
    {
        var options = new TemplateOptions { MaxSteps = 10_000, MaxRecursion = 20 };
        options.MemberAccessStrategy.Register<Dictionary<string, object?>>();
        return options;
    }

    public static object? ToClr(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o.ToDictionary(p => p.Key, p => ToClr(p.Value)),
        JsonArray a => (IList)a.Select(ToClr).ToList(),
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
