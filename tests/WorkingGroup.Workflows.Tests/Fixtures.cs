using System.Text.Json.Nodes;
using WorkingGroup.Workflows.Definitions;

namespace WorkingGroup.Workflows.Tests;

/// <summary>The definition files in Fixtures/ (see Fixtures/README.md for their sources).</summary>
internal static class Fixtures
{
    public static string Read(string fileName)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", fileName));
        return fileName == "studio-save-request.json"
            ? JsonNode.Parse(text)!["model"]!.ToJsonString()
            : text;
    }

    public static WorkflowDefinition Load(string fileName) => WorkflowDefinitionJson.Parse(Read(fileName));
}
