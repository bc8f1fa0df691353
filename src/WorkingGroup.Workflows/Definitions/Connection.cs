using System.Text.Json;
using System.Text.Json.Serialization;

namespace WorkingGroup.Workflows.Definitions;

/// <summary>
/// A flowchart connection from an activity's outcome port to another activity. Read from Elsa's
/// <c>{ source: { activity, port }, target: { activity, port }, vertices }</c> form and from the
/// flat 3.0 form <c>{ source, target, sourcePort, targetPort }</c>; written back in the form it was read.
/// </summary>
[JsonConverter(typeof(ConnectionJsonConverter))]
public sealed record Connection(Endpoint Source, Endpoint Target)
{
    /// <summary>True when the connection was read in the flat 3.0 form.</summary>
    public bool IsFlat { get; init; }

    /// <summary>Other properties (vertices, ...), written back as read.</summary>
    public IReadOnlyDictionary<string, JsonElement> Extra { get; init; } = new Dictionary<string, JsonElement>();

    /// <summary>Elsa's connection key, <c>src:port->tgt:port</c>, used for visit counters.</summary>
    public override string ToString() => $"{Source}->{Target}";
}

/// <summary>One end of a connection: an activity id and a port name.</summary>
public sealed record Endpoint(string Activity, string? Port)
{
    public override string ToString() => string.IsNullOrEmpty(Port) ? Activity : $"{Activity}:{Port}";
}

internal sealed class ConnectionJsonConverter : JsonConverter<Connection>
{
    private static readonly string[] FlatNames = ["source", "target", "sourcePort", "targetPort"];
    private static readonly string[] ObjectNames = ["source", "target"];

    public override Connection Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("A connection must be a JSON object.");
        }

        var source = Get(root, "source");
        var target = Get(root, "target");
        var isFlat = source?.ValueKind == JsonValueKind.String;
        Endpoint sourceEnd, targetEnd;
        if (isFlat)
        {
            sourceEnd = new Endpoint(source!.Value.GetString()!, GetString(root, "sourcePort"));
            targetEnd = new Endpoint(target?.GetString() ?? throw new JsonException("A connection needs a target."), GetString(root, "targetPort"));
        }
        else
        {
            sourceEnd = ReadEndpoint(source, "source");
            targetEnd = ReadEndpoint(target, "target");
        }

        var known = isFlat ? FlatNames : ObjectNames;
        var extra = root.EnumerateObject()
            .Where(p => !known.Contains(p.Name, StringComparer.OrdinalIgnoreCase))
            .ToDictionary(p => p.Name, p => p.Value.Clone());
        return new Connection(sourceEnd, targetEnd) { IsFlat = isFlat, Extra = extra };
    }

    public override void Write(Utf8JsonWriter writer, Connection value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (value.IsFlat)
        {
            writer.WriteString("source", value.Source.Activity);
            writer.WriteString("target", value.Target.Activity);
            writer.WriteString("sourcePort", value.Source.Port);
            writer.WriteString("targetPort", value.Target.Port);
        }
        else
        {
            WriteEndpoint(writer, "source", value.Source);
            WriteEndpoint(writer, "target", value.Target);
        }

        foreach (var (name, element) in value.Extra)
        {
            writer.WritePropertyName(name);
            element.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    private static void WriteEndpoint(Utf8JsonWriter writer, string name, Endpoint endpoint)
    {
        writer.WriteStartObject(name);
        writer.WriteString("activity", endpoint.Activity);
        writer.WriteString("port", endpoint.Port);
        writer.WriteEndObject();
    }

    private static Endpoint ReadEndpoint(JsonElement? element, string name)
    {
        if (element is not { ValueKind: JsonValueKind.Object } end || GetString(end, "activity") is not { } activity)
        {
            throw new JsonException($"A connection needs a {name} with an activity.");
        }

        return new Endpoint(activity, GetString(end, "port"));
    }

    private static JsonElement? Get(JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static string? GetString(JsonElement element, string name) =>
        Get(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}
