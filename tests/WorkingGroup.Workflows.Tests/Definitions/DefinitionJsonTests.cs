using System.Text.Json.Nodes;
using WorkingGroup.Workflows.Definitions;

namespace WorkingGroup.Workflows.Tests.Definitions;

public sealed class DefinitionJsonTests
{
    [Theory]
    [InlineData("studio-save-request.json")]
    [InlineData("elsa-fork.json")]
    [InlineData("elsa-join-all-1.json")]
    [InlineData("elsa-join-any-1.json")]
    [InlineData("elsa-implicit-loop.json")]
    public void A_real_definition_round_trips_to_the_same_json(string fileName)
    {
        var original = Fixtures.Read(fileName);

        var written = WorkflowDefinitionJson.Write(WorkflowDefinitionJson.Parse(original));

        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(original), JsonNode.Parse(written)),
            $"Round trip changed {fileName}:\n{written}");
    }

    [Fact]
    public void The_studio_definition_exposes_its_flowchart_and_inputs()
    {
        var definition = Fixtures.Load("studio-save-request.json");

        Assert.Equal("demo", definition.DefinitionId);
        Assert.Equal("Elsa.Flowchart", definition.Root.Type);
        Assert.Equal(["start", "quorum", "collect"], definition.Root.Activities!.Select(a => a.Id));
        var days = definition.Root.Activities![2].FindInput("daysBeforeMeeting");
        Assert.Equal(new InputExpression("Literal", days!.Value), days);
        Assert.Equal("14", days.Text);
        Assert.Equal(new Endpoint("start", "Done"), definition.Root.Connections![0].Source);
    }

    [Fact]
    public void Flat_connections_of_elsa_3_0_are_read_as_source_and_target_ports()
    {
        var definition = Fixtures.Load("elsa-implicit-loop.json");

        var connection = definition.Root.Connections![0];

        Assert.Equal(new Endpoint("WriteLine1", "Done"), connection.Source);
        Assert.Equal(new Endpoint("SetVariable1", "In"), connection.Target);
        Assert.True(connection.IsFlat);
    }

    [Fact]
    public void Designer_metadata_is_written_back_untouched()
    {
        var original = Fixtures.Read("elsa-fork.json");

        var written = JsonNode.Parse(WorkflowDefinitionJson.Write(WorkflowDefinitionJson.Parse(original)))!;

        var before = JsonNode.Parse(original)!["root"]!["activities"]![0]!["metadata"];
        Assert.True(JsonNode.DeepEquals(before, written["root"]!["activities"]![0]!["metadata"]));
    }
}
