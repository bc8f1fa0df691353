using System.Text.Json.Nodes;
using WorkingGroup.Workflows.Expressions;
using WorkingGroup.Workflows.Tests.Execution;

namespace WorkingGroup.Workflows.Tests.Expressions;

public sealed class ExpressionTests
{
    [Fact]
    public async Task Input_and_variable_expressions_read_the_workflow_input_and_variables()
    {
        var definition = new DefinitionBuilder()
            .Variable("Greeting", "String", "Hello")
            .Activity("greeting", "Elsa.WriteLine", ("text", new Script("Variable", """{"id":"var-Greeting","name":"Greeting"}""")))
            .Activity("who", "Elsa.WriteLine", ("text", new Script("Input", """{"name":"who"}""")))
            .Connect("greeting->who")
            .Build();
        var run = new InMemoryRunner(definition);

        await run.StartAsync(new JsonObject { ["Who"] = "the working group" });

        Assert.Equal(["Hello", "the working group"], run.Lines);
    }

    [Fact]
    public async Task Javascript_assignments_to_the_variables_object_update_the_variables()
    {
        var definition = new DefinitionBuilder()
            .Variable("Count", "Int32", "1")
            .Activity("bump", "Elsa.WriteLine", ("text", Script.Js("variables.Count = variables.Count + 41; 'bumped'")))
            .Activity("show", "Elsa.WriteLine", ("text", Script.Liquid("{{ Variables.Count }}")))
            .Connect("bump->show")
            .Build();
        var run = new InMemoryRunner(definition);

        await run.StartAsync();

        Assert.Equal(["bumped", "42"], run.Lines);
    }

    [Fact]
    public void The_expression_descriptors_offer_javascript_and_liquid_with_their_editor_languages()
    {
        var browsable = ExpressionDescriptor.All.Where(d => d.IsBrowsable).ToDictionary(d => d.Type, d => d.Properties.GetValueOrDefault("MonacoLanguage"));

        Assert.Equal("javascript", browsable["JavaScript"]);
        Assert.Equal("liquid", browsable["Liquid"]);
        Assert.DoesNotContain("Literal", browsable.Keys);
    }
}
