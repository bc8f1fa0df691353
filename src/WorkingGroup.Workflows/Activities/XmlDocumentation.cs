using System.Collections.Concurrent;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace WorkingGroup.Workflows.Activities;

/// <summary>Reads the summaries of the XML documentation file built next to an assembly, so doc comments become designer descriptions.</summary>
internal static partial class XmlDocumentation
{
    private static readonly ConcurrentDictionary<Assembly, IReadOnlyDictionary<string, string>> Cache = new();

    public static string? Summary(Type type) => Find(type.Assembly, $"T:{type.FullName}");

    public static string? Summary(PropertyInfo property) =>
        Find(property.DeclaringType!.Assembly, $"P:{property.DeclaringType.FullName}.{property.Name}");

    private static string? Find(Assembly assembly, string member) =>
        Cache.GetOrAdd(assembly, Load).TryGetValue(member, out var summary) ? summary : null;

    private static IReadOnlyDictionary<string, string> Load(Assembly assembly)
    {
        var path = string.IsNullOrEmpty(assembly.Location) ? null : Path.ChangeExtension(assembly.Location, ".xml");
        if (path is null || !File.Exists(path))
        {
            return new Dictionary<string, string>();
        }

        return XDocument.Load(path).Descendants("member")
            .Where(m => m.Attribute("name") is not null && m.Element("summary") is not null)
            .GroupBy(m => m.Attribute("name")!.Value)
            .ToDictionary(g => g.Key, g => Normalize(g.First().Element("summary")!));
    }

    private static string Normalize(XElement summary)
    {
        var text = string.Concat(summary.Nodes().Select(n => n is XElement e
            ? e.Attribute("cref")?.Value.Split('.').Last() ?? e.Attribute("langword")?.Value ?? e.Value
            : n.ToString()));
        return Whitespace().Replace(System.Net.WebUtility.HtmlDecode(text), " ").Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
