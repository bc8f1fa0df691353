using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WorkingGroup.Workflows.Activities;

/// <summary>Builds Elsa-shaped descriptors from an activity class and its attributes.</summary>
internal static class ActivityDescriber
{
    public static ActivityType Describe(Type type)
    {
        if (!typeof(Activity).IsAssignableFrom(type) || type.IsAbstract || type.GetConstructor(Type.EmptyTypes) is null)
        {
            throw new ArgumentException($"{type.FullName} must be a concrete Activity with a parameterless constructor.", nameof(type));
        }

        var attribute = type.GetCustomAttribute<ActivityAttribute>()
            ?? throw new ArgumentException($"{type.FullName} has no [Activity] attribute.", nameof(type));
        var name = attribute.Type ?? type.Name;
        var prototype = Activator.CreateInstance(type);
        var inputProperties = type.GetProperties().Where(p => p.GetCustomAttribute<InputAttribute>() is not null).ToList();
        var outputProperties = type.GetProperties().Where(p => p.GetCustomAttribute<OutputAttribute>() is not null).ToList();
        var ports = type.GetCustomAttribute<FlowNodeAttribute>()?.Ports ?? (attribute.IsTerminal ? [] : ["Done"]);

        var descriptor = new ActivityDescriptor
        {
            TypeName = $"{attribute.Namespace}.{name}",
            Namespace = attribute.Namespace,
            Name = name,
            Version = attribute.Version,
            Category = attribute.Category,
            DisplayName = attribute.DisplayName ?? Humanize(name),
            Description = attribute.Description ?? XmlDocumentation.Summary(type),
            Kind = attribute.Kind.ToString(),
            Inputs = inputProperties.Select((p, i) => DescribeInput(p, prototype, i)).ToList(),
            Outputs = outputProperties.Select((p, i) => DescribeOutput(p, i)).ToList(),
            Ports = ports.Select(p => new PortDescriptor(p, p)).ToList(),
            IsContainer = attribute.IsContainer,
            IsBrowsable = attribute.IsBrowsable,
            IsStart = attribute.IsStart,
            IsTerminal = attribute.IsTerminal,
        };

        var inputs = inputProperties
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<InputAttribute>()!))
            .Select(x => new ActivityInput(x.Property, JsonNamingPolicy.CamelCase.ConvertName(x.Property.Name), x.Attribute.IsWrapped, x.Attribute.IsRequired, x.Attribute.IsSensitive))
            .ToList();
        return new ActivityType(type, descriptor, inputs, outputProperties);
    }

    private static InputDescriptor DescribeInput(PropertyInfo property, object? prototype, int index)
    {
        var attribute = property.GetCustomAttribute<InputAttribute>()!;
        var valueType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var uiHint = attribute.UIHint ?? DefaultUIHint(valueType);
        return new InputDescriptor
        {
            Name = property.Name,
            TypeName = attribute.TypeName ?? TypeAlias(valueType),
            DisplayName = attribute.DisplayName ?? Humanize(property.Name),
            Description = attribute.Description ?? XmlDocumentation.Summary(property),
            Order = attribute.Order == 0 ? index : attribute.Order,
            IsWrapped = attribute.IsWrapped,
            UiHint = uiHint,
            DefaultValue = DefaultValue(property, prototype),
            DefaultSyntax = attribute.IsWrapped ? attribute.DefaultSyntax : null,
            IsSensitive = attribute.IsSensitive,
            UiSpecifications = valueType.IsEnum && uiHint == "dropdown" ? Dropdown(valueType) : null,
        };
    }

    private static OutputDescriptor DescribeOutput(PropertyInfo property, int index)
    {
        var attribute = property.GetCustomAttribute<OutputAttribute>()!;
        return new OutputDescriptor
        {
            Name = property.Name,
            TypeName = TypeAlias(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType),
            DisplayName = attribute.DisplayName ?? Humanize(property.Name),
            Description = attribute.Description ?? XmlDocumentation.Summary(property),
            Order = index,
        };
    }

    private static JsonNode? DefaultValue(PropertyInfo property, object? prototype)
    {
        var value = property.GetValue(prototype);
        return value switch
        {
            null => null,
            Enum e => JsonValue.Create(e.ToString()),
            _ => JsonSerializer.SerializeToNode(value, property.PropertyType),
        };
    }

    /// <summary>Elsa's type aliases (Studio shows them and picks editors by them).</summary>
    internal static string TypeAlias(Type type)
    {
        if (type.IsEnum)
        {
            return "String";
        }

        if (type != typeof(string) && type.IsAssignableTo(typeof(System.Collections.IEnumerable)) && ElementType(type) is { } element)
        {
            return $"{TypeAlias(element)}[]";
        }

        return Type.GetTypeCode(type) switch
        {
            TypeCode.String => "String",
            TypeCode.Int32 => "Int32",
            TypeCode.Int64 => "Int64",
            TypeCode.Boolean => "Boolean",
            TypeCode.Double => "Double",
            TypeCode.Decimal => "Decimal",
            TypeCode.DateTime => "DateTime",
            _ when type == typeof(DateTimeOffset) => "DateTimeOffset",
            _ when type == typeof(TimeSpan) => "TimeSpan",
            _ when type == typeof(Guid) => "Guid",
            _ => "Object",
        };
    }

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericArguments() is [var single] && !typeof(JsonNode).IsAssignableFrom(type) ? single
        : null;

    private static string DefaultUIHint(Type type) =>
        type == typeof(bool) ? "checkbox"
        : type.IsEnum ? "dropdown"
        : type == typeof(DateTimeOffset) || type == typeof(DateTime) ? "datetime-picker"
        : type != typeof(string) && ElementType(type) == typeof(string) ? "multitext"
        : "singleline";

    private static Dictionary<string, object> Dropdown(Type enumType) => new()
    {
        ["dropdown"] = new Dictionary<string, object>
        {
            ["selectList"] = new Dictionary<string, object>
            {
                ["items"] = Enum.GetNames(enumType).Select(n => new Dictionary<string, string> { ["text"] = n, ["value"] = n }).ToList(),
                ["isFlagsEnum"] = false,
                ["sortItems"] = false,
            },
        },
    };

    private static string Humanize(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) && !char.IsUpper(name[i - 1]) ? $" {c}" : c.ToString()));
}
