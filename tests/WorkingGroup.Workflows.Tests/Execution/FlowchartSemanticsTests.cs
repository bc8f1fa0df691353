using System.Text.Json.Nodes;
using WorkingGroup.Workflows.Definitions;
using WorkingGroup.Workflows.Runtime;

namespace WorkingGroup.Workflows.Tests.Execution;

public sealed class FlowchartSemanticsTests
{
    [Fact]
    public async Task Elsa_join_all_fixture_runs_both_lines_before_the_end()
    {
        var run = new InMemoryRunner(Fixtures.Load("elsa-join-all-1.json"));

        await run.StartAsync();

        Assert.Equal(["Start", "Line 1", "Line 2", "End"], run.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, run.State.SubStatus);
    }

    [Fact]
    public async Task Elsa_join_any_fixture_runs_the_end_once()
    {
        var run = new InMemoryRunner(Fixtures.Load("elsa-join-any-1.json"));

        await run.StartAsync();

        Assert.Equal(["Start", "End"], run.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, run.State.SubStatus);
    }

    [Fact]
    public async Task Elsa_implicit_loop_fixture_loops_back_until_the_counter_passes_one()
    {
        var run = new InMemoryRunner(Fixtures.Load("elsa-implicit-loop.json"));

        await run.StartAsync();

        Assert.Equal(["Do something", "Retry", "Do something", "Done"], run.Lines);
        Assert.Equal(2, (int)run.State.Variables["b1198ecccf3f435abe462dc37012cda9"]!);
        Assert.Equal(WorkflowSubStatus.Finished, run.State.SubStatus);
    }

    [Fact]
    public async Task Elsa_fork_fixture_runs_every_branch()
    {
        var run = new InMemoryRunner(Fixtures.Load("elsa-fork.json"));

        await run.StartAsync();

        Assert.Equal(["One", "Two", "Three"], run.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, run.State.SubStatus);
    }

    [Theory]
    [InlineData(5, "big")]
    [InlineData(1, "small")]
    public async Task A_decision_takes_the_path_its_javascript_condition_selects(int amount, string expected)
    {
        var definition = new DefinitionBuilder()
            .Activity("start", "Elsa.Start")
            .Activity("decide", "Elsa.FlowDecision", ("condition", Script.Js("getInput('Amount') > 3")))
            .Activity("big", "Elsa.WriteLine", ("text", "big"))
            .Activity("small", "Elsa.WriteLine", ("text", "small"))
            .Activity("after", "Elsa.WriteLine", ("text", "after"))
            .Connect("start->decide", "decide:True->big", "decide:False->small", "big->after", "small->after")
            .Build();
        var run = new InMemoryRunner(definition);

        await run.StartAsync(new JsonObject { ["Amount"] = amount });

        Assert.Equal([expected, "after"], run.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, run.State.SubStatus);
    }

    [Fact]
    public async Task A_switch_takes_the_first_case_that_holds_and_default_otherwise()
    {
        var cases = """[{"label":"Low","condition":{"type":"JavaScript","value":"getInput('Level') < 2"}},{"label":"High","condition":{"type":"JavaScript","value":"getInput('Level') >= 2"}}]""";
        var definition = new DefinitionBuilder()
            .Activity("switch", "Elsa.FlowSwitch", ("cases", new Raw(cases)))
            .Activity("low", "Elsa.WriteLine", ("text", "low"))
            .Activity("high", "Elsa.WriteLine", ("text", "high"))
            .Connect("switch:Low->low", "switch:High->high")
            .Build();
        var run = new InMemoryRunner(definition);

        await run.StartAsync(new JsonObject { ["Level"] = 3 });

        Assert.Equal(["high"], run.Lines);
    }

    [Fact]
    public async Task Wait_all_join_continues_only_after_both_tasks_are_completed()
    {
        var run = new InMemoryRunner(ForkOfTwoTasksJoinedBy("WaitAll"));

        await run.StartAsync();
        await run.ResumeAsync("taskA", JsonValue.Create("a-done"));
        var afterFirst = run.State.SubStatus;
        await run.ResumeAsync("taskB");

        Assert.Equal(WorkflowSubStatus.Suspended, afterFirst);
        Assert.Equal(["joined"], run.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, run.State.SubStatus);
    }

    [Fact]
    public async Task Wait_any_join_continues_on_the_first_task_and_cancels_the_other()
    {
        var run = new InMemoryRunner(ForkOfTwoTasksJoinedBy("WaitAny"));

        await run.StartAsync();
        await run.ResumeAsync("taskB");

        Assert.Equal(["joined"], run.Lines);
        Assert.Empty(run.State.Bookmarks);
        Assert.Contains(run.Journal, j => j.ActivityId == "taskA" && j.EventName == "Canceled");
        Assert.Equal(WorkflowSubStatus.Finished, run.State.SubStatus);
    }

    [Theory]
    [InlineData("WaitAll", new string[0])]
    [InlineData("WaitAllActive", new[] { "joined" })]
    public async Task A_join_after_a_decision_sees_the_branch_not_taken_as_dead(string mode, string[] expected)
    {
        var definition = new DefinitionBuilder()
            .Activity("fork", "Elsa.FlowFork", ("branches", new[] { "A", "B" }))
            .Activity("decide", "Elsa.FlowDecision", ("condition", "false"))
            .Activity("taken", "Elsa.WriteLine", ("text", "B ran"))
            .Activity("join", "Elsa.FlowJoin", ("mode", mode))
            .Activity("joined", "Elsa.WriteLine", ("text", "joined"))
            .Connect("fork:A->decide", "decide:True->join", "fork:B->taken", "taken->join", "join->joined")
            .Build();
        var run = new InMemoryRunner(definition);

        await run.StartAsync();

        Assert.Equal(["B ran", .. expected], run.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, run.State.SubStatus);
    }

    [Fact]
    public async Task A_switch_in_match_any_mode_takes_every_case_that_holds()
    {
        var cases = """[{"label":"A","condition":{"type":"JavaScript","value":"true"}},{"label":"B","condition":{"type":"JavaScript","value":"true"}}]""";
        var definition = new DefinitionBuilder()
            .Activity("switch", "Elsa.FlowSwitch", ("cases", new Raw(cases)), ("mode", "MatchAny"))
            .Activity("a", "Elsa.WriteLine", ("text", "a"))
            .Activity("b", "Elsa.WriteLine", ("text", "b"))
            .Connect("switch:A->a", "switch:B->b")
            .Build();
        var run = new InMemoryRunner(definition);

        await run.StartAsync();

        Assert.Equal(["a", "b"], run.Lines);
    }

    [Fact]
    public async Task A_task_result_is_the_output_of_run_task_and_can_be_bound_to_a_variable()
    {
        var definition = new DefinitionBuilder()
            .Variable("Answer", "String", "")
            .Activity("ask", "Elsa.RunTask", ("taskName", "Approve"), ("result", new Raw("""{"typeName":"Object","memoryReference":{"id":"var-Answer"}}""")))
            .Activity("say", "Elsa.WriteLine", ("text", Script.Liquid("Answer: {{ Variables.Answer }}")))
            .Connect("ask->say")
            .Build();
        var run = new InMemoryRunner(definition);

        await run.StartAsync();
        await run.ResumeAsync("ask", JsonValue.Create("yes"));

        Assert.Equal(["Answer: yes"], run.Lines);
    }

    [Fact]
    public async Task Finish_ends_the_workflow_and_drops_waiting_branches()
    {
        var definition = new DefinitionBuilder()
            .Activity("fork", "Elsa.FlowFork", ("branches", new[] { "A", "B" }))
            .Activity("wait", "Elsa.Event", ("eventName", "never"))
            .Activity("finish", "Elsa.Finish")
            .Connect("fork:A->wait", "fork:B->finish")
            .Build();
        var run = new InMemoryRunner(definition);

        await run.StartAsync();

        Assert.Empty(run.State.Bookmarks);
        Assert.Equal(WorkflowSubStatus.Finished, run.State.SubStatus);
    }

    internal static WorkflowDefinition ForkOfTwoTasksJoinedBy(string mode) => new DefinitionBuilder()
        .Activity("start", "Elsa.Start")
        .Activity("fork", "Elsa.FlowFork", ("branches", new[] { "A", "B" }))
        .Activity("taskA", "Elsa.RunTask", ("taskName", "Review A"), ("assignee", "secretary"))
        .Activity("taskB", "Elsa.RunTask", ("taskName", "Review B"), ("assignee", "co-chair"))
        .Activity("join", "Elsa.FlowJoin", ("mode", mode))
        .Activity("joined", "Elsa.WriteLine", ("text", "joined"))
        .Connect("start->fork", "fork:A->taskA", "fork:B->taskB", "taskA->join", "taskB->join", "join->joined")
        .Build();
}
