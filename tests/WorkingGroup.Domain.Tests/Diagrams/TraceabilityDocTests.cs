using System.Reflection;
using System.Text.RegularExpressions;

namespace WorkingGroup.Domain.Tests.Diagrams;

public sealed partial class TraceabilityDocTests
{
    private static readonly string[] RulesOfTheRegulation =
    [
        "R-1.3", "R-1.4", "R-1.5", "R-1.6", "R-2.1", "R-3.1", "R-3.2", "R-3.3", "R-3.4", "R-3.5",
        "R-3.6", "R-3.7", "R-3.8", "R-3.9", "R-3.10", "R-3.11", "R-3.12",
    ];

    private static string Doc()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "WorkingGroup.sln")))
            {
                return File.ReadAllText(Path.Combine(folder.FullName, "docs", "regulation-traceability.md"));
            }
        }

        throw new InvalidOperationException("WorkingGroup.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"`(?<type>[A-Za-z]+Tests)(\.(?<test>[A-Za-z0-9_]+))?`")]
    private static partial Regex TestReference();

    [Fact]
    public void Traceability_doc_has_a_section_for_every_rule_of_the_regulation()
    {
        var doc = Doc();

        Assert.All(RulesOfTheRegulation, rule => Assert.Contains($"### {rule} ", doc, StringComparison.Ordinal));
    }

    [Fact]
    public void Traceability_doc_names_only_tests_that_exist()
    {
        var types = typeof(TraceabilityDocTests).Assembly.GetTypes().Where(t => t.Name.EndsWith("Tests", StringComparison.Ordinal)).ToDictionary(t => t.Name);
        var references = TestReference().Matches(Doc());

        Assert.NotEmpty(references);
        foreach (Match reference in references)
        {
            Assert.True(types.TryGetValue(reference.Groups["type"].Value, out var type), $"No test class {reference.Value}");
            if (reference.Groups["test"].Success)
            {
                var method = type.GetMethod(reference.Groups["test"].Value, BindingFlags.Public | BindingFlags.Instance);
                Assert.True(method?.GetCustomAttributes<FactAttribute>().Any() == true, $"No test {reference.Value}");
            }
        }
    }
}
