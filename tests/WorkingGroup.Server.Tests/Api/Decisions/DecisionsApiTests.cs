using System.Net;
using System.Net.Http.Json;
using WorkingGroup.Domain.Composition;
using WorkingGroup.Domain.Decisions;
using WorkingGroup.Server.Api.Decisions;
using WorkingGroup.Server.Procedures;
using WorkingGroup.Server.Tests.Infrastructure;
using static WorkingGroup.Server.Tests.Api.MeetingStages;

namespace WorkingGroup.Server.Tests.Api.Decisions;

/// <summary>Decisions and assignments through HTTP: recording, the report loop, the monitoring view. SQLite and PostgreSQL.</summary>
public abstract class DecisionsApiTests(AppFixture app) : IAsyncLifetime
{
    private ProcedureServer _server = null!;

    public async Task InitializeAsync() => _server = await ProcedureServer.StartAsync(app);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_decision_in_session_R3_2_gives_assignments_to_a_member_and_to_a_body_each_with_its_own_event()
    {
        var meeting = await _server.MeetingAsync(Stage.InSession);
        var executor = await _server.PersonAsync(RuMember1);
        using var coChair = await _server.ClientAsync(KzCoChair);
        var dueAt = _server.Clock.GetUtcNow().AddDays(30);

        using (var invalid = await coChair.PostAsJsonAsync($"/api/meetings/{meeting.Id}/decisions", new
               {
                   agendaItemId = meeting.AgendaItems[0].Id,
                   text = "Рекомендовать",
                   assignments = new[] { new { dueAt, expectedResult = "Проект" } },
               }))
        {
            var problem = await Json.ProblemAsync(invalid, HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("assignments[0].executorPersonId", out _), problem.ToString());
        }

        var decision = await RecordAsync(coChair, meeting.Id, meeting.AgendaItems[0].Id,
            new { executorPersonId = (Guid?)executor, side = (string?)null, bodyName = (string?)null, dueAt, expectedResult = "Проект перечня квалификаций" },
            new { executorPersonId = (Guid?)null, side = (string?)"KZ", bodyName = (string?)"Министерство труда РК", dueAt, expectedResult = "Заключение" });

        Assert.Equal(2, decision.Assignments.Count);
        Assert.Equal((executor, Side.RU), (decision.Assignments[0].ExecutorPersonId, decision.Assignments[0].ExecutorSide));
        Assert.Equal(("Министерство труда РК", Side.KZ), (decision.Assignments[1].BodyName, decision.Assignments[1].ExecutorSide));
        Assert.All(decision.Assignments, a => Assert.Equal(AssignmentState.Assigned, a.State));
        var listed = await coChair.GetFromJsonAsync<List<DecisionResponse>>($"/api/meetings/{meeting.Id}/decisions", Json.Options);
        Assert.Equal(decision.Id, Assert.Single(listed!).Id);
        Assert.Equal([ProcedureEvents.DecisionRecorded], await _server.EventsAsync(meeting.Id));
        foreach (var assignment in decision.Assignments)
        {
            Assert.Equal([ProcedureEvents.AssignmentCreated], await _server.EventsAsync(assignment.Id));
        }
    }

    [Fact]
    public async Task A_report_R3_4_is_verified_by_the_secretary_of_the_executor_side_and_refused_to_the_other_side()
    {
        var meeting = await _server.MeetingAsync(Stage.InSession);
        using var coChair = await _server.ClientAsync(RuCoChair);
        var decision = await RecordAsync(coChair, meeting.Id, meeting.AgendaItems[0].Id, ToMember(await _server.PersonAsync(RuMember1), 30));
        var id = decision.Assignments[0].Id;
        using var executor = await _server.ClientAsync(RuMember1);
        await OkAsync(await executor.PostAsync($"/api/assignments/{id}/start", null));
        var reported = await OkAsync(await executor.PostAsJsonAsync($"/api/assignments/{id}/report", new { report = "Перечень подготовлен" }));
        Assert.Equal(AssignmentState.ReportSubmitted, reported.State);

        using var kzSecretary = await _server.ClientAsync(KzSecretary);
        using (var refused = await kzSecretary.PostAsync($"/api/assignments/{id}/verify", null))
        {
            Assert.Equal("assignment.not_executor_side_secretary", (await Json.ProblemAsync(refused, HttpStatusCode.Forbidden)).GetProperty("code").GetString());
        }

        Assert.Equal(AssignmentState.ReportSubmitted, (await AssignmentAsync(kzSecretary, id)).State);

        using var ruSecretary = await _server.ClientAsync(RuSecretary);
        var verified = await OkAsync(await ruSecretary.PostAsync($"/api/assignments/{id}/verify", null));

        Assert.Equal((AssignmentState.Verified, "Перечень подготовлен"), (verified.State, verified.Report));
        Assert.Equal(
            [ProcedureEvents.AssignmentCreated, ProcedureEvents.AssignmentStarted, ProcedureEvents.AssignmentReported, ProcedureEvents.AssignmentVerified],
            await _server.EventsAsync(id));
    }

    [Fact]
    public async Task The_monitoring_view_lists_an_assignment_as_overdue_once_the_clock_passes_its_due_date_until_a_co_chair_extends_it()
    {
        var meeting = await _server.MeetingAsync(Stage.InSession);
        Guid id;
        using (var coChair = await _server.ClientAsync(KzCoChair))
        {
            var decision = await RecordAsync(coChair, meeting.Id, meeting.AgendaItems[0].Id, ToMember(await _server.PersonAsync(KzMember1), 14));
            id = decision.Assignments[0].Id;
            using var executor = await _server.ClientAsync(KzMember1);
            Assert.DoesNotContain(await ListAsync(executor, "overdue=true"), a => a.Id == id);
            Assert.Contains(await ListAsync(executor, "mine=true&overdue=false"), a => a.Id == id);

            _server.Clock.Advance(TimeSpan.FromDays(15));
        }

        using var member = await _server.ClientAsync(KzMember1);
        var overdue = Assert.Single(await ListAsync(member, "overdue=true&mine=true&side=KZ&state=Assigned"), a => a.Id == id);
        Assert.True(overdue.IsOverdue);
        Assert.DoesNotContain(await ListAsync(member, "overdue=true&side=RU"), a => a.Id == overdue.Id);
        using var other = await _server.ClientAsync(RuMember1);
        Assert.DoesNotContain(await ListAsync(other, "mine=true"), a => a.Id == overdue.Id);

        using var kzCoChair = await _server.ClientAsync(KzCoChair);
        var extended = await OkAsync(await kzCoChair.PostAsJsonAsync($"/api/assignments/{overdue.Id}/extend",
            new { dueAt = _server.Clock.GetUtcNow().AddDays(7), reason = "Ждём данные статистики" }));

        Assert.False(extended.IsOverdue);
        Assert.Equal("Ждём данные статистики", Assert.Single(extended.Extensions).Reason);
        Assert.DoesNotContain(await ListAsync(member, "overdue=true"), a => a.Id == overdue.Id);
        Assert.Contains(ProcedureEvents.AssignmentExtended, await _server.EventsAsync(overdue.Id));
    }

    /// <summary>An assignment to a member, due <paramref name="dueInDays"/> after the server's clock.</summary>
    private object ToMember(Guid executor, int dueInDays) =>
        new { executorPersonId = executor, dueAt = _server.Clock.GetUtcNow().AddDays(dueInDays), expectedResult = "Проект перечня квалификаций" };

    private static async Task<DecisionResponse> RecordAsync(HttpClient client, Guid meetingId, Guid agendaItemId, params object[] assignments)
    {
        using var response = await client.PostAsJsonAsync($"/api/meetings/{meetingId}/decisions",
            new { agendaItemId, text = "Рекомендовать сторонам гармонизировать перечни квалификаций", assignments });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<DecisionResponse>(Json.Options))!;
    }

    private static async Task<List<AssignmentResponse>> ListAsync(HttpClient client, string query) =>
        (await client.GetFromJsonAsync<List<AssignmentResponse>>($"/api/assignments?{query}", Json.Options))!;

    private static async Task<AssignmentResponse> AssignmentAsync(HttpClient client, Guid id) =>
        Assert.Single(await ListAsync(client, "state=ReportSubmitted"), a => a.Id == id);

    private static async Task<AssignmentResponse> OkAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadFromJsonAsync<AssignmentResponse>(Json.Options))!;
        }
    }
}

public sealed class DecisionsApiTestsOnSqlite(SqliteApp app) : DecisionsApiTests(app), IClassFixture<SqliteApp>;

public sealed class DecisionsApiTestsOnPostgres(PostgresApp app) : DecisionsApiTests(app), IClassFixture<PostgresApp>;
