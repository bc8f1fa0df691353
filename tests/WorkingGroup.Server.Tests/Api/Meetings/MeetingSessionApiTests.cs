using System.Net;
using System.Text.Json;
using WorkingGroup.Domain.Attendance;
using WorkingGroup.Domain.Composition;
using WorkingGroup.Domain.Meetings;
using WorkingGroup.Server.Api.Meetings;
using WorkingGroup.Server.Procedures;
using WorkingGroup.Server.Tests.Infrastructure;

namespace WorkingGroup.Server.Tests.Api.Meetings;

/// <summary>
/// The session and the meeting's side exits through the REST API: written opinions read out before the session
/// closes, closing only with a signed protocol, postponement, rescheduling and cancellation;
/// the events carry the payloads <see cref="ProcedureEvents"/> documents. Run on SQLite and PostgreSQL.
/// </summary>
public abstract class MeetingSessionApiTests(AppFixture app) : MeetingApiTestBase(app)
{
    [Fact]
    public async Task An_absent_members_opinion_is_read_out_before_the_session_closes_and_the_file_closes_only_with_a_signed_protocol_R3_5_R3_10()
    {
        var meetingId = await Driver.PackageDistributedAsync();
        var ru = await Driver.SideAsync(Side.RU);
        var absent = ru.Single(m => m.FullName == "Орлова Наталья Андреевна").PersonId;
        await Driver.RecordAsync(meetingId, Side.RU, ru.Select(m => m.PersonId).Where(p => p != absent), Presence.PresentInPerson);
        await Driver.RecordAsync(meetingId, Side.RU, [absent], Presence.Absent);
        await Driver.RecordAsync(meetingId, Side.KZ, (await Driver.SideAsync(Side.KZ)).Select(m => m.PersonId), Presence.PresentRemotely);
        var item = Assert.Single((await Driver.GetAsync(meetingId)).AgendaItems);

        using var byPresentMember = await Driver.SendAsync(MeetingDriver.RuMember, HttpMethod.Post, $"/api/meetings/{meetingId}/opinions",
            new { agendaItemId = item.Id, text = "Я тоже хочу высказаться письменно." });
        var opinion = await Driver.OkAsync<WrittenOpinionResponse>("ru.member3@example.org", HttpMethod.Post, $"/api/meetings/{meetingId}/opinions",
            new { agendaItemId = item.Id, text = "Поддерживаю проект решения." });
        using var readOutTooEarly = await Driver.SendAsync(MeetingDriver.RuSecretary, HttpMethod.Post, $"/api/meetings/{meetingId}/opinions/{opinion.Id}/read-out");
        await Driver.MeetingCommandAsync(MeetingDriver.RuCoChair, HttpMethod.Post, $"/api/meetings/{meetingId}/open");
        using var closedTooEarly = await Driver.SendAsync(MeetingDriver.KzCoChair, HttpMethod.Post, $"/api/meetings/{meetingId}/close-session");
        using var unknownOpinion = await Driver.SendAsync(MeetingDriver.RuSecretary, HttpMethod.Post, $"/api/meetings/{meetingId}/opinions/{Guid.NewGuid()}/read-out");
        var readOut = await Driver.MeetingCommandAsync(MeetingDriver.KzSecretary, HttpMethod.Post, $"/api/meetings/{meetingId}/opinions/{opinion.Id}/read-out");
        var held = await Driver.MeetingCommandAsync(MeetingDriver.KzCoChair, HttpMethod.Post, $"/api/meetings/{meetingId}/close-session");
        using var closeWithoutProtocol = await Driver.SendAsync(MeetingDriver.RuCoChair, HttpMethod.Post, $"/api/meetings/{meetingId}/close");

        Assert.Equal("opinion.author_not_absent", await CodeOfAsync(byPresentMember, HttpStatusCode.UnprocessableEntity));
        Assert.Equal("opinion.cannot_be_read_out", await CodeOfAsync(readOutTooEarly, HttpStatusCode.Conflict));
        Assert.Equal("opinion.not_read_out", await CodeOfAsync(closedTooEarly, HttpStatusCode.Conflict));
        Assert.Equal("opinion.not_found", await CodeOfAsync(unknownOpinion, HttpStatusCode.NotFound));
        Assert.NotNull(Assert.Single(readOut.WrittenOpinions!).ReadOutAt);
        Assert.Equal(MeetingState.Held, held.State);
        Assert.Equal("protocol.not_signed", await CodeOfAsync(closeWithoutProtocol, HttpStatusCode.Conflict));
        Assert.Equal(MeetingState.Held, (await Driver.GetAsync(meetingId)).State);
    }

    [Fact]
    public async Task A_meeting_is_postponed_rescheduled_with_its_attendance_taken_afresh_and_cancelled_R3_2()
    {
        var meetingId = await Driver.CollectingMaterialsAsync();
        await Driver.RecordAsync(meetingId, Side.KZ, [await Driver.PersonIdAsync("kz.member1@example.org")], Presence.PresentInPerson);
        var revisionWaiter = await StartWaitingForAsync(ProcedureEvents.MeetingRescheduled, meetingId);

        using var bySecretary = await Driver.SendAsync(MeetingDriver.RuSecretary, HttpMethod.Post, $"/api/meetings/{meetingId}/postpone", new { reason = "Нет кворума" });
        var postponed = await Driver.MeetingCommandAsync(MeetingDriver.RuCoChair, HttpMethod.Post, $"/api/meetings/{meetingId}/postpone",
            new { reason = "Сопредседатели обеих сторон в командировке" });
        var rescheduled = await Driver.MeetingCommandAsync(MeetingDriver.KzCoChair, HttpMethod.Post, $"/api/meetings/{meetingId}/reschedule", new
        {
            localStart = MeetingDriver.LocalStartAhead, timeZoneId = "Europe/Moscow", format = "Video", videoLink = "https://meet.example.org/wg",
        });
        var cancelled = await Driver.MeetingCommandAsync(MeetingDriver.RuCoChair, HttpMethod.Post, $"/api/meetings/{meetingId}/cancel",
            new { reason = "Вопросы решены в рабочем порядке" });
        using var cancelledAgain = await Driver.SendAsync(MeetingDriver.RuCoChair, HttpMethod.Post, $"/api/meetings/{meetingId}/cancel", new { reason = "Ещё раз" });

        await Json.ProblemAsync(bySecretary, HttpStatusCode.Forbidden);
        Assert.Equal((MeetingState.Postponed, "Сопредседатели обеих сторон в командировке"), (postponed.State, postponed.PostponementReason));
        Assert.Equal((MeetingState.Scheduled, 2, "Europe/Moscow", MeetingFormat.Video), (rescheduled.State, rescheduled.ScheduleRevision, rescheduled.Schedule!.TimeZoneId, rescheduled.Schedule.Format));
        Assert.Empty(rescheduled.Attendance!.Records);
        Assert.Null(rescheduled.PostponementReason);
        Assert.Equal((MeetingState.Cancelled, "Вопросы решены в рабочем порядке"), (cancelled.State, cancelled.CancellationReason));
        await Json.ProblemAsync(cancelledAgain, HttpStatusCode.Conflict);
        var payload = await PayloadKeptByAsync(revisionWaiter);
        Assert.Equal(2, payload.GetProperty("revision").GetInt32());
        Assert.Equal("Europe/Moscow", payload.GetProperty("timeZoneId").GetString());
        Assert.Equal(rescheduled.Schedule.StartsAt, payload.GetProperty("startsAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task The_events_of_agenda_and_scheduling_reach_a_waiting_procedure_with_their_documented_payloads()
    {
        var drafted = await Driver.OkAsync<MeetingResponse>(MeetingDriver.KzSecretary, HttpMethod.Post, "/api/meetings", new { title = "Заседание № 10" });
        var agendaWaiter = await StartWaitingForAsync(ProcedureEvents.AgendaApproved, drafted.Id);
        var scheduleWaiter = await StartWaitingForAsync(ProcedureEvents.MeetingScheduled, drafted.Id);
        var materialsWaiter = await StartWaitingForAsync(ProcedureEvents.MaterialsCollectionStarted, drafted.Id);
        await Driver.MeetingCommandAsync(MeetingDriver.KzSecretary, HttpMethod.Post, $"/api/meetings/{drafted.Id}/agenda/start");
        var proposal = await Driver.OkAsync<AgendaProposalResponse>("kz.member5@example.org", HttpMethod.Post, $"/api/meetings/{drafted.Id}/proposals",
            new { title = "О координации работы", category = "Coordination" });
        var proposalWaiter = await StartWaitingForAsync(ProcedureEvents.AgendaProposalApproved, proposal.Id);
        await Driver.MeetingCommandAsync(MeetingDriver.KzCoChair, HttpMethod.Post, $"/api/meetings/{drafted.Id}/proposals/{proposal.Id}/approve");
        await Driver.MeetingCommandAsync(MeetingDriver.RuCoChair, HttpMethod.Post, $"/api/meetings/{drafted.Id}/proposals/{proposal.Id}/approve");
        await Driver.MeetingCommandAsync(MeetingDriver.KzCoChair, HttpMethod.Put, $"/api/meetings/{drafted.Id}/schedule", MeetingDriver.Schedule());
        await Driver.MeetingCommandAsync(MeetingDriver.KzCoChair, HttpMethod.Post, $"/api/meetings/{drafted.Id}/agenda/approve");
        await Driver.MeetingCommandAsync(MeetingDriver.RuCoChair, HttpMethod.Post, $"/api/meetings/{drafted.Id}/agenda/approve");
        var scheduled = await Driver.MeetingCommandAsync(MeetingDriver.RuCoChair, HttpMethod.Post, $"/api/meetings/{drafted.Id}/schedule/confirm");
        var collecting = await Driver.MeetingCommandAsync(MeetingDriver.KzSecretary, HttpMethod.Post, $"/api/meetings/{drafted.Id}/materials-collection/start");

        // The first approval of the agenda resumed the waiting procedure: KZ approved, RU not yet.
        var agenda = await PayloadKeptByAsync(agendaWaiter);
        Assert.Equal(("KZ", false), (agenda.GetProperty("side").GetString(), agenda.GetProperty("approvedByBoth").GetBoolean()));
        var approval = await PayloadKeptByAsync(proposalWaiter);
        Assert.Equal((drafted.Id.ToString(), "KZ", false),
            (approval.GetProperty("meetingId").GetString(), approval.GetProperty("side").GetString(), approval.GetProperty("approvedByBoth").GetBoolean()));
        var schedule = await PayloadKeptByAsync(scheduleWaiter);
        Assert.Equal((1, "Asia/Almaty"), (schedule.GetProperty("revision").GetInt32(), schedule.GetProperty("timeZoneId").GetString()));
        Assert.Equal(scheduled.Schedule!.StartsAt, schedule.GetProperty("startsAt").GetDateTimeOffset());
        var materials = await PayloadKeptByAsync(materialsWaiter);
        Assert.Equal(collecting.MaterialsDeadline, materials.GetProperty("deadline").GetDateTimeOffset());
        Assert.Equal(scheduled.Schedule.StartsAt.AddDays(-10).Date, collecting.MaterialsDeadline!.Value.Date);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_meeting_endpoints_with_examples()
    {
        using var client = Driver.Server.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths");
        foreach (var path in new[]
                 {
                     "/api/meetings", "/api/meetings/{meetingId}", "/api/meetings/{meetingId}/proposals", "/api/meetings/{meetingId}/open",
                     "/api/meetings/{meetingId}/attendance/{personId}", "/api/meetings/{meetingId}/guests", "/api/composition/changes",
                 })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }

        var draft = paths.GetProperty("/api/meetings").GetProperty("post");
        Assert.Equal("DraftMeeting", draft.GetProperty("operationId").GetString());
        var example = draft.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example");
        Assert.Equal("Заседание рабочей группы № 3", example.GetProperty("title").GetString());
    }

    /// <summary>The payload the test procedure kept once its event arrived (it has finished then).</summary>
    private async Task<JsonElement> PayloadKeptByAsync(string instanceId)
    {
        var instance = await InstanceAsync(instanceId);
        Assert.True(instance.SubStatus == "Finished", $"{instance.SubStatus}: {instance.State}");
        using var state = JsonDocument.Parse(instance.State);
        return FindPayload(state.RootElement) ?? throw new Xunit.Sdk.XunitException($"No payload variable in {instance.State}");
    }

    private static JsonElement? FindPayload(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "payload" && property.Value.ValueKind == JsonValueKind.Object)
                    {
                        return property.Value.Clone();
                    }

                    if (FindPayload(property.Value) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Array:
                return element.EnumerateArray().Select(FindPayload).FirstOrDefault(found => found is not null);
            default:
                return null;
        }
    }
}

public sealed class MeetingSessionApiTestsOnSqlite(SqliteApp app) : MeetingSessionApiTests(app), IClassFixture<SqliteApp>;

public sealed class MeetingSessionApiTestsOnPostgres(PostgresApp app) : MeetingSessionApiTests(app), IClassFixture<PostgresApp>;
