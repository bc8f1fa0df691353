namespace WorkingGroup.Workflows.Activities;

/// <summary>The kind of an activity, as Elsa Studio shows it.</summary>
public enum ActivityKind
{
    Action,
    Trigger,
    Job,
    Task,
}

/// <summary>
/// Marks an activity class. Its type name is <c>Namespace.(Type ?? class name)</c>, as in Elsa.
/// The description defaults to the class's XML documentation summary.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute(string @namespace, string category) : Attribute
{
    public string Namespace { get; } = @namespace;

    public string Category { get; } = category;

    /// <summary>The type name's last segment; the class name when not given.</summary>
    public string? Type { get; init; }

    public string? DisplayName { get; init; }

    public string? Description { get; init; }

    public ActivityKind Kind { get; init; } = ActivityKind.Action;

    public int Version { get; init; } = 1;

    /// <summary>Shown in the designer's toolbox.</summary>
    public bool IsBrowsable { get; init; } = true;

    public bool IsContainer { get; init; }

    /// <summary>Marks where a flowchart starts (no inbound port).</summary>
    public bool IsStart { get; init; }

    /// <summary>Ends the workflow (no outbound port).</summary>
    public bool IsTerminal { get; init; }
}

/// <summary>The flow ports (outcomes) of an activity; without it an activity has the single outcome <c>Done</c>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class FlowNodeAttribute(params string[] ports) : Attribute
{
    public IReadOnlyList<string> Ports { get; } = ports;
}

/// <summary>Marks an input property. The description defaults to the property's XML documentation summary.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class InputAttribute : Attribute
{
    public string? DisplayName { get; init; }

    public string? Description { get; init; }

    /// <summary>The designer's editor: singleline, multiline, checkbox, dropdown, dynamic-outcomes, ...</summary>
    public string? UIHint { get; init; }

    /// <summary>Elsa's type alias when it cannot be derived from the property type.</summary>
    public string? TypeName { get; init; }

    /// <summary>Wrapped inputs are <c>{ typeName, expression }</c>; others are raw JSON (SetVariable's variable, FlowSwitch's cases).</summary>
    public bool IsWrapped { get; init; } = true;

    public string DefaultSyntax { get; init; } = "Literal";

    public float Order { get; init; }

    /// <summary>Validation reports a definition that leaves this input empty.</summary>
    public bool IsRequired { get; init; }

    public bool IsSensitive { get; init; }
}

/// <summary>Marks an output property.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class OutputAttribute : Attribute
{
    public string? DisplayName { get; init; }

    public string? Description { get; init; }
}
