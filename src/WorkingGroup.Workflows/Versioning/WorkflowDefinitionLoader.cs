using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WorkingGroup.Workflows.Definitions;

namespace WorkingGroup.Workflows.Versioning;

/// <summary>A definition read from a file.</summary>
public sealed record DefinitionFile(string Path, WorkflowDefinition Definition);

/// <summary>Imports a folder of Elsa JSON definitions: changed ones become new published versions, unchanged ones stay.</summary>
public sealed class WorkflowDefinitionLoader
{
    private readonly WorkflowDefinitionStore store;
    private readonly ILogger<WorkflowDefinitionLoader> logger;

    internal WorkflowDefinitionLoader(WorkflowDefinitionStore store, ILogger<WorkflowDefinitionLoader> logger)
    {
        this.store = store;
        this.logger = logger;
    }

    /// <summary>Reads every <c>*.json</c> file of a folder (sorted by name); a file that does not parse fails with its name.</summary>
    public static IReadOnlyList<DefinitionFile> ReadFolder(string folder) =>
        Directory.EnumerateFiles(folder, "*.json", SearchOption.TopDirectoryOnly)
            .Order(StringComparer.Ordinal)
            .Select(path =>
            {
                try
                {
                    return new DefinitionFile(path, WorkflowDefinitionJson.Parse(File.ReadAllText(path)));
                }
                catch (JsonException exception)
                {
                    throw new InvalidDataException($"{Path.GetFileName(path)} is not an Elsa workflow definition: {exception.Message}", exception);
                }
            })
            .ToList();

    /// <summary>Imports the folder; returns the definitions that got a new version.</summary>
    public async Task<IReadOnlyList<WorkflowDefinition>> LoadFolderAsync(string folder, CancellationToken cancellationToken = default)
    {
        var imported = new List<WorkflowDefinition>();
        foreach (var file in ReadFolder(folder))
        {
            if (await store.ImportAsync(file.Definition, cancellationToken) is { } published)
            {
                logger.LogInformation("Imported {File} as {DefinitionId} version {Version}.", Path.GetFileName(file.Path), published.DefinitionId, published.Version);
                imported.Add(published);
            }
        }

        return imported;
    }
}

/// <summary>Loads <see cref="WorkflowEngineOptions.DefinitionsFolder"/> when the host starts.</summary>
internal sealed class WorkflowDefinitionStartup(WorkflowDefinitionLoader loader, WorkflowEngineOptions options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken) =>
        await loader.LoadFolderAsync(options.DefinitionsFolder!, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
