using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WorkingGroup.Domain.Meetings;
using WorkingGroup.Server.Api.Decisions;
using WorkingGroup.Server.Tests.Infrastructure;
using static WorkingGroup.Server.Tests.Api.MeetingStages;

namespace WorkingGroup.Server.Tests.Api.Decisions;

/// <summary>
/// GET /api/assignments, the monitoring view: filters that combine, pages in due order with the total count, paging out
/// of range refused. The tests of a class share its database, so each looks at its own assignments (or at a person
/// no other test gives assignments to). SQLite and PostgreSQL.
/// </summary>
public abstract class AssignmentsListTests(AppFixture app) : IAsyncLifetime
{
    private ProcedureServer _server = null!;

    public async Task InitializeAsync() => _server = await ProcedureServer.StartAsync(app);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_filters_mine_overdue_side_and_state_combine()
    {
        var kzMember = await _server.PersonAsync(KzMember1);
        var ruMember = await _server.PersonAsync(RuMember1);
        var meeting = await _server.MeetingAsync(Stage.InSession);
        var tomorrow = _server.Clock.GetUtcNow().AddDays(1);
        var decision = await RecordAsync(
            meeting,
            ToMember(kzMember, tomorrow),
            ToMember(kzMember, tomorrow.AddDays(9)),
            ToBody("KZ", tomorrow.AddHours(1)),
            ToMember(ruMember, tomorrow.AddHours(2)),
            ToMember(kzMember, tomorrow.AddHours(3)));
        var (lateOfMine, laterOfMine, lateOfMySidesBody, lateOfRu, cancelled) =
            (decision.Assignments[0].Id, decision.Assignments[1].Id, decision.Assignments[2].Id, decision.Assignments[3].Id, decision.Assignments[4].Id);
        using (var coChair = await _server.ClientAsync(KzCoChair))
        using (var cancelling = await coChair.PostAsJsonAsync($"/api/assignments/{cancelled}/cancel", new { reason = "Потеряло актуальность" }))
        {
            Assert.Equal(HttpStatusCode.OK, cancelling.StatusCode);
        }

        Guid[] ours = [lateOfMine, laterOfMine, lateOfMySidesBody, lateOfRu, cancelled];
        _server.Clock.Advance(TimeSpan.FromDays(2));
        using var member = await _server.ClientAsync(KzMember1);

        Assert.Equal([lateOfMine, lateOfMySidesBody, cancelled, laterOfMine], await OursAsync(member, "mine=true", ours));
        Assert.Equal([lateOfMine, lateOfMySidesBody], await OursAsync(member, "mine=true&overdue=true", ours));
        Assert.Equal([cancelled, laterOfMine], await OursAsync(member, "mine=true&overdue=false", ours));
        Assert.Equal([laterOfMine], await OursAsync(member, "mine=true&side=KZ&state=Assigned&overdue=false", ours));
        Assert.Equal([cancelled], await OursAsync(member, "mine=true&state=Cancelled", ours));
        Assert.Equal([lateOfRu], await OursAsync(member, "side=RU&overdue=true", ours));
        Assert.Equal([lateOfMine, lateOfMySidesBody, lateOfRu], await OursAsync(member, "overdue=true&state=Assigned", ours));
        var all = await ListAsync(member, "overdue=true");
        Assert.All(all.Items, a => Assert.True(a.IsOverdue));
        Assert.Equal(all.Items.Count, all.Total);
    }

    [Fact]
    public async Task Pages_come_in_due_order_with_the_total_count()
    {
        var executor = await _server.PersonAsync(RuMember2);
        var meeting = await _server.MeetingAsync(Stage.InSession);
        var now = _server.Clock.GetUtcNow();
        var decision = await RecordAsync(meeting, [.. new[] { 13, 10, 14, 11, 12 }.Select(days => ToMember(executor, now.AddDays(days)))]);
        var byDueDate = decision.Assignments.OrderBy(a => a.DueAt).Select(a => a.Id).ToList();
        using var member = await _server.ClientAsync(RuMember2);

        var whole = await ListAsync(member, "mine=true");
        var first = await ListAsync(member, "mine=true&take=2");
        var second = await ListAsync(member, "mine=true&skip=2&take=2");
        var last = await ListAsync(member, "mine=true&skip=4&take=2");
        var beyond = await ListAsync(member, "mine=true&skip=5");

        Assert.Equal(byDueDate, whole.Items.Select(a => a.Id).ToList());
        Assert.Equal(byDueDate[..2], first.Items.Select(a => a.Id).ToList());
        Assert.Equal(byDueDate[2..4], second.Items.Select(a => a.Id).ToList());
        Assert.Equal(byDueDate[4..], last.Items.Select(a => a.Id).ToList());
        Assert.Empty(beyond.Items);
        Assert.All(new[] { whole, first, second, last, beyond }, page => Assert.Equal(5, page.Total));
    }

    [Theory]
    [InlineData("take=0", "take")]
    [InlineData("take=501", "take")]
    [InlineData("skip=-1", "skip")]
    [InlineData("mine=true&skip=-1&take=10", "skip")]
    public async Task Paging_out_of_range_is_refused_naming_the_field(string query, string field)
    {
        using var member = await _server.ClientAsync(KzMember1);

        using var response = await member.GetAsync($"/api/assignments?{query}");

        var problem = await Json.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("validation.failed", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task The_largest_page_is_500()
    {
        using var member = await _server.ClientAsync(KzMember1);

        using var response = await member.GetAsync("/api/assignments?take=500");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Contains(AssignmentsApi.TotalCountHeader));
    }

    [Fact]
    public async Task The_API_reference_describes_the_paging_and_the_total_count_header()
    {
        using var client = _server.Factory.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var list = document.RootElement.GetProperty("paths").GetProperty("/api/assignments").GetProperty("get");
        var parameters = list.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("skip", parameters);
        Assert.Contains("take", parameters);
        Assert.True(list.GetProperty("responses").GetProperty("200").GetProperty("headers").TryGetProperty(AssignmentsApi.TotalCountHeader, out _), list.ToString());
        Assert.Contains(AssignmentsApi.TotalCountHeader, list.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Due_order_and_overdue_go_by_the_instant_whatever_offset_the_due_date_was_given_in()
    {
        var executor = await _server.PersonAsync(RuMember1);
        var meeting = await _server.MeetingAsync(Stage.InSession);
        var day = new DateTimeOffset(_server.Clock.GetUtcNow().UtcDateTime.Date.AddDays(10), TimeSpan.Zero);
        // 12:00 in Almaty is 07:00 UTC: due before 09:00 UTC, though its wall clock reads later.
        var almatyNoon = day.AddHours(7).ToOffset(TimeSpan.FromHours(5));
        var nineUtc = day.AddHours(9);
        var decision = await RecordAsync(meeting, ToMember(executor, nineUtc), ToMember(executor, almatyNoon));
        Guid[] ours = [decision.Assignments[0].Id, decision.Assignments[1].Id];
        var (dueNineUtc, dueAlmatyNoon) = (ours[0], ours[1]);

        _server.Clock.SetUtcNow(day.AddHours(8));
        using var member = await _server.ClientAsync(RuMember1);

        Assert.Equal([dueAlmatyNoon, dueNineUtc], await OursAsync(member, "mine=true", ours));
        Assert.Equal([dueAlmatyNoon], await OursAsync(member, "mine=true&overdue=true", ours));
        Assert.Equal([dueNineUtc], await OursAsync(member, "mine=true&overdue=false", ours));
    }

    private static object ToMember(Guid executor, DateTimeOffset dueAt) =>
        new { executorPersonId = (Guid?)executor, side = (string?)null, bodyName = (string?)null, dueAt, expectedResult = "Проект перечня квалификаций" };

    private static object ToBody(string side, DateTimeOffset dueAt) =>
        new { executorPersonId = (Guid?)null, side = (string?)side, bodyName = (string?)"Министерство труда РК", dueAt, expectedResult = "Заключение" };

    /// <summary>A decision of the meeting (in session) with these assignments, given by the KZ co-chair, in this order.</summary>
    private async Task<DecisionResponse> RecordAsync(Meeting meeting, params object[] assignments)
    {
        using var coChair = await _server.ClientAsync(KzCoChair);
        using var response = await coChair.PostAsJsonAsync($"/api/meetings/{meeting.Id}/decisions",
            new { agendaItemId = meeting.AgendaItems[0].Id, text = "Рекомендовать сторонам гармонизировать перечни квалификаций", assignments });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<DecisionResponse>(Json.Options))!;
    }

    /// <summary>Which of <paramref name="ours"/> the view lists, in its order (the class's few assignments fit in one page).</summary>
    private static async Task<List<Guid>> OursAsync(HttpClient client, string query, Guid[] ours)
    {
        var page = await ListAsync(client, query);
        Assert.Equal(page.Items.Count, page.Total);
        return [.. page.Items.Select(a => a.Id).Where(ours.Contains)];
    }

    private static async Task<(List<AssignmentResponse> Items, int Total)> ListAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync($"/api/assignments?{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var total = int.Parse(Assert.Single(response.Headers.GetValues(AssignmentsApi.TotalCountHeader)), CultureInfo.InvariantCulture);
        return ((await response.Content.ReadFromJsonAsync<List<AssignmentResponse>>(Json.Options))!, total);
    }
}

public sealed class AssignmentsListTestsOnSqlite(SqliteApp app) : AssignmentsListTests(app), IClassFixture<SqliteApp>;

public sealed class AssignmentsListTestsOnPostgres(PostgresApp app) : AssignmentsListTests(app), IClassFixture<PostgresApp>;
