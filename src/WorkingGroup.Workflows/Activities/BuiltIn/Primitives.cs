using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace WorkingGroup.Workflows.Activities.BuiltIn;

/// <summary>A reference to a workflow variable as Elsa writes it: <c>{ id, name, ... }</c>.</summary>
internal sealed record VariableReference(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("name")] string? Name);

/// <summary>Sets a workflow variable to a value.</summary>
[Activity(BuiltInActivities.Namespace, "Primitives")]
internal sealed class SetVariable : Activity
{
    /// <summary>The variable to set.</summary>
    [Input(IsWrapped = false, UIHint = "variable-picker", IsRequired = true)]
    public VariableReference? Variable { get; set; }

    /// <summary>The value to assign.</summary>
    [Input]
    public JsonNode? Value { get; set; }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var key = Variable?.Id ?? Variable?.Name ?? throw new InvalidOperationException("No variable chosen.");
        context.SetVariable(key, Value?.DeepClone());
        return ValueTask.FromResult(ActivityResult.Done);
    }
}

/// <summary>Writes a line of text to the workflow's journal.</summary>
[Activity(BuiltInActivities.Namespace, "Console")]
internal sealed class WriteLine : Activity
{
    /// <summary>The text to write.</summary>
    [Input]
    public string? Text { get; set; }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        context.Log(Text ?? string.Empty);
        return ValueTask.FromResult(ActivityResult.Done);
    }
}

/// <summary>Sends an e-mail: the message goes to the outbox in the same transaction and a worker delivers it.</summary>
[Activity(BuiltInActivities.Namespace, "Email", Kind = ActivityKind.Task)]
internal sealed class SendEmail : Activity
{
    /// <summary>The sender; the configured default sender when empty.</summary>
    [Input]
    public string? From { get; set; }

    /// <summary>The recipients.</summary>
    [Input(IsRequired = true)]
    public IReadOnlyList<string> To { get; set; } = [];

    /// <summary>Copy recipients.</summary>
    [Input]
    public IReadOnlyList<string> Cc { get; set; } = [];

    /// <summary>Blind copy recipients.</summary>
    [Input]
    public IReadOnlyList<string> Bcc { get; set; } = [];

    /// <summary>The subject line.</summary>
    [Input]
    public string? Subject { get; set; }

    /// <summary>The body, as HTML; a Liquid template is rendered with the workflow's variables.</summary>
    [Input(UIHint = "multiline")]
    public string? Body { get; set; }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        context.SendMessage("email", new JsonObject
        {
            ["from"] = From,
            ["to"] = new JsonArray([.. To.Select(t => JsonValue.Create(t))]),
            ["cc"] = new JsonArray([.. Cc.Select(t => JsonValue.Create(t))]),
            ["bcc"] = new JsonArray([.. Bcc.Select(t => JsonValue.Create(t))]),
            ["subject"] = Subject,
            ["body"] = Body,
        });
        return ValueTask.FromResult(ActivityResult.Done);
    }
}

/// <summary>Raised by the Fault activity; the activity faults with this message and an incident is recorded.</summary>
internal sealed class WorkflowFaultException(string code, string category, string type, string message)
    : Exception(message)
{
    public string Code { get; } = code;

    public string Category { get; } = category;

    public string Type { get; } = type;
}

/// <summary>Faults on purpose: the workflow records an incident and waits for a retry.</summary>
[Activity(BuiltInActivities.Namespace, "Primitives", IsTerminal = true)]
internal sealed class Fault : Activity
{
    /// <summary>A code that identifies the fault.</summary>
    [Input]
    public string Code { get; set; } = "0";

    /// <summary>The category of the fault.</summary>
    [Input]
    public string Category { get; set; } = "General";

    /// <summary>The kind of fault.</summary>
    [Input(DisplayName = "Type")]
    public string FaultType { get; set; } = "System";

    /// <summary>The message of the incident.</summary>
    [Input]
    public string? Message { get; set; }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        throw new WorkflowFaultException(Code, Category, FaultType, Message ?? $"Fault {Code} ({Category})");
}

/// <summary>Sets an output of the workflow.</summary>
[Activity(BuiltInActivities.Namespace, "Primitives")]
internal sealed class SetOutput : Activity
{
    /// <summary>The name of the workflow output.</summary>
    [Input(IsRequired = true)]
    public string? OutputName { get; set; }

    /// <summary>The value to set.</summary>
    [Input]
    public JsonNode? OutputValue { get; set; }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        context.SetWorkflowOutput(OutputName ?? throw new InvalidOperationException("No output name."), OutputValue?.DeepClone());
        return ValueTask.FromResult(ActivityResult.Done);
    }
}
