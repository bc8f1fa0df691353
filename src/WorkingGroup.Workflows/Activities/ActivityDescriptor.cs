using System.Text.Json.Nodes;

namespace WorkingGroup.Workflows.Activities;

/// <summary>An activity type as Elsa Studio reads it from <c>GET /descriptors/activities</c>.</summary>
public sealed record ActivityDescriptor
{
    public required string TypeName { get; init; }
    public required string Namespace { get; init; }
    public required string Name { get; init; }
    public required int Version { get; init; }
    public required string Category { get; init; }
    public required string DisplayName { get; init; }
    public string? Description { get; init; }
    public required string Kind { get; init; }
    public required IReadOnlyList<InputDescriptor> Inputs { get; init; }
    public required IReadOnlyList<OutputDescriptor> Outputs { get; init; }
    public required IReadOnlyList<PortDescriptor> Ports { get; init; }
    public IReadOnlyDictionary<string, object> CustomProperties { get; init; } = new Dictionary<string, object>();
    public IReadOnlyDictionary<string, object> ConstructionProperties { get; init; } = new Dictionary<string, object>();
    public bool IsContainer { get; init; }
    public bool IsBrowsable { get; init; }
    public bool IsStart { get; init; }
    public bool IsTerminal { get; init; }
    public bool RunAsynchronously { get; init; }
}

/// <summary>One input of an activity descriptor.</summary>
public sealed record InputDescriptor
{
    public required string Name { get; init; }
    public required string TypeName { get; init; }
    public required string DisplayName { get; init; }
    public string? Description { get; init; }
    public float Order { get; init; }
    public bool IsBrowsable { get; init; } = true;
    public bool IsSynthetic { get; init; }
    public bool IsWrapped { get; init; }
    public required string UiHint { get; init; }
    public string? Category { get; init; }
    public JsonNode? DefaultValue { get; init; }
    public string? DefaultSyntax { get; init; }
    public bool IsReadOnly { get; init; }
    public bool IsSensitive { get; init; }
    public string? StorageDriverType { get; init; }
    public IReadOnlyDictionary<string, object>? UiSpecifications { get; init; }
}

/// <summary>One output of an activity descriptor.</summary>
public sealed record OutputDescriptor
{
    public required string Name { get; init; }
    public required string TypeName { get; init; }
    public required string DisplayName { get; init; }
    public string? Description { get; init; }
    public float Order { get; init; }
    public bool IsBrowsable { get; init; } = true;
    public bool IsSynthetic { get; init; }
}

/// <summary>A port: <c>Flow</c> ports are outgoing connectors, <c>Embedded</c> ports hold child activities.</summary>
public sealed record PortDescriptor(string Name, string DisplayName, string Type = "Flow", bool IsBrowsable = true);
