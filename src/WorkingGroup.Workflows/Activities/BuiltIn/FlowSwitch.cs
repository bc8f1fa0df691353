using System.Text.Json.Serialization;
using WorkingGroup.Workflows.Definitions;

namespace WorkingGroup.Workflows.Activities.BuiltIn;

/// <summary>Whether a switch takes the first matching case or every matching case.</summary>
internal enum SwitchMode
{
    MatchFirst,
    MatchAny,
}

/// <summary>One case of a switch: a port label and the condition that selects it.</summary>
internal sealed record FlowSwitchCase(
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("condition")] FlowSwitchCondition? Condition);

/// <summary>A case condition as Elsa writes it: <c>{ type, value }</c>.</summary>
internal sealed record FlowSwitchCondition(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("value")] System.Text.Json.JsonElement Value);

/// <summary>Takes the path of the first (or every) case whose condition holds, else the Default path.</summary>
[Activity(BuiltInActivities.Namespace, "Branching", DisplayName = "Switch")]
[FlowNode("Default")]
internal sealed class FlowSwitch : Activity
{
    /// <summary>The cases; each label becomes a port.</summary>
    [Input(IsWrapped = false, UIHint = "flow-switch-editor")]
    public IReadOnlyList<FlowSwitchCase> Cases { get; set; } = [];

    /// <summary>MatchFirst takes the first case that holds; MatchAny takes all of them.</summary>
    [Input]
    public SwitchMode Mode { get; set; } = SwitchMode.MatchFirst;

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var matches = new List<string>();
        foreach (var @case in Cases)
        {
            if (@case.Condition is not { } condition)
            {
                continue;
            }

            var holds = await context.EvaluateAsync(new InputExpression(condition.Type, condition.Value), typeof(bool?));
            if (holds is true)
            {
                matches.Add(@case.Label);
                if (Mode == SwitchMode.MatchFirst)
                {
                    break;
                }
            }
        }

        return ActivityResult.Outcome(matches.Count > 0 ? matches : ["Default"]);
    }
}
