using Microsoft.Extensions.DependencyInjection;
using WorkingGroup.Server.Tests.Infrastructure;
using WorkingGroup.Testing;
using WorkingGroup.Workflows.Validation;
using WorkingGroup.Workflows.Versioning;

namespace WorkingGroup.Server.Tests.Workflows;

/// <summary>The procedures in the top-level workflows/ folder are valid for the server's activities.</summary>
public sealed class DefinitionsFolderTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public void Every_definition_in_the_workflows_folder_is_valid_for_the_servers_activities()
    {
        var folder = Path.Combine(ServerProcess.RepositoryRoot(), "workflows");
        var validator = app.Factory.Services.GetRequiredService<WorkflowValidator>();

        var problems = WorkflowDefinitionLoader.ReadFolder(folder)
            .SelectMany(file => validator.Validate(file.Definition).Select(message => $"{Path.GetFileName(file.Path)}: {message}"))
            .ToList();

        Assert.True(Directory.Exists(folder), folder);
        Assert.Empty(problems);
    }

    [Fact]
    public void The_server_ships_the_workflows_folder_beside_itself()
    {
        var shipped = Path.Combine(Path.GetDirectoryName(typeof(Program).Assembly.Location)!, "workflows");
        var source = Path.Combine(ServerProcess.RepositoryRoot(), "workflows");

        Assert.Equal(
            Directory.GetFiles(source, "*.json").Select(Path.GetFileName).Order(),
            Directory.Exists(shipped) ? Directory.GetFiles(shipped, "*.json").Select(Path.GetFileName).Order() : []);
    }
}
