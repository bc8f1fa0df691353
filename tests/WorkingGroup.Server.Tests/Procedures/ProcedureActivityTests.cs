using Microsoft.Extensions.DependencyInjection;
using WorkingGroup.Domain.Attendance;
using WorkingGroup.Domain.Materials;
using WorkingGroup.Domain.Meetings;
using WorkingGroup.Server.Procedures.Activities;
using WorkingGroup.Server.Tests.Infrastructure;
using WorkingGroup.Workflows.Definitions;
using WorkingGroup.Workflows.Runtime;
using WorkingGroup.Workflows.Versioning;

namespace WorkingGroup.Server.Tests.Procedures;

/// <summary>The WorkingGroup.* activities on their own, each in a small definition of the test's.</summary>
public abstract class ProcedureActivityTests(AppFixture app) : IAsyncLifetime
{
    private readonly string _tag = Guid.NewGuid().ToString("N")[..8];
    private ProcedureHost _host = null!;

    public async Task InitializeAsync() => _host = await ProcedureHost.StartAsync(app);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>Publishes a definition: Start → <paramref name="activity"/> → per outcome, SetOutput "outcome".</summary>
    private async Task<string> PublishAsync(string activity, params string[] outcomes)
    {
        var id = $"probe-{_tag}-{Guid.NewGuid():N}"[..30];
        var setters = string.Join(",", outcomes.Select(o => $$"""
            { "id": "out{{o}}", "type": "Elsa.SetOutput", "version": 1,
              "outputName": { "typeName": "String", "expression": { "type": "Literal", "value": "outcome" } },
              "outputValue": { "typeName": "Object", "expression": { "type": "Literal", "value": "{{o}}" } } }
            """));
        var connections = string.Join(",", outcomes.Select(o => $$"""
            { "source": { "activity": "probe", "port": "{{o}}" }, "target": { "activity": "out{{o}}", "port": "In" } }
            """));
        var json = $$"""
            { "id": "{{id}}-v1", "definitionId": "{{id}}", "name": "{{id}}", "version": 1, "variables": [], "inputs": [], "outputs": [],
              "root": { "type": "Elsa.Flowchart", "version": 1, "id": "root",
                "activities": [ { "id": "start", "type": "Elsa.Start", "version": 1 }, {{activity}}, {{setters}} ],
                "connections": [ { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "probe", "port": "In" } }, {{connections}} ] } }
            """;
        await _host.Server.Services.GetRequiredService<WorkflowDefinitionStore>().ImportAsync(WorkflowDefinitionJson.Parse(json));
        return id;
    }

    private Task<WorkflowRunResult> RunAsync(string definitionId, Guid correlationId) =>
        _host.Runtime.StartAsync(definitionId, new StartWorkflowOptions { CorrelationId = correlationId.ToString() });

    private Task RecordAsync(Guid meetingId, IEnumerable<Guid> people, Presence presence) =>
        _host.CommandAsync("ru.secretary@example.org", async (cmd, caller) =>
        {
            var meeting = await ProcedureHost.MeetingAsync(cmd, meetingId);
            foreach (var person in people)
            {
                meeting.RecordAttendance(person, presence, caller);
            }

            return true;
        });

    [Fact]
    public async Task R3_7_CheckQuorum_is_NotQuorate_until_half_of_each_side_is_present_remote_participants_counting()
    {
        var meetingId = await _host.ScheduledMeetingAsync(20);
        var composition = await _host.InScopeAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.Compositions));
        var ru = composition.MembersOf(Domain.Composition.Side.RU, _host.Clock.GetUtcNow()).Select(m => m.PersonId).ToList();
        var kz = composition.MembersOf(Domain.Composition.Side.KZ, _host.Clock.GetUtcNow()).Select(m => m.PersonId).ToList();
        await RecordAsync(meetingId, ru.Take(5), Presence.PresentInPerson);
        await RecordAsync(meetingId, kz.Take(4), Presence.PresentRemotely);
        var definition = await PublishAsync("""{ "id": "probe", "type": "WorkingGroup.CheckQuorum", "version": 1 }""", "Quorate", "NotQuorate");

        var below = await RunAsync(definition, meetingId);
        await RecordAsync(meetingId, kz.Skip(4).Take(1), Presence.PresentRemotely);
        var reached = await RunAsync(definition, meetingId);

        Assert.Equal("NotQuorate", (string?)below.Output["outcome"]);
        Assert.Equal("Quorate", (string?)reached.Output["outcome"]);
    }

    [Fact]
    public async Task A_Notify_whose_template_does_not_parse_faults_with_an_incident_and_writes_no_notice()
    {
        var meetingId = await _host.ScheduledMeetingAsync(20);
        var definition = await PublishAsync("""
            { "id": "probe", "type": "WorkingGroup.Notify", "version": 1,
              "audience": { "typeName": "String", "expression": { "type": "Literal", "value": "AllMembers" } },
              "subject": { "typeName": "String", "expression": { "type": "Literal", "value": "Сломанный шаблон {% if %}" } } }
            """, "Done");

        var run = await RunAsync(definition, meetingId);

        Assert.Equal(WorkflowSubStatus.Faulted, run.SubStatus);
        Assert.Contains("does not parse", Assert.Single(run.Incidents).Message, StringComparison.Ordinal);
        Assert.Empty(await _host.NotificationsAsync("Сломанный шаблон"));
    }

    [Theory]
    [InlineData("Asia/Almaty", 2026, 4, 15)]
    [InlineData("Europe/Moscow", 2026, 1, 5)]
    [InlineData("Europe/Berlin", 2026, 4, 2)] // the window crosses the change to summer time
    public void R3_9_ComputeDeadline_defaults_give_the_materials_deadline_of_the_domain(string zone, int year, int month, int day)
    {
        var schedule = new MeetingSchedule(new DateTime(year, month, day, 10, 0, 0), zone, MeetingFormat.InPerson, "Place", null);

        var computed = ComputeDeadline.Compute(schedule.StartsAt, schedule.TimeZone, -MaterialsDeadline.DefaultDaysBeforeMeeting, "24:00");

        Assert.Equal(MaterialsDeadline.LateFrom(schedule), computed);
    }

    [Fact]
    public void ComputeDeadline_keeps_the_local_time_of_day_or_sets_the_one_given_in_the_meetings_zone()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty");
        var from = new DateTimeOffset(2026, 4, 15, 5, 0, 0, TimeSpan.Zero); // 10:00 in Almaty

        Assert.Equal(new DateTimeOffset(2026, 4, 8, 5, 0, 0, TimeSpan.Zero), ComputeDeadline.Compute(from, zone, -7, ""));
        Assert.Equal(new DateTimeOffset(2026, 4, 14, 4, 0, 0, TimeSpan.Zero), ComputeDeadline.Compute(from, zone, -1, "09:00"));
        Assert.Equal(new DateTimeOffset(2026, 4, 17, 19, 0, 0, TimeSpan.Zero), ComputeDeadline.Compute(from, zone, 2, "24:00"));
    }
}

public sealed class ProcedureActivityTestsOnSqlite(SqliteApp app) : ProcedureActivityTests(app), IClassFixture<SqliteApp>;

public sealed class ProcedureActivityTestsOnPostgres(PostgresApp app) : ProcedureActivityTests(app), IClassFixture<PostgresApp>;
