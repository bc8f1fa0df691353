using WorkingGroup.Workflows.Expressions;
using WorkingGroup.Workflows.Definitions;
using WorkingGroup.Workflows.Runtime;

namespace WorkingGroup.Workflows.Tests.Execution;

public sealed class FaultTests
{
    private static readonly ExpressionOptions ShortLimits = new() { ScriptTimeout = TimeSpan.FromMilliseconds(200) };

    [Theory]
    [InlineData("while (true) {}")]
    [InlineData("function f() { return f(); } f()")]
    [InlineData("var a = []; while (true) { a.push('xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'); }")]
    public async Task A_runaway_script_faults_only_its_activity(string script)
    {
        var run = new InMemoryRunner(ForkWithScript(script), ShortLimits);

        await run.StartAsync();

        Assert.Equal(["other branch"], run.Lines);
        var incident = Assert.Single(run.State.Incidents);
        Assert.Equal("script", incident.ActivityId);
        Assert.Equal(WorkflowSubStatus.Faulted, run.State.SubStatus);
    }

    [Theory]
    [InlineData("{% for i in (1..1000) %}{% for j in (1..1000) %}x{% endfor %}{% endfor %}")]
    [InlineData("{% for i in (1..100000000000) %}x{% endfor %}")]
    public async Task A_runaway_liquid_template_faults_its_activity(string template)
    {
        var definition = new DefinitionBuilder()
            .Activity("say", "Elsa.WriteLine", ("text", Script.Liquid(template)))
            .Build();
        var run = new InMemoryRunner(definition);

        await run.StartAsync();

        Assert.Equal("say", Assert.Single(run.State.Incidents).ActivityId);
    }

    [Fact]
    public async Task Scripts_have_no_access_to_the_clr()
    {
        var run = new InMemoryRunner(ForkWithScript("System.IO.File.ReadAllText('/etc/passwd')"), ShortLimits);

        await run.StartAsync();

        Assert.Equal("script", Assert.Single(run.State.Incidents).ActivityId);
    }

    [Fact]
    public async Task A_retried_activity_runs_again_and_the_workflow_continues()
    {
        var definition = new DefinitionBuilder()
            .Variable("Attempts", "Int32", "0")
            .Activity("flaky", "Elsa.SetVariable", ("variable", new Raw("""{"id":"var-Attempts","name":"Attempts"}""")),
                ("value", Script.Js("setAttempts(getAttempts() + 1); if (getAttempts() < 2) throw new Error('not yet'); getAttempts()")))
            .Activity("done", "Elsa.WriteLine", ("text", "done"))
            .Connect("flaky->done")
            .Build();
        var run = new InMemoryRunner(definition);
        await run.StartAsync();
        Assert.Equal(WorkflowSubStatus.Faulted, run.State.SubStatus);

        await run.RetryAsync();

        Assert.Equal(["done"], run.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, run.State.SubStatus);

        // One journal record per execution, in order: the first attempt faulted, the retry (a new activity
        // instance) completed, then "done" completed; each carries the actor and the inputs summary.
        Assert.Equal(
            [("flaky", "Faulted"), ("flaky", "Completed"), ("done", "Completed")],
            run.Journal.Select(j => (j.ActivityId, j.EventName)).ToList());
        Assert.Equal([1L, 2L, 3L], run.Journal.Select(j => j.Sequence).ToList());
        Assert.NotEqual(run.Journal[0].ActivityInstanceId, run.Journal[1].ActivityInstanceId);
        Assert.All(run.Journal, j => Assert.Equal("tester", j.Actor));
        Assert.All(run.Journal, j => Assert.Null(j.Payload!["resumed"]));
        Assert.Equal("done", run.Journal[2].Payload!["inputs"]!["Text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_fault_activity_records_an_incident_with_its_message()
    {
        var definition = new DefinitionBuilder()
            .Activity("out", "Elsa.SetOutput", ("outputName", "Stage"), ("outputValue", "checked"))
            .Activity("fail", "Elsa.Fault", ("message", "Quorum rule violated"))
            .Connect("out->fail")
            .Build();
        var run = new InMemoryRunner(definition);

        await run.StartAsync();

        Assert.Equal(("fail", "Quorum rule violated"), (run.State.Incidents.Single().ActivityId, run.State.Incidents.Single().Message));
        Assert.Equal("checked", (string?)run.State.Output["Stage"]);
        Assert.Equal(WorkflowSubStatus.Faulted, run.State.SubStatus);
    }

    private static WorkflowDefinition ForkWithScript(string script) => new DefinitionBuilder()
        .Variable("X", "Object", "")
        .Activity("fork", "Elsa.FlowFork", ("branches", new[] { "A", "B" }))
        .Activity("script", "Elsa.SetVariable", ("variable", new Raw("""{"id":"var-X","name":"X"}""")), ("value", Script.Js(script)))
        .Activity("other", "Elsa.WriteLine", ("text", "other branch"))
        .Connect("fork:A->script", "fork:B->other")
        .Build();
}
