using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using WorkingGroup.Domain.Materials;
using WorkingGroup.Server.Procedures;
using WorkingGroup.Server.Tests.Infrastructure;
using WorkingGroup.Workflows.Persistence;

namespace WorkingGroup.Server.Tests.Procedures;

/// <summary>meeting-lifecycle.json driven by the procedure's events: tasks, invitations, the window with its reminders, cancellation.</summary>
public abstract class MeetingLifecycleTests(AppFixture app) : IAsyncLifetime
{
    private ProcedureHost _host = null!;

    public async Task InitializeAsync() => _host = await ProcedureHost.StartAsync(app);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_drafted_meeting_asks_the_co_chairs_to_open_agenda_forming_and_the_task_closes_only_by_the_action()
    {
        var meetingId = await _host.DraftMeetingAsync("Заседание № 1");

        var task = Assert.Single(await _host.OpenTasksAsync("meeting-lifecycle", meetingId.ToString()));
        Assert.Equal("CoChair", task.Assignee);
        using var coChair = await _host.ClientAsync("ru.cochair@example.org");
        using var refused = await coChair.PostAsJsonAsync($"/api/tasks/{task.Id}/complete", new { result = new { done = true } });
        var listed = await coChair.GetFromJsonAsync<List<JsonObject>>("/api/tasks");

        var problem = await Json.ProblemAsync(refused, HttpStatusCode.Conflict);
        Assert.Equal("task.complete_by_action", problem.GetProperty("code").GetString());
        Assert.Equal($"POST /api/meetings/{meetingId}/agenda/start", problem.GetProperty("endpoint").GetString());
        Assert.Contains(listed!, t => (string?)t["id"] == task.Id);

        await _host.StartAgendaFormingAsync(meetingId);

        var closed = await _host.TaskAsync(task.Id);
        Assert.Equal(WorkflowTaskStatus.Completed, closed.Status);
        Assert.Equal((await _host.PersonAsync("ru.cochair@example.org")).ToString(), closed.CompletedBy);
        Assert.Equal(18, (await _host.NotificationsAsync("Приём предложений в повестку: Заседание № 1")).Count);
        Assert.Equal("Утвердить повестку / Approve the agenda", Assert.Single(await _host.OpenTasksAsync("meeting-lifecycle", meetingId.ToString())).TaskName);
    }

    [Fact]
    public async Task The_agenda_task_waits_for_both_co_chairs_then_scheduling_sends_invitations_with_the_iCal_file()
    {
        var meetingId = await _host.DraftMeetingAsync("Заседание № 2");
        await _host.StartAgendaFormingAsync(meetingId);
        await _host.AddApprovedItemAsync(meetingId);
        await _host.SetScheduleAsync(meetingId, _host.ScheduleIn(30));

        await _host.ApproveAgendaAsync(meetingId, "ru.cochair@example.org", Domain.Composition.Side.RU, byBoth: false);
        var afterOne = Assert.Single(await _host.OpenTasksAsync("meeting-lifecycle", meetingId.ToString()));
        await _host.ApproveAgendaAsync(meetingId, "kz.cochair@example.org", Domain.Composition.Side.KZ, byBoth: true);
        var afterBoth = Assert.Single(await _host.OpenTasksAsync("meeting-lifecycle", meetingId.ToString()));

        Assert.StartsWith("Утвердить повестку", afterOne.TaskName, StringComparison.Ordinal);
        Assert.StartsWith("Назначить дату", afterBoth.TaskName, StringComparison.Ordinal);

        await _host.ScheduleAsync(meetingId);

        var invitations = await _host.MailsAsync("Приглашение на заседание: Заседание № 2");
        Assert.Equal(18, invitations.Count);
        var file = Assert.Single(invitations[0].Attachments);
        var ics = Encoding.UTF8.GetString(file.Content);
        Assert.Contains("METHOD:REQUEST", ics, StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:1", ics, StringComparison.Ordinal);
        Assert.Contains("Asia/Almaty", ics, StringComparison.Ordinal);
        Assert.Contains("Invitation: Заседание № 2", invitations[0].Subject, StringComparison.Ordinal);
        Assert.StartsWith("Открыть сбор материалов", Assert.Single(await _host.OpenTasksAsync("meeting-lifecycle", meetingId.ToString())).TaskName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R3_9_materials_window_reminds_only_members_without_material_then_asks_for_the_package_after_the_deadline()
    {
        var meetingId = await _host.DraftMeetingAsync("Заседание № 3");
        await _host.StartAgendaFormingAsync(meetingId);
        await _host.AddApprovedItemAsync(meetingId);
        var schedule = _host.ScheduleIn(30);
        await _host.SetScheduleAsync(meetingId, schedule);
        await _host.ApproveAgendaAsync(meetingId, "ru.cochair@example.org", Domain.Composition.Side.RU, byBoth: false);
        await _host.ApproveAgendaAsync(meetingId, "kz.cochair@example.org", Domain.Composition.Side.KZ, byBoth: true);
        await _host.ScheduleAsync(meetingId);
        await _host.StartMaterialsCollectionAsync(meetingId);
        var author = await _host.PersonAsync("ru.member1@example.org");
        await _host.CommandAsync("ru.member1@example.org", async (cmd, caller) =>
        {
            var meeting = await ProcedureHost.MeetingAsync(cmd, meetingId);
            var material = Material.Draft(meeting, "Справка", null, "note.pdf", new string('a', 64), caller);
            material.Submit(meeting, caller);
            cmd.Db.Materials.Add(material);
            return true;
        });
        var deadline = MaterialsDeadline.LateFrom(schedule);

        Assert.Equal(18, (await _host.NotificationsAsync("Сбор материалов: Заседание № 3")).Count);
        await _host.AdvanceToAsync(deadline.AddDays(-8));
        Assert.Empty(await _host.NotificationsAsync("Напоминание о материалах: Заседание № 3"));

        await _host.AdvanceToAsync(deadline.AddDays(-6));
        var first = await _host.NotificationsAsync("Напоминание о материалах: Заседание № 3");
        Assert.Equal(17, first.Count);
        Assert.DoesNotContain(first, n => n.PersonId == author);
        Assert.Equal(17, (await _host.MailsAsync("Напоминание о материалах: Заседание № 3")).Count);

        await _host.AdvanceToAsync(deadline.AddHours(-1));
        Assert.Equal(34, (await _host.NotificationsAsync("Напоминание о материалах: Заседание № 3")).Count);
        Assert.DoesNotContain(await _host.OpenTasksAsync("meeting-lifecycle", meetingId.ToString()), t => t.TaskName.StartsWith("Сформировать", StringComparison.Ordinal));

        await _host.AdvanceToAsync(deadline);
        var package = Assert.Single(await _host.OpenTasksAsync("meeting-lifecycle", meetingId.ToString()));
        Assert.StartsWith("Сформировать и разослать пакет", package.TaskName, StringComparison.Ordinal);
        Assert.Equal("ExecutiveSecretary", package.Assignee);

        await _host.DistributePackageAsync(meetingId);
        Assert.Equal(18, (await _host.NotificationsAsync("Пакет материалов: Заседание № 3")).Count);
    }

    [Fact]
    public async Task A_cancelled_meeting_sends_the_iCal_cancellation_and_ends_the_procedure_with_its_tasks()
    {
        var meetingId = await _host.DraftMeetingAsync("Заседание № 4");
        await _host.StartAgendaFormingAsync(meetingId);
        await _host.AddApprovedItemAsync(meetingId);
        await _host.SetScheduleAsync(meetingId, _host.ScheduleIn(30));
        await _host.ApproveAgendaAsync(meetingId, "ru.cochair@example.org", Domain.Composition.Side.RU, byBoth: false);
        await _host.ApproveAgendaAsync(meetingId, "kz.cochair@example.org", Domain.Composition.Side.KZ, byBoth: true);
        await _host.ScheduleAsync(meetingId);
        var pending = Assert.Single(await _host.OpenTasksAsync("meeting-lifecycle", meetingId.ToString()));

        await _host.CommandAsync("kz.cochair@example.org", async (cmd, caller) =>
        {
            (await ProcedureHost.MeetingAsync(cmd, meetingId)).Cancel("Перенос по согласованию сторон", caller);
            cmd.Raise(ProcedureEvents.MeetingCancelled, meetingId, new JsonObject { ["reason"] = "Перенос по согласованию сторон" });
            return true;
        });

        var mails = await _host.MailsAsync("Заседание отменено: Заседание № 4");
        Assert.Equal(18, mails.Count);
        var ics = Encoding.UTF8.GetString(Assert.Single(mails[0].Attachments).Content);
        Assert.Contains("METHOD:CANCEL", ics, StringComparison.Ordinal);
        Assert.Contains("Перенос по согласованию сторон", mails[0].TextBody, StringComparison.Ordinal);
        Assert.Equal("Finished", (await _host.InstanceAsync("meeting-lifecycle", meetingId.ToString())).Status);
        Assert.Empty(await _host.OpenTasksAsync("meeting-lifecycle", meetingId.ToString()));
        var cancelled = await _host.TaskAsync(pending.Id);
        Assert.Equal(
            (WorkflowTaskStatus.Cancelled, _host.Clock.GetUtcNow(), (await _host.PersonAsync("kz.cochair@example.org")).ToString()),
            (cancelled.Status, cancelled.CompletedAt, cancelled.CompletedBy));
        using var secretary = await _host.ClientAsync("ru.secretary@example.org");
        Assert.DoesNotContain(await secretary.GetFromJsonAsync<List<JsonObject>>("/api/tasks") ?? [], t => (string?)t["id"] == pending.Id);
        using var late = await secretary.PostAsJsonAsync($"/api/tasks/{pending.Id}/complete", new { result = new { } });
        Assert.Equal("task.not_open", (await Json.ProblemAsync(late, HttpStatusCode.Conflict)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task R3_7_without_quorum_at_the_start_the_co_chairs_are_told_and_a_postponement_loops_back_to_a_new_materials_window()
    {
        var meetingId = await _host.DraftMeetingAsync("Заседание № 5");
        await _host.StartAgendaFormingAsync(meetingId);
        await _host.AddApprovedItemAsync(meetingId);
        var schedule = _host.ScheduleIn(30);
        await _host.SetScheduleAsync(meetingId, schedule);
        await _host.ApproveAgendaAsync(meetingId, "ru.cochair@example.org", Domain.Composition.Side.RU, byBoth: false);
        await _host.ApproveAgendaAsync(meetingId, "kz.cochair@example.org", Domain.Composition.Side.KZ, byBoth: true);
        await _host.ScheduleAsync(meetingId);
        await _host.StartMaterialsCollectionAsync(meetingId);
        await _host.AdvanceToAsync(MaterialsDeadline.LateFrom(schedule));
        await _host.DistributePackageAsync(meetingId);
        Assert.Empty(await _host.OpenTasksAsync("meeting-lifecycle", meetingId.ToString()));

        await _host.AdvanceToAsync(schedule.StartsAt);

        Assert.Equal(4, (await _host.NotificationsAsync("Нет кворума: Заседание № 5")).Count);
        var open = Assert.Single(await _host.OpenTasksAsync("meeting-lifecycle", meetingId.ToString()));
        Assert.StartsWith("Открыть заседание (при кворуме) или перенести", open.TaskName, StringComparison.Ordinal);

        await _host.CommandAsync("ru.cochair@example.org", async (cmd, caller) =>
        {
            (await ProcedureHost.MeetingAsync(cmd, meetingId)).Postpone("Нет кворума", caller);
            cmd.Raise(ProcedureEvents.MeetingPostponed, meetingId, new JsonObject { ["reason"] = "Нет кворума" });
            return true;
        });
        var postponed = await _host.MailsAsync("Заседание перенесено: Заседание № 5");
        Assert.Equal(18, postponed.Count);
        Assert.Contains("METHOD:CANCEL", Encoding.UTF8.GetString(Assert.Single(postponed[0].Attachments).Content), StringComparison.Ordinal);
        Assert.StartsWith("Назначить новую дату", Assert.Single(await _host.OpenTasksAsync("meeting-lifecycle", meetingId.ToString())).TaskName, StringComparison.Ordinal);

        await _host.CommandAsync("kz.cochair@example.org", async (cmd, caller) =>
        {
            var meeting = await ProcedureHost.MeetingAsync(cmd, meetingId);
            meeting.Reschedule(_host.ScheduleIn(21), caller);
            cmd.Raise(ProcedureEvents.MeetingRescheduled, meetingId, new JsonObject { ["revision"] = meeting.ScheduleRevision });
            return true;
        });

        var updated = await _host.MailsAsync("Новая дата заседания: Заседание № 5");
        Assert.Equal(18, updated.Count);
        var ics = Encoding.UTF8.GetString(Assert.Single(updated[0].Attachments).Content);
        Assert.Contains("METHOD:REQUEST", ics, StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:2", ics, StringComparison.Ordinal);
        Assert.StartsWith("Открыть сбор материалов", Assert.Single(await _host.OpenTasksAsync("meeting-lifecycle", meetingId.ToString())).TaskName, StringComparison.Ordinal);
    }
}

public sealed class MeetingLifecycleTestsOnSqlite(SqliteApp app) : MeetingLifecycleTests(app), IClassFixture<SqliteApp>;

public sealed class MeetingLifecycleTestsOnPostgres(PostgresApp app) : MeetingLifecycleTests(app), IClassFixture<PostgresApp>;
