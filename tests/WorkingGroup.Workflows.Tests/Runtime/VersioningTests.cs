using System.Text.Json.Nodes;
using WorkingGroup.Testing;
using WorkingGroup.Workflows.Definitions;
using WorkingGroup.Workflows.Runtime;
using WorkingGroup.Workflows.Validation;

namespace WorkingGroup.Workflows.Tests.Runtime;

public sealed class VersioningTests
{
    [Fact]
    public Task An_instance_keeps_version_1_while_version_2_is_published_on_sqlite() => An_instance_keeps_version_1_while_version_2_is_published(Store.Sqlite);

    [PostgresFact]
    public Task An_instance_keeps_version_1_while_version_2_is_published_on_postgres() => An_instance_keeps_version_1_while_version_2_is_published(Store.Postgres);

    [Fact]
    public async Task A_draft_runs_only_when_its_version_is_asked_for()
    {
        await using var store = await TestStore.CreateAsync(Store.Sqlite);
        await using var host = await EngineHost.StartAsync(store);
        await host.PublishAsync(Greeting("published"));
        var draft = await host.Definitions.SaveDraftAsync(Greeting("draft"));

        var byDefault = await host.Runtime.StartAsync("greeting");
        var explicitly = await host.Runtime.StartAsync("greeting", new StartWorkflowOptions { Version = draft.Version });

        Assert.Equal((1, 2), (byDefault.DefinitionVersion, explicitly.DefinitionVersion));
        Assert.Equal(["published"], await host.LinesAsync(byDefault.InstanceId));
        Assert.Equal(["draft"], await host.LinesAsync(explicitly.InstanceId));
    }

    [Fact]
    public async Task A_saved_studio_definition_reads_back_unchanged_apart_from_its_version_fields()
    {
        await using var store = await TestStore.CreateAsync(Store.Sqlite);
        await using var host = await EngineHost.StartAsync(store);
        var original = Fixtures.Read("studio-save-request.json");

        await host.Definitions.SaveDraftAsync(WorkflowDefinitionJson.Parse(original));
        var stored = JsonNode.Parse(WorkflowDefinitionJson.Write((await host.Definitions.FindLatestAsync("demo"))!))!.AsObject();

        var expected = JsonNode.Parse(original)!.AsObject();
        Assert.Equal(("demo:v1", 1, true, false), ((string?)stored["id"], (int)stored["version"]!, (bool)stored["isLatest"]!, (bool)stored["isPublished"]!));
        expected.Remove("id");
        stored.Remove("id");
        Assert.True(JsonNode.DeepEquals(expected, stored));
    }

    [Fact]
    public async Task Publishing_an_invalid_definition_fails_with_messages_naming_the_activity()
    {
        await using var store = await TestStore.CreateAsync(Store.Sqlite);
        await using var host = await EngineHost.StartAsync(store);
        await host.Definitions.SaveDraftAsync(new DefinitionBuilder("broken").Activity("mystery", "Elsa.DoesNotExist").Build());

        var error = await Assert.ThrowsAsync<WorkflowValidationException>(() => host.Definitions.PublishAsync("broken"));

        Assert.Contains("Activity 'mystery': unknown activity type 'Elsa.DoesNotExist'", error.Message, StringComparison.Ordinal);
        Assert.Null(await host.Definitions.FindPublishedAsync("broken"));
    }

    [Fact]
    public async Task Loading_a_folder_imports_new_definitions_and_leaves_unchanged_ones()
    {
        await using var store = await TestStore.CreateAsync(Store.Sqlite);
        await using var host = await EngineHost.StartAsync(store);
        var folder = Directory.CreateTempSubdirectory("wf-definitions").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "greeting.json"), WorkflowDefinitionJson.Write(Greeting("one")));
            var firstLoad = await host.Loader.LoadFolderAsync(folder);
            var secondLoad = await host.Loader.LoadFolderAsync(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, "greeting.json"), WorkflowDefinitionJson.Write(Greeting("two")));
            var thirdLoad = await host.Loader.LoadFolderAsync(folder);

            Assert.Equal((1, 0, 1), (firstLoad.Count, secondLoad.Count, thirdLoad.Count));
            Assert.Equal(2, (await host.Definitions.FindPublishedAsync("greeting"))!.Version);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Definitions_in_the_configured_folder_are_published_when_the_host_starts()
    {
        await using var store = await TestStore.CreateAsync(Store.Sqlite);
        var folder = Directory.CreateTempSubdirectory("wf-startup").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "greeting.json"), WorkflowDefinitionJson.Write(Greeting("hello")));

            await using var host = await EngineHost.StartAsync(store, definitionsFolder: folder);

            Assert.Equal(1, (await host.Definitions.FindPublishedAsync("greeting"))!.Version);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task An_instance_keeps_version_1_while_version_2_is_published(Store kind)
    {
        await using var store = await TestStore.CreateAsync(kind);
        await using var host = await EngineHost.StartAsync(store);
        await host.PublishAsync(Greeting("version 1", waitFirst: true));
        var pinned = await host.Runtime.StartAsync("greeting");

        await host.PublishAsync(Greeting("version 2", waitFirst: true));
        await host.Runtime.PublishEventAsync("Go");
        var fresh = await host.Runtime.StartAsync("greeting");

        Assert.Equal(["version 1"], await host.LinesAsync(pinned.InstanceId));
        Assert.Equal((1, 2), (pinned.DefinitionVersion, fresh.DefinitionVersion));
    }

    private static WorkflowDefinition Greeting(string text, bool waitFirst = false)
    {
        var builder = new DefinitionBuilder("greeting");
        if (waitFirst)
        {
            builder.Activity("wait", "Elsa.Event", ("eventName", "Go")).Connect("wait->say");
        }

        return builder.Activity("say", "Elsa.WriteLine", ("text", text)).Build();
    }
}
