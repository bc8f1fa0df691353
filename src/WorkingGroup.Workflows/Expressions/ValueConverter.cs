using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace WorkingGroup.Workflows.Expressions;

/// <summary>
/// Gives an evaluated JSON value the CLR type of the input it is for. Text converts the way Elsa's
/// literals do: "14" to 14, "00:01:00" to a TimeSpan, "WaitAll" to an enum.
/// </summary>
internal static class ValueConverter
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static object? Convert(JsonNode? value, Type target)
    {
        var type = Nullable.GetUnderlyingType(target) ?? target;
        if (value is null)
        {
            return null;
        }

        if (typeof(JsonNode).IsAssignableFrom(type) || type == typeof(object))
        {
            return value.DeepClone();
        }

        if (value is JsonValue text && text.GetValueKind() == JsonValueKind.String && type != typeof(string))
        {
            return FromText(text.GetValue<string>(), type);
        }

        if (type == typeof(string))
        {
            return value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : value.ToJsonString();
        }

        return value.Deserialize(type, Options);
    }

    private static object? FromText(string text, Type type)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (type.IsEnum)
        {
            return Enum.Parse(type, text, ignoreCase: true);
        }

        if (type == typeof(TimeSpan))
        {
            return TimeSpan.Parse(text, CultureInfo.InvariantCulture);
        }

        if (type == typeof(DateTimeOffset))
        {
            return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        }

        if (type == typeof(Guid))
        {
            return Guid.Parse(text, CultureInfo.InvariantCulture);
        }

        if (type.IsPrimitive || type == typeof(decimal))
        {
            return System.Convert.ChangeType(text, type, CultureInfo.InvariantCulture);
        }

        return JsonSerializer.Deserialize(text, type, Options);
    }
}
