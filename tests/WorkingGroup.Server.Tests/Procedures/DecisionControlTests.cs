using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using WorkingGroup.Domain.Decisions;
using WorkingGroup.Server.Procedures;
using WorkingGroup.Server.Tests.Infrastructure;
using WorkingGroup.Workflows.Persistence;

namespace WorkingGroup.Server.Tests.Procedures;

/// <summary>decision-control.json: reminders before the due date, the secretary told at it, escalation after the grace period, extension, report and verification.</summary>
public abstract class DecisionControlTests(AppFixture app) : IAsyncLifetime
{
    private const string Executor = "ru.member2@example.org";
    private ProcedureHost _host = null!;

    public async Task InitializeAsync() => _host = await ProcedureHost.StartAsync(app);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>A decision in session with an assignment to the RU member, due in <paramref name="days"/> days; raises AssignmentCreated.</summary>
    private async Task<(Guid AssignmentId, Guid DecisionId, DateTimeOffset DueAt)> AssignAsync(int days)
    {
        var meetingId = await _host.MeetingInSessionAsync();
        var executor = await _host.PersonAsync(Executor);
        var dueAt = _host.Clock.GetUtcNow().AddDays(days);
        return await _host.CommandAsync("ru.cochair@example.org", async (cmd, caller) =>
        {
            var meeting = await ProcedureHost.MeetingAsync(cmd, meetingId);
            var decision = Decision.Record(meeting, meeting.AgendaItems[0].Id, "Подготовить справку о признании квалификаций", caller);
            var assignment = decision.AssignToMember(executor, dueAt, "Справка", caller);
            cmd.Db.Decisions.Add(decision);
            cmd.Raise(ProcedureEvents.AssignmentCreated, assignment.Id, new JsonObject
            {
                ["meetingId"] = meetingId.ToString(),
                ["decisionId"] = decision.Id.ToString(),
                ["dueAt"] = dueAt.ToString("O"),
                ["executorPersonId"] = executor.ToString(),
                ["executorSide"] = "RU",
                ["bodyName"] = null,
            });
            return (assignment.Id, decision.Id, dueAt);
        });
    }

    private Task OnAssignmentAsync(string email, Guid decisionId, Guid assignmentId, Action<Assignment, Domain.Composition.Caller> act, string eventName, JsonObject? more = null) =>
        _host.CommandAsync(email, async (cmd, caller) =>
        {
            var decision = await cmd.Db.Decisions.SingleAsync(d => d.Id == decisionId);
            act(decision.Assignments.Single(a => a.Id == assignmentId), caller);
            var payload = more ?? [];
            payload["decisionId"] = decisionId.ToString();
            cmd.Raise(eventName, assignmentId, payload);
            return true;
        });

    private Task<List<WorkflowTimerRecord>> TimersAsync(Guid assignmentId) =>
        _host.InScopeAsync(async db =>
        {
            var instance = await db.Set<WorkflowInstanceRecord>().SingleAsync(i => i.DefinitionId == "decision-control" && i.CorrelationId == assignmentId.ToString());
            return await db.Set<WorkflowTimerRecord>().Where(t => t.InstanceId == instance.Id).ToListAsync();
        });

    [Fact]
    public async Task An_unreported_assignment_reminds_the_executor_twice_tells_the_sides_secretary_at_the_due_date_and_escalates_to_the_co_chair()
    {
        var (assignmentId, _, dueAt) = await AssignAsync(20);
        var executor = await _host.PersonAsync(Executor);
        Assert.Equal(executor.ToString(), Assert.Single(await _host.OpenTasksAsync("decision-control", assignmentId.ToString())).Assignee);

        await _host.AdvanceToAsync(dueAt.AddDays(-7).AddHours(-1));
        Assert.Empty(await _host.NotificationsAsync("Срок поручения"));
        await _host.AdvanceToAsync(dueAt.AddDays(-7));
        Assert.Equal(executor, Assert.Single(await _host.NotificationsAsync("Срок поручения")).PersonId);
        Assert.Single(await _host.MailsAsync("Срок поручения"));
        await _host.AdvanceToAsync(dueAt.AddDays(-1));
        Assert.Equal(2, (await _host.NotificationsAsync("Срок поручения")).Count);

        await _host.AdvanceToAsync(dueAt);
        Assert.Equal(await _host.PersonAsync("ru.secretary@example.org"), Assert.Single(await _host.NotificationsAsync("Поручение просрочено")).PersonId);
        Assert.Empty(await _host.NotificationsAsync("Просрочено:"));

        await _host.AdvanceToAsync(dueAt.AddDays(3));
        var escalation = Assert.Single(await _host.NotificationsAsync("Просрочено:"));
        Assert.Equal(await _host.PersonAsync("ru.cochair@example.org"), escalation.PersonId);
        Assert.Single(await _host.MailsAsync("Просрочено:"));
        var instance = await _host.InstanceAsync("decision-control", assignmentId.ToString());
        Assert.Contains(await _host.JournalAsync(instance.Id), j => j.ActivityType == "WorkingGroup.Escalate" && j.Message!.Contains("Escalated to the co-chair of RU", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_extension_re_plans_the_timers_no_reminder_at_the_old_dates_one_at_the_new()
    {
        var (assignmentId, decisionId, dueAt) = await AssignAsync(20);
        await _host.AdvanceAsync(TimeSpan.FromDays(5));
        var newDue = dueAt.AddDays(20);

        await OnAssignmentAsync("kz.cochair@example.org", decisionId, assignmentId, (a, c) => a.Extend(newDue, "Нужны данные статистики", c),
            ProcedureEvents.AssignmentExtended, new JsonObject { ["dueAt"] = newDue.ToString("O"), ["reason"] = "Нужны данные статистики" });

        var timers = await TimersAsync(assignmentId);
        Assert.Equal(newDue.AddDays(-7), Assert.Single(timers).DueAt);
        await _host.AdvanceToAsync(dueAt.AddDays(1));
        Assert.Empty(await _host.NotificationsAsync("Срок поручения"));
        Assert.Empty(await _host.NotificationsAsync("Поручение просрочено"));
        await _host.AdvanceToAsync(newDue.AddDays(-7));
        Assert.Single(await _host.NotificationsAsync("Срок поручения"));
    }

    [Fact]
    public async Task A_report_goes_to_the_secretary_of_the_executors_side_a_returned_one_comes_back_and_a_verified_one_ends_the_control()
    {
        var (assignmentId, decisionId, dueAt) = await AssignAsync(20);
        await OnAssignmentAsync(Executor, decisionId, assignmentId, (a, c) => { a.Start(c); a.SubmitReport("Справка готова", c); }, ProcedureEvents.AssignmentReported,
            new JsonObject { ["report"] = "Справка готова" });
        var verify = Assert.Single(await _host.OpenTasksAsync("decision-control", assignmentId.ToString()));
        Assert.Equal("ExecutiveSecretary:RU", verify.Assignee);

        await _host.AdvanceToAsync(dueAt.AddDays(-7));
        Assert.Empty(await _host.NotificationsAsync("Срок поручения")); // reported: no reminder

        await OnAssignmentAsync("ru.secretary@example.org", decisionId, assignmentId, (a, c) => a.Return("Добавьте источники", c), ProcedureEvents.AssignmentReturned,
            new JsonObject { ["reason"] = "Добавьте источники" });
        Assert.Contains("Добавьте источники", Assert.Single(await _host.NotificationsAsync("Отчёт возвращён")).Body, StringComparison.Ordinal);
        Assert.Equal((await _host.PersonAsync(Executor)).ToString(), Assert.Single(await _host.OpenTasksAsync("decision-control", assignmentId.ToString())).Assignee);

        await OnAssignmentAsync(Executor, decisionId, assignmentId, (a, c) => { a.Start(c); a.SubmitReport("Справка с источниками", c); }, ProcedureEvents.AssignmentReported,
            new JsonObject { ["report"] = "Справка с источниками" });
        await OnAssignmentAsync("ru.secretary@example.org", decisionId, assignmentId, (a, c) => a.Verify(c), ProcedureEvents.AssignmentVerified);

        Assert.Single(await _host.NotificationsAsync("Поручение исполнено"));
        Assert.Equal("Finished", (await _host.InstanceAsync("decision-control", assignmentId.ToString())).Status);
        Assert.Empty(await TimersAsync(assignmentId));
        Assert.Empty(await _host.OpenTasksAsync("decision-control", assignmentId.ToString()));
    }
}

public sealed class DecisionControlTestsOnSqlite(SqliteApp app) : DecisionControlTests(app), IClassFixture<SqliteApp>;

public sealed class DecisionControlTestsOnPostgres(PostgresApp app) : DecisionControlTests(app), IClassFixture<PostgresApp>;
