using WorkingGroup.Workflows.Activities;
using WorkingGroup.Workflows.Definitions;
using WorkingGroup.Workflows.Validation;

namespace WorkingGroup.Workflows.Tests.Validation;

public sealed class ValidationTests
{
    private readonly WorkflowValidator validator = new(new ActivityRegistry());

    [Theory]
    [InlineData("elsa-fork.json")]
    [InlineData("elsa-join-all-1.json")]
    [InlineData("elsa-join-any-1.json")]
    [InlineData("elsa-implicit-loop.json")]
    public void Real_elsa_definitions_have_no_errors(string fileName)
    {
        var messages = validator.Validate(Fixtures.Load(fileName));

        Assert.DoesNotContain(messages, m => m.Severity == ValidationSeverity.Error);
    }

    [Fact]
    public void A_connection_to_a_missing_activity_is_reported_on_its_source()
    {
        var definition = new DefinitionBuilder()
            .Activity("a", "Elsa.WriteLine", ("text", "a"))
            .Connect("a->ghost")
            .Build();

        Assert.Contains("Activity 'a': a connection goes to the unknown activity 'ghost'", Errors(definition));
    }

    [Fact]
    public void A_duplicate_connection_is_reported()
    {
        var definition = new DefinitionBuilder()
            .Activity("a", "Elsa.WriteLine", ("text", "a"))
            .Activity("b", "Elsa.WriteLine", ("text", "b"))
            .Connect("a->b", "a->b")
            .Build();

        Assert.Contains("Activity 'a': the connection a:Done->b:In appears more than once", Errors(definition));
    }

    [Fact]
    public void A_connection_from_a_port_the_activity_does_not_have_is_reported()
    {
        var definition = new DefinitionBuilder()
            .Activity("decide", "Elsa.FlowDecision", ("condition", "true"))
            .Activity("b", "Elsa.WriteLine", ("text", "b"))
            .Connect("decide:Maybe->b")
            .Build();

        Assert.Contains("Activity 'decide': the activity has no outcome 'Maybe' for its connection to 'b'", Errors(definition));
    }

    [Fact]
    public void A_missing_required_input_is_reported()
    {
        var definition = new DefinitionBuilder().Activity("wait", "Elsa.Event").Build();

        Assert.Contains("Activity 'wait': the required input 'EventName' is empty", Errors(definition));
    }

    [Fact]
    public void A_script_that_does_not_parse_is_reported()
    {
        var definition = new DefinitionBuilder().Activity("decide", "Elsa.FlowDecision", ("condition", Script.Js("1 +* 2"))).Build();

        Assert.Contains(Errors(definition), e => e.StartsWith("Activity 'decide': input 'Condition': JavaScript does not parse", StringComparison.Ordinal));
    }

    [Fact]
    public void A_liquid_template_that_does_not_parse_is_reported()
    {
        var definition = new DefinitionBuilder().Activity("say", "Elsa.WriteLine", ("text", Script.Liquid("{% if %}"))).Build();

        Assert.Contains(Errors(definition), e => e.StartsWith("Activity 'say': input 'Text': Liquid template does not parse", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unreachable_activity_is_a_warning()
    {
        var definition = new DefinitionBuilder()
            .Activity("start", "Elsa.Start")
            .Activity("island", "Elsa.WriteLine", ("text", "never"))
            .Build();

        var message = Assert.Single(validator.Validate(definition));

        Assert.Equal((ValidationSeverity.Warning, "island"), (message.Severity, message.ActivityId));
    }

    [Fact]
    public void An_unknown_activity_type_is_reported()
    {
        var definition = new DefinitionBuilder().Activity("x", "WorkingGroup.Unknown").Build();

        Assert.Contains("Activity 'x': unknown activity type 'WorkingGroup.Unknown'", Errors(definition));
    }

    private List<string> Errors(WorkflowDefinition definition) =>
        validator.Validate(definition).Where(m => m.Severity == ValidationSeverity.Error).Select(m => m.ToString()).ToList();
}
