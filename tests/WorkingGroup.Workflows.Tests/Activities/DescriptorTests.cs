using System.Text.Json;
using System.Text.Json.Nodes;
using WorkingGroup.Workflows.Activities;

namespace WorkingGroup.Workflows.Tests.Activities;

public sealed class DescriptorTests
{
    private readonly ActivityRegistry registry = new();

    [Fact]
    public void Built_in_activities_carry_elsa_type_names()
    {
        var names = registry.Descriptors.Select(d => d.TypeName).ToList();

        Assert.Equal(names.Distinct().Count(), names.Count);
        Assert.Superset(
            new HashSet<string>(["Elsa.Flowchart", "Elsa.Start", "Elsa.FlowDecision", "Elsa.FlowSwitch", "Elsa.FlowFork", "Elsa.FlowJoin",
                "Elsa.SetVariable", "Elsa.Delay", "Elsa.Timer", "Elsa.StartAt", "Elsa.Event", "Elsa.RunTask", "Elsa.SendEmail",
                "Elsa.Finish", "Elsa.End", "Elsa.WriteLine"]),
            names.ToHashSet());
    }

    [Fact]
    public void A_decision_descriptor_has_its_ports_inputs_and_the_xml_doc_as_description()
    {
        var decision = registry.FindDescriptor("Elsa.FlowDecision")!;

        Assert.Equal(["True", "False"], decision.Ports.Select(p => p.Name));
        Assert.Equal("Takes the True or the False path depending on a condition.", decision.Description);
        var condition = Assert.Single(decision.Inputs);
        Assert.Equal(("Condition", "Boolean", true, true), (condition.Name, condition.TypeName, condition.IsWrapped, condition.IsBrowsable));
        Assert.Equal("The condition to evaluate.", condition.Description);
    }

    [Fact]
    public void The_descriptor_json_has_the_shape_elsa_studio_reads()
    {
        var json = JsonSerializer.SerializeToNode(registry.FindDescriptor("Elsa.FlowJoin"), JsonSerializerOptions.Web)!;

        Assert.Equal("Elsa.FlowJoin", (string?)json["typeName"]);
        Assert.Equal("Elsa", (string?)json["namespace"]);
        Assert.Equal("Action", (string?)json["kind"]);
        Assert.True((bool)json["isBrowsable"]!);
        Assert.Equal("WaitAny", (string?)json["inputs"]![0]!["defaultValue"]);
        Assert.Equal("dropdown", (string?)json["inputs"]![0]!["uiHint"]);
        Assert.Equal("Flow", (string?)json["ports"]![0]!["type"]);
        Assert.IsType<JsonObject>(json["customProperties"]);
    }

    [Fact]
    public void Terminal_and_start_activities_are_marked_for_the_designer()
    {
        Assert.True(registry.FindDescriptor("Elsa.Finish")!.IsTerminal);
        Assert.Empty(registry.FindDescriptor("Elsa.Finish")!.Ports);
        Assert.True(registry.FindDescriptor("Elsa.Start")!.IsStart);
        Assert.False(registry.FindDescriptor("Elsa.Flowchart")!.IsBrowsable);
    }
}
