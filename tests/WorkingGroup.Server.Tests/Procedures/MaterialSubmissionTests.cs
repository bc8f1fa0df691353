using System.Text.Json.Nodes;
using WorkingGroup.Domain.Materials;
using WorkingGroup.Server.Procedures;
using WorkingGroup.Server.Tests.Infrastructure;
using WorkingGroup.Workflows.Persistence;

namespace WorkingGroup.Server.Tests.Procedures;

/// <summary>material-submission.json: submission, the review by the secretary of the author's side with its return loop, the late path .</summary>
public abstract class MaterialSubmissionTests(AppFixture app) : IAsyncLifetime
{
    private const string Author = "kz.member2@example.org";
    private ProcedureHost _host = null!;

    public async Task InitializeAsync() => _host = await ProcedureHost.StartAsync(app);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<Guid> DraftAsync(Guid meetingId, string title) =>
        _host.CommandAsync(Author, async (cmd, caller) =>
        {
            var meeting = await ProcedureHost.MeetingAsync(cmd, meetingId);
            var material = Material.Draft(meeting, title, null, "note.pdf", new string('b', 64), caller);
            cmd.Db.Materials.Add(material);
            cmd.Raise(ProcedureEvents.MaterialDrafted, material.Id, Payload(material, "KZ", ("title", title)));
            return material.Id;
        });

    private static JsonObject Payload(Material material, string? side = null, params (string Key, JsonNode? Value)[] more)
    {
        var payload = new JsonObject { ["meetingId"] = material.MeetingId.ToString(), ["authorId"] = material.AuthorId.ToString() };
        if (side is not null)
        {
            payload["side"] = side;
        }

        foreach (var (key, value) in more)
        {
            payload[key] = value;
        }

        return payload;
    }

    private Task OnMaterialAsync(string email, Guid materialId, Action<Material, Domain.Meetings.Meeting, Domain.Composition.Caller> act, string eventName, params (string Key, JsonNode? Value)[] more) =>
        _host.CommandAsync(email, async (cmd, caller) =>
        {
            var material = cmd.Db.Materials.Single(m => m.Id == materialId);
            var meeting = await ProcedureHost.MeetingAsync(cmd, material.MeetingId);
            act(material, meeting, caller);
            var payload = Payload(material, null, more);
            if (eventName == ProcedureEvents.MaterialSubmitted)
            {
                payload["late"] = material.State == MaterialState.Late;
            }

            cmd.Raise(eventName, materialId, payload);
            return true;
        });

    [Fact]
    public async Task The_secretary_of_the_authors_side_reviews_a_returned_material_comes_back_and_the_author_hears_each_outcome()
    {
        var meetingId = await _host.ScheduledMeetingAsync(30);
        var materialId = await DraftAsync(meetingId, "Проект стандарта");
        var submit = Assert.Single(await _host.OpenTasksAsync("material-submission", materialId.ToString()));
        Assert.Equal((await _host.PersonAsync(Author)).ToString(), submit.Assignee);

        await OnMaterialAsync(Author, materialId, (m, meeting, c) => m.Submit(meeting, c), ProcedureEvents.MaterialSubmitted);
        var review = Assert.Single(await _host.OpenTasksAsync("material-submission", materialId.ToString()));
        Assert.Equal("ExecutiveSecretary:KZ", review.Assignee);

        await OnMaterialAsync("kz.secretary@example.org", materialId, (m, _, c) => m.Return("Нет пояснительной записки", c), ProcedureEvents.MaterialReturned, ("reason", "Нет пояснительной записки"));
        var returned = Assert.Single(await _host.NotificationsAsync("Материал возвращён: Проект стандарта"));
        Assert.Contains("Нет пояснительной записки", returned.Body, StringComparison.Ordinal);
        Assert.Equal(WorkflowTaskStatus.Completed, (await _host.TaskAsync(review.Id)).Status);
        Assert.Equal(submit.Assignee, Assert.Single(await _host.OpenTasksAsync("material-submission", materialId.ToString())).Assignee);

        await OnMaterialAsync(Author, materialId, (m, _, c) => m.Revise("note-2.pdf", new string('c', 64), c), ProcedureEvents.MaterialRevised);
        await OnMaterialAsync(Author, materialId, (m, meeting, c) => m.Submit(meeting, c), ProcedureEvents.MaterialSubmitted);
        await OnMaterialAsync("kz.secretary@example.org", materialId, (m, _, c) => m.Accept(c), ProcedureEvents.MaterialAccepted);

        Assert.Single(await _host.NotificationsAsync("Материал принят: Проект стандарта"));
        Assert.Single(await _host.MailsAsync("Материал принят: Проект стандарта"));
        Assert.Equal("Finished", (await _host.InstanceAsync("material-submission", materialId.ToString())).Status);
    }

    [Fact]
    public async Task R3_9_a_late_material_goes_to_the_co_chairs_who_admit_it_and_the_author_is_told()
    {
        var meetingId = await _host.ScheduledMeetingAsync(12);
        var materialId = await DraftAsync(meetingId, "Поздняя справка");
        await _host.AdvanceAsync(TimeSpan.FromDays(5)); // past the deadline (12 − 10 days)

        await OnMaterialAsync(Author, materialId, (m, meeting, c) => m.Submit(meeting, c), ProcedureEvents.MaterialSubmitted);
        var decide = Assert.Single(await _host.OpenTasksAsync("material-submission", materialId.ToString()));
        Assert.Equal("CoChair", decide.Assignee);
        Assert.Contains("(п. 3.9)", decide.TaskName, StringComparison.Ordinal);

        await OnMaterialAsync("ru.cochair@example.org", materialId, (m, meeting, c) => m.Admit("Важно для пункта 1", meeting, c), ProcedureEvents.MaterialAdmitted, ("reason", "Важно для пункта 1"));

        var told = Assert.Single(await _host.NotificationsAsync("Материал допущен: Поздняя справка"));
        Assert.Contains("Важно для пункта 1", told.Body, StringComparison.Ordinal);
        Assert.Empty(await _host.OpenTasksAsync("material-submission", materialId.ToString()));
    }
}

public sealed class MaterialSubmissionTestsOnSqlite(SqliteApp app) : MaterialSubmissionTests(app), IClassFixture<SqliteApp>;

public sealed class MaterialSubmissionTestsOnPostgres(PostgresApp app) : MaterialSubmissionTests(app), IClassFixture<PostgresApp>;
