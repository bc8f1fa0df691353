using WorkingGroup.Workflows.Activities;
using WorkingGroup.Workflows.Definitions;
using WorkingGroup.Workflows.Expressions;
using WorkingGroup.Workflows.Runtime;

namespace WorkingGroup.Workflows.Validation;

/// <summary>How bad a validation finding is: errors block loading and publishing, warnings do not.</summary>
public enum ValidationSeverity
{
    Warning,
    Error,
}

/// <summary>One finding, naming the activity it is about (null for the whole definition).</summary>
public sealed record ValidationMessage(ValidationSeverity Severity, string? ActivityId, string Message)
{
    public override string ToString() => ActivityId is null ? Message : $"Activity '{ActivityId}': {Message}";
}

/// <summary>Thrown when a definition with errors is loaded or published.</summary>
public sealed class WorkflowValidationException(string definitionId, IReadOnlyList<ValidationMessage> errors)
    : Exception($"Workflow definition '{definitionId}' is invalid: {string.Join("; ", errors)}")
{
    public IReadOnlyList<ValidationMessage> Errors { get; } = errors;
}

/// <summary>
/// Checks a definition before it may run: known activity types, connections between existing activities
/// and ports, no duplicates, required inputs present, expressions that parse, activities reachable from the start.
/// </summary>
public sealed class WorkflowValidator
{
    private readonly ActivityRegistry registry;

    public WorkflowValidator(ActivityRegistry registry) => this.registry = registry;

    public IReadOnlyList<ValidationMessage> Validate(WorkflowDefinition definition)
    {
        var messages = new List<ValidationMessage>();
        var root = definition.Root;
        if (root.Type != "Elsa.Flowchart")
        {
            return [new(ValidationSeverity.Error, root.Id, $"the root must be an Elsa.Flowchart, not '{root.Type}'")];
        }

        var activities = root.Activities ?? [];
        foreach (var duplicate in activities.GroupBy(a => a.Id).Where(g => g.Count() > 1))
        {
            messages.Add(new(ValidationSeverity.Error, duplicate.Key, "the activity id is used more than once"));
        }

        foreach (var activity in activities)
        {
            ValidateActivity(activity, messages);
        }

        ValidateConnections(root, activities, messages);
        var graph = new FlowGraph(root);
        foreach (var activity in activities.Where(a => !graph.IsReachable(a.Id)))
        {
            messages.Add(new(ValidationSeverity.Warning, activity.Id, "the activity is not reachable from the start and never runs"));
        }

        return messages;
    }

    public void ThrowIfInvalid(WorkflowDefinition definition)
    {
        var errors = Validate(definition).Where(m => m.Severity == ValidationSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new WorkflowValidationException(definition.DefinitionId, errors);
        }
    }

    private void ValidateActivity(ActivityNode activity, List<ValidationMessage> messages)
    {
        if (registry.Find(activity.Type) is not { } type)
        {
            messages.Add(new(ValidationSeverity.Error, activity.Id, $"unknown activity type '{activity.Type}'"));
            return;
        }

        if (type.Descriptor.IsContainer)
        {
            messages.Add(new(ValidationSeverity.Error, activity.Id, $"'{activity.Type}' cannot be nested in a flowchart"));
        }

        foreach (var input in type.Inputs)
        {
            var expression = input.IsWrapped ? activity.FindInput(input.JsonName) : null;
            var present = input.IsWrapped ? expression is { } e && !(e.Type == ExpressionTypes.Literal && string.IsNullOrWhiteSpace(e.Text)) : activity.FindProperty(input.JsonName) is not null;
            if (input.IsRequired && !present)
            {
                messages.Add(new(ValidationSeverity.Error, activity.Id, $"the required input '{input.Property.Name}' is empty"));
            }

            if (expression is not null && StaticCheck(expression) is { } problem)
            {
                messages.Add(new(ValidationSeverity.Error, activity.Id, $"input '{input.Property.Name}': {problem}"));
            }
        }
    }

    private static string? StaticCheck(InputExpression expression) => expression.Type switch
    {
        ExpressionTypes.JavaScript => JavaScriptEvaluator.Check(expression.Text ?? string.Empty),
        ExpressionTypes.Liquid => LiquidEvaluator.Check(expression.Text ?? string.Empty),
        ExpressionTypes.Object or ExpressionTypes.Json => ExpressionEvaluator.CheckObject(expression.Text),
        _ when !ExpressionEvaluator.SupportedTypes.Contains(expression.Type) => $"the expression type '{expression.Type}' is not supported",
        _ => null,
    };

    private void ValidateConnections(ActivityNode root, IReadOnlyList<ActivityNode> activities, List<ValidationMessage> messages)
    {
        var byId = activities.GroupBy(a => a.Id).ToDictionary(g => g.Key, g => g.First());
        var connections = root.Connections ?? [];
        foreach (var duplicate in connections.GroupBy(c => c.ToString()).Where(g => g.Count() > 1))
        {
            messages.Add(new(ValidationSeverity.Error, duplicate.First().Source.Activity, $"the connection {duplicate.Key} appears more than once"));
        }

        foreach (var connection in connections)
        {
            if (!byId.TryGetValue(connection.Source.Activity, out var source))
            {
                messages.Add(new(ValidationSeverity.Error, connection.Target.Activity, $"a connection comes from the unknown activity '{connection.Source.Activity}'"));
                continue;
            }

            if (!byId.ContainsKey(connection.Target.Activity))
            {
                messages.Add(new(ValidationSeverity.Error, source.Id, $"a connection goes to the unknown activity '{connection.Target.Activity}'"));
                continue;
            }

            if (!HasPort(source, connection.Source.Port))
            {
                messages.Add(new(ValidationSeverity.Error, source.Id, $"the activity has no outcome '{connection.Source.Port}' for its connection to '{connection.Target.Activity}'"));
            }
        }
    }

    /// <summary>Declared flow ports, plus the dynamic ones a fork's branches or a switch's cases define.</summary>
    private bool HasPort(ActivityNode activity, string? port)
    {
        if (registry.Find(activity.Type) is not { } type || string.IsNullOrEmpty(port))
        {
            return true;
        }

        return type.Descriptor.Ports.Any(p => p.Name == port)
            || type.Descriptor.Inputs.Any(d => d.UiHint is "dynamic-outcomes" or "flow-switch-editor");
    }
}
