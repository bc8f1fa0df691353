using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkingGroup.Domain.Agenda;
using WorkingGroup.Domain.Attendance;
using WorkingGroup.Domain.Composition;
using WorkingGroup.Domain.Meetings;
using WorkingGroup.Server.Api.Meetings;
using WorkingGroup.Server.Persistence;
using WorkingGroup.Server.Procedures;
using WorkingGroup.Server.Tests.Infrastructure;
using WorkingGroup.Workflows.Persistence;

namespace WorkingGroup.Server.Tests.Api.Meetings;

/// <summary>
/// A meeting from draft to open through the REST API with the demo accounts, and the API's refusals: each leaves the
/// meeting as it was (re-read) and the engine untouched. Run on SQLite and PostgreSQL.
/// </summary>
public abstract class MeetingsApiTests(AppFixture app) : MeetingApiTestBase(app)
{
    [Fact]
    public async Task A_meeting_goes_from_draft_to_open_with_the_KZ_side_exactly_at_half_R3_7()
    {
        // KZ loses a member (R-1.5: approved by the KZ co-chair), so that half of it is a whole number: 4 of 8.
        var leaver = await Driver.PersonIdAsync("kz.member6@example.org");
        var change = await Driver.OkAsync<CompositionChangeResponse>("kz.member1@example.org", HttpMethod.Post, "/api/composition/changes",
            new { side = "KZ", items = new[] { new { kind = "Leave", personId = leaver } } });
        var approved = await Driver.OkAsync<CompositionChangeResponse>(MeetingDriver.KzCoChair, HttpMethod.Post, $"/api/composition/changes/{change.Id}/approve");
        Assert.Equal(CompositionChangeState.Approved, approved.State);
        var kz = await Driver.SideAsync(Side.KZ);
        Assert.Equal(8, kz.Count);
        Assert.Empty(await Driver.RolesOfAsync("kz.member6@example.org"));

        var meetingId = await Driver.PackageDistributedAsync();
        var ru = await Driver.SideAsync(Side.RU);
        await Driver.RecordAsync(meetingId, Side.RU, ru.Select(m => m.PersonId), Presence.PresentInPerson);
        await Driver.RecordAsync(meetingId, Side.KZ, kz.Take(4).Select(m => m.PersonId), Presence.PresentRemotely);
        await Driver.RecordAsync(meetingId, Side.KZ, kz.Skip(4).Select(m => m.PersonId), Presence.Absent);

        var attendance = await (await Driver.As(MeetingDriver.RuMember)).GetFromJsonAsync<AttendanceResponse>(
            $"/api/meetings/{meetingId}/attendance", Json.Options);
        var opened = await Driver.MeetingCommandAsync(MeetingDriver.KzCoChair, HttpMethod.Post, $"/api/meetings/{meetingId}/open");

        Assert.Equal((8, 4, 4, true), (attendance!.Quorum.Kz.Members, attendance.Quorum.Kz.Present, attendance.Quorum.Kz.Required, attendance.Quorum.Kz.IsReached));
        Assert.Equal(MeetingState.InSession, opened.State);
        Assert.Equal((8, 4), (opened.QuorumAtOpening!.Kz.Members, opened.QuorumAtOpening.Kz.Present));
        Assert.Equal((9, 9), (opened.QuorumAtOpening.Ru.Members, opened.QuorumAtOpening.Ru.Present));
        var read = await Driver.GetAsync(meetingId);
        Assert.Equal(MeetingState.InSession, read.State);
        Assert.Equal("О взаимном признании квалификаций", Assert.Single(read.AgendaItems).Title);
        Assert.Equal([Side.RU, Side.KZ], read.AgendaApprovals.Select(a => a.Side));
        Assert.Equal(AgendaProposalState.Approved, Assert.Single(read.Proposals!).State);
    }

    [Fact]
    public async Task Open_R3_7_refused_when_one_side_below_half_changes_nothing()
    {
        var meetingId = await Driver.PackageDistributedAsync();
        var ru = await Driver.SideAsync(Side.RU);
        await Driver.RecordAsync(meetingId, Side.RU, ru.Take(4).Select(m => m.PersonId), Presence.PresentInPerson);
        await Driver.RecordAsync(meetingId, Side.KZ, (await Driver.SideAsync(Side.KZ)).Select(m => m.PersonId), Presence.PresentInPerson);
        var before = await Driver.GetAsync(meetingId);

        using var refused = await Driver.SendAsync(MeetingDriver.RuCoChair, HttpMethod.Post, $"/api/meetings/{meetingId}/open");

        var problem = await Json.ProblemAsync(refused, HttpStatusCode.Conflict);
        Assert.Equal("quorum.not_reached", problem.GetProperty("code").GetString());
        Assert.Contains("R-3.7", problem.GetProperty("messageEn").GetString(), StringComparison.Ordinal);
        Assert.Contains("3.7", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var after = await Driver.GetAsync(meetingId);
        Assert.Equal(MeetingState.PackageDistributed, after.State);
        Assert.Null(after.QuorumAtOpening);
        Assert.Equal((4, 5, false), (after.Attendance!.Quorum.Ru.Present, after.Attendance.Quorum.Ru.Required, after.Attendance.Quorum.Ru.IsReached));
        Assert.Equal(before.Attendance!.Records.Count, after.Attendance.Records.Count);
    }

    [Fact]
    public async Task A_refused_open_leaves_a_waiting_workflow_untouched_and_the_accepted_open_resumes_it_in_its_transaction()
    {
        var meetingId = await Driver.PackageDistributedAsync();
        var instanceId = await StartWaitingForAsync(ProcedureEvents.MeetingOpened, meetingId);
        var ru = await Driver.SideAsync(Side.RU);
        var kz = await Driver.SideAsync(Side.KZ);
        await Driver.RecordAsync(meetingId, Side.RU, ru.Take(2).Select(m => m.PersonId), Presence.PresentInPerson);
        await Driver.RecordAsync(meetingId, Side.KZ, kz.Select(m => m.PersonId), Presence.PresentInPerson);
        var waiting = await InstanceAsync(instanceId);

        using var refused = await Driver.SendAsync(MeetingDriver.RuCoChair, HttpMethod.Post, $"/api/meetings/{meetingId}/open");
        await Json.ProblemAsync(refused, HttpStatusCode.Conflict);
        var afterRefusal = await InstanceAsync(instanceId);

        await Driver.RecordAsync(meetingId, Side.RU, ru.Skip(2).Select(m => m.PersonId), Presence.PresentRemotely);
        await Driver.MeetingCommandAsync(MeetingDriver.RuCoChair, HttpMethod.Post, $"/api/meetings/{meetingId}/open");
        var afterOpen = await InstanceAsync(instanceId);

        Assert.Equal("Suspended", waiting.SubStatus);
        Assert.Equal(
            (waiting.SubStatus, waiting.ConcurrencyStamp, waiting.UpdatedAt, waiting.State),
            (afterRefusal.SubStatus, afterRefusal.ConcurrencyStamp, afterRefusal.UpdatedAt, afterRefusal.State));
        Assert.Equal("Finished", afterOpen.SubStatus);
    }

    [Fact]
    public async Task A_drafted_meeting_with_no_procedure_listening_is_created_and_starts_nothing()
    {
        using var created = await Driver.SendAsync(MeetingDriver.KzSecretary, HttpMethod.Post, "/api/meetings", new { title = "Внеочередное заседание" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var meeting = (await created.Content.ReadFromJsonAsync<MeetingResponse>(Json.Options))!;
        Assert.Equal($"/api/meetings/{meeting.Id}", created.Headers.Location?.OriginalString);
        Assert.Equal(MeetingState.Draft, (await Driver.GetAsync(meeting.Id)).State);
        await using var scope = Driver.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.Set<WorkflowInstanceRecord>().AnyAsync(i => i.CorrelationId == meeting.Id.ToString()));
        var listed = await (await Driver.As("kz.member3@example.org")).GetFromJsonAsync<List<MeetingSummaryResponse>>("/api/meetings?state=Draft", Json.Options);
        Assert.Contains(listed!, m => m.Id == meeting.Id);
    }

    [Fact]
    public async Task A_member_may_not_approve_the_agenda_R3_2()
    {
        var meetingId = (await Driver.OkAsync<MeetingResponse>(MeetingDriver.RuSecretary, HttpMethod.Post, "/api/meetings", new { title = "Заседание № 2" })).Id;
        await Driver.MeetingCommandAsync(MeetingDriver.RuSecretary, HttpMethod.Post, $"/api/meetings/{meetingId}/agenda/start");

        using var refused = await Driver.SendAsync(MeetingDriver.RuMember, HttpMethod.Post, $"/api/meetings/{meetingId}/agenda/approve");

        await Json.ProblemAsync(refused, HttpStatusCode.Forbidden);
        Assert.Empty((await Driver.GetAsync(meetingId)).AgendaApprovals);
    }

    [Fact]
    public async Task A_deputy_who_is_not_acting_may_not_approve_a_proposal_R3_3()
    {
        var meetingId = (await Driver.OkAsync<MeetingResponse>(MeetingDriver.RuSecretary, HttpMethod.Post, "/api/meetings", new { title = "Заседание № 3" })).Id;
        await Driver.MeetingCommandAsync(MeetingDriver.RuSecretary, HttpMethod.Post, $"/api/meetings/{meetingId}/agenda/start");
        var proposal = await Driver.OkAsync<AgendaProposalResponse>("kz.member2@example.org", HttpMethod.Post,
            $"/api/meetings/{meetingId}/proposals", new { title = "О профессиональных стандартах", category = "StandardsAndEducationActs" });

        using var refused = await Driver.SendAsync("ru.deputy@example.org", HttpMethod.Post, $"/api/meetings/{meetingId}/proposals/{proposal.Id}/approve");

        var problem = await Json.ProblemAsync(refused, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("actor.not_acting_co_chair", problem.GetProperty("code").GetString());
        Assert.Empty(Assert.Single((await Driver.GetAsync(meetingId)).Proposals!).Approvals);
    }

    [Fact]
    public async Task Bad_bodies_are_400_naming_the_field_before_the_domain()
    {
        var meetingId = (await Driver.OkAsync<MeetingResponse>(MeetingDriver.RuSecretary, HttpMethod.Post, "/api/meetings", new { title = "Заседание № 4" })).Id;
        await Driver.MeetingCommandAsync(MeetingDriver.RuSecretary, HttpMethod.Post, $"/api/meetings/{meetingId}/agenda/start");

        using var noTitle = await Driver.SendAsync(MeetingDriver.RuSecretary, HttpMethod.Post, "/api/meetings", new { title = " " });
        using var noCategory = await Driver.SendAsync(MeetingDriver.RuMember, HttpMethod.Post, $"/api/meetings/{meetingId}/proposals", new { title = "Вопрос" });
        using var badCategory = await Driver.SendAsync(MeetingDriver.RuMember, HttpMethod.Post, $"/api/meetings/{meetingId}/proposals", new { title = "Вопрос", category = "Sports" });
        using var badZone = await Driver.SendAsync(MeetingDriver.RuCoChair, HttpMethod.Put, $"/api/meetings/{meetingId}/schedule",
            new { localStart = MeetingDriver.LocalStartAhead, timeZoneId = "Mars/Olympus", format = "InPerson", place = "Москва" });
        using var withOffset = await Driver.SendAsync(MeetingDriver.RuCoChair, HttpMethod.Put, $"/api/meetings/{meetingId}/schedule",
            new { localStart = MeetingDriver.LocalStartAhead + "+05:00", timeZoneId = "Asia/Almaty", format = "InPerson", place = "Москва" });
        using var badLink = await Driver.SendAsync(MeetingDriver.RuCoChair, HttpMethod.Put, $"/api/meetings/{meetingId}/schedule",
            new { localStart = MeetingDriver.LocalStartAhead, timeZoneId = "Asia/Almaty", format = "Video", videoLink = "ftp://example.org/room" });
        using var noReason = await Driver.SendAsync(MeetingDriver.RuCoChair, HttpMethod.Post, $"/api/meetings/{meetingId}/cancel", new { });

        await AssertNamesFieldAsync(noTitle, "title");
        await AssertNamesFieldAsync(noCategory, "category");
        await AssertNamesFieldAsync(badCategory, "category");
        await AssertNamesFieldAsync(badZone, "timeZoneId");
        await AssertNamesFieldAsync(withOffset, "localStart");
        await AssertNamesFieldAsync(badLink, "videoLink");
        await AssertNamesFieldAsync(noReason, "reason");
        var after = await Driver.GetAsync(meetingId);
        Assert.Equal(MeetingState.AgendaForming, after.State);
        Assert.Null(after.Schedule);
        Assert.Empty(after.Proposals!);
    }

    [Fact]
    public async Task Attendance_is_recorded_by_a_secretary_only_for_members_and_only_once_the_meeting_is_scheduled_R3_4_R3_7()
    {
        var draft = (await Driver.OkAsync<MeetingResponse>(MeetingDriver.RuSecretary, HttpMethod.Post, "/api/meetings", new { title = "Заседание № 5" })).Id;
        var scheduled = await Driver.CollectingMaterialsAsync("Заседание № 6");
        var member = await Driver.PersonIdAsync("kz.member4@example.org");
        var expert = await Driver.PersonIdAsync("expert@example.org");

        using var tooEarly = await Driver.SendAsync(MeetingDriver.KzSecretary, HttpMethod.Put, $"/api/meetings/{draft}/attendance/{member}", new { presence = "PresentInPerson" });
        using var guest = await Driver.SendAsync(MeetingDriver.KzSecretary, HttpMethod.Put, $"/api/meetings/{scheduled}/attendance/{expert}", new { presence = "PresentInPerson" });
        using var byMember = await Driver.SendAsync(MeetingDriver.RuMember, HttpMethod.Put, $"/api/meetings/{scheduled}/attendance/{member}", new { presence = "PresentInPerson" });
        using var badPresence = await Driver.SendAsync(MeetingDriver.KzSecretary, HttpMethod.Put, $"/api/meetings/{scheduled}/attendance/{member}", new { presence = "Sometimes" });

        Assert.Equal("meeting.attendance_closed", (await Json.ProblemAsync(tooEarly, HttpStatusCode.Conflict)).GetProperty("code").GetString());
        Assert.Equal("composition.not_a_member", (await Json.ProblemAsync(guest, HttpStatusCode.UnprocessableEntity)).GetProperty("code").GetString());
        await Json.ProblemAsync(byMember, HttpStatusCode.Forbidden);
        await AssertNamesFieldAsync(badPresence, "presence");
        Assert.Empty((await Driver.GetAsync(scheduled)).Attendance!.Records);
    }

    [Fact]
    public async Task Unknown_ids_are_404_with_a_code_and_an_anonymous_caller_is_401()
    {
        var meetingId = (await Driver.OkAsync<MeetingResponse>(MeetingDriver.RuSecretary, HttpMethod.Post, "/api/meetings", new { title = "Заседание № 7" })).Id;
        await Driver.MeetingCommandAsync(MeetingDriver.RuSecretary, HttpMethod.Post, $"/api/meetings/{meetingId}/agenda/start");

        using var noMeeting = await Driver.SendAsync(MeetingDriver.RuCoChair, HttpMethod.Post, $"/api/meetings/{Guid.NewGuid()}/agenda/approve");
        using var noProposal = await Driver.SendAsync(MeetingDriver.RuCoChair, HttpMethod.Post, $"/api/meetings/{meetingId}/proposals/{Guid.NewGuid()}/approve");
        using var read = await (await Driver.As(MeetingDriver.RuMember)).GetAsync($"/api/meetings/{Guid.NewGuid()}");
        using var anonymous = Driver.Server.CreateClient();
        using var unauthenticated = await anonymous.GetAsync("/api/meetings");

        Assert.Equal("meeting.not_found", (await Json.ProblemAsync(noMeeting, HttpStatusCode.NotFound)).GetProperty("code").GetString());
        Assert.Equal("agenda_proposal.not_found", (await Json.ProblemAsync(noProposal, HttpStatusCode.NotFound)).GetProperty("code").GetString());
        Assert.Equal("meeting.not_found", (await Json.ProblemAsync(read, HttpStatusCode.NotFound)).GetProperty("code").GetString());
        await Json.ProblemAsync(unauthenticated, HttpStatusCode.Unauthorized);
    }
}

public sealed class MeetingsApiTestsOnSqlite(SqliteApp app) : MeetingsApiTests(app), IClassFixture<SqliteApp>;

public sealed class MeetingsApiTestsOnPostgres(PostgresApp app) : MeetingsApiTests(app), IClassFixture<PostgresApp>;
