using WorkingGroup.Domain.Diagrams;

namespace WorkingGroup.Domain.Tests.Diagrams;

public sealed class StateMachineDocsTests
{
    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "WorkingGroup.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("WorkingGroup.sln not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void State_machine_doc_matches_the_Stateless_definitions()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "state-machines.md");
        var expected = StateMachineDiagrams.RenderMarkdown();
        if (Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        var actual = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : string.Empty;
        Assert.True(
            expected == actual,
            "docs/state-machines.md is stale: a state machine changed. Regenerate it with "
            + "`UPDATE_DOCS=1 dotnet test tests/WorkingGroup.Domain.Tests` and commit the result.");
    }

    [Fact]
    public void State_machine_doc_draws_every_machine_as_mermaid_with_its_states()
    {
        var markdown = StateMachineDiagrams.RenderMarkdown();

        Assert.Equal(8, markdown.Split("```mermaid").Length - 1);
        foreach (var state in new[] { "AgendaForming", "PackageDistributed", "ProtocolSigning", "Postponed", "InPackage", "Signed", "Verified", "Rejected" })
        {
            Assert.Contains(state, markdown, StringComparison.Ordinal);
        }
    }
}
