using System.Net;
using System.Net.Http.Json;
using WorkingGroup.Domain.Composition;
using WorkingGroup.Domain.Guests;
using WorkingGroup.Server.Api.Meetings;
using WorkingGroup.Server.Tests.Infrastructure;

namespace WorkingGroup.Server.Tests.Api.Meetings;

/// <summary>
/// Guests of a meeting and changes of the composition through the REST API, with the sign-in accounts
/// that follow them. Run on SQLite and PostgreSQL.
/// </summary>
public abstract class GuestsAndCompositionApiTests(AppFixture app) : MeetingApiTestBase(app)
{
    [Fact]
    public async Task An_approved_guest_reads_the_agenda_of_the_invited_meeting_only_R3_11()
    {
        var invited = (await Driver.OkAsync<MeetingResponse>(MeetingDriver.RuSecretary, HttpMethod.Post, "/api/meetings", new { title = "Заседание № 8" })).Id;
        var other = (await Driver.OkAsync<MeetingResponse>(MeetingDriver.RuSecretary, HttpMethod.Post, "/api/meetings", new { title = "Заседание № 9" })).Id;
        var expert = await Driver.PersonIdAsync("expert@example.org");

        var proposed = await Driver.OkAsync<GuestInvitationResponse>("ru.member2@example.org", HttpMethod.Post, $"/api/meetings/{invited}/guests",
            new { fullName = "Григорьев Павел Андреевич", email = "expert@example.org", category = "IndependentExpert", role = "Expert" });
        using var beforeApproval = await (await Driver.As("expert@example.org")).GetAsync($"/api/meetings/{invited}");
        using var byMember = await Driver.SendAsync(MeetingDriver.RuMember, HttpMethod.Post, $"/api/meetings/{invited}/guests/{proposed.Id}/approve");
        var approved = await Driver.OkAsync<GuestInvitationResponse>(MeetingDriver.KzCoChair, HttpMethod.Post, $"/api/meetings/{invited}/guests/{proposed.Id}/approve");
        var list = await (await Driver.As("expert@example.org")).GetFromJsonAsync<List<MeetingSummaryResponse>>("/api/meetings", Json.Options);
        var view = await Driver.GetAsync(invited, "expert@example.org");
        using var otherMeeting = await (await Driver.As("expert@example.org")).GetAsync($"/api/meetings/{other}");

        Assert.Equal(expert, proposed.GuestPersonId);
        await Json.ProblemAsync(beforeApproval, HttpStatusCode.NotFound);
        await Json.ProblemAsync(byMember, HttpStatusCode.Forbidden);
        Assert.Equal(GuestInvitationState.Approved, approved.State);
        Assert.Equal([invited], list!.Select(m => m.Id));
        Assert.Equal("Заседание № 8", view.Title);
        Assert.Null(view.Attendance);
        Assert.Null(view.Proposals);
        Assert.Null(view.WrittenOpinions);
        await Json.ProblemAsync(otherMeeting, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_guest_without_an_account_gets_one_of_the_invitation_role_on_approval_and_a_members_email_is_refused_R3_11()
    {
        var meetingId = (await Driver.OkAsync<MeetingResponse>(MeetingDriver.KzSecretary, HttpMethod.Post, "/api/meetings", new { title = "Заседание № 11" })).Id;

        using var member = await Driver.SendAsync("kz.member1@example.org", HttpMethod.Post, $"/api/meetings/{meetingId}/guests",
            new { fullName = "Касымов Тимур Асланович", email = "kz.member2@example.org", category = "Other", role = "Observer" });
        using var badEmail = await Driver.SendAsync("kz.member1@example.org", HttpMethod.Post, $"/api/meetings/{meetingId}/guests",
            new { fullName = "Петров Пётр Петрович", email = "not-an-email", category = "Business", role = "Observer" });
        var proposed = await Driver.OkAsync<GuestInvitationResponse>("kz.member1@example.org", HttpMethod.Post, $"/api/meetings/{meetingId}/guests",
            new { fullName = "Петров Пётр Петрович", email = "petrov.observer@example.org", category = "Business", role = "Observer" });
        Assert.Empty(await Driver.RolesOfAsync("petrov.observer@example.org"));
        using var rejectWithoutReason = await Driver.SendAsync(MeetingDriver.RuCoChair, HttpMethod.Post, $"/api/meetings/{meetingId}/guests/{proposed.Id}/reject", new { });
        await Driver.OkAsync<GuestInvitationResponse>(MeetingDriver.RuCoChair, HttpMethod.Post, $"/api/meetings/{meetingId}/guests/{proposed.Id}/approve");
        var guests = await (await Driver.As(MeetingDriver.RuMember)).GetFromJsonAsync<List<GuestInvitationResponse>>($"/api/meetings/{meetingId}/guests", Json.Options);

        Assert.Equal("guest.is_participant", await CodeOfAsync(member, HttpStatusCode.UnprocessableEntity));
        await AssertNamesFieldAsync(badEmail, "email");
        await AssertNamesFieldAsync(rejectWithoutReason, "reason");
        Assert.Equal([Roles.Observer], await Driver.RolesOfAsync("petrov.observer@example.org"));
        Assert.Equal(proposed.GuestPersonId, await Driver.PersonIdAsync("petrov.observer@example.org"));
        Assert.Equal(GuestInvitationState.Approved, Assert.Single(guests!).State);
    }

    [Fact]
    public async Task A_composition_change_is_proposed_from_its_side_and_approved_by_that_sides_co_chair_only_R1_5()
    {
        var member = await Driver.PersonIdAsync("ru.member6@example.org");
        using var fromOtherSide = await Driver.SendAsync("kz.member2@example.org", HttpMethod.Post, "/api/composition/changes",
            new { side = "RU", items = new[] { new { kind = "Leave", personId = member } } });
        using var joinWithoutName = await Driver.SendAsync("ru.member2@example.org", HttpMethod.Post, "/api/composition/changes",
            new { side = "RU", items = new[] { new { kind = "Join", personId = Guid.NewGuid(), role = "Member" } } });
        var change = await Driver.OkAsync<CompositionChangeResponse>("ru.member2@example.org", HttpMethod.Post, "/api/composition/changes",
            new { side = "RU", items = new[] { new { kind = "Join", personId = Guid.NewGuid(), fullName = "Новиков Пётр Ильич", role = "Member" } } });

        using var byOtherCoChair = await Driver.SendAsync(MeetingDriver.KzCoChair, HttpMethod.Post, $"/api/composition/changes/{change.Id}/approve");
        using var unknown = await Driver.SendAsync(MeetingDriver.RuCoChair, HttpMethod.Post, $"/api/composition/changes/{Guid.NewGuid()}/approve");
        var rejected = await Driver.OkAsync<CompositionChangeResponse>(MeetingDriver.RuCoChair, HttpMethod.Post, $"/api/composition/changes/{change.Id}/reject",
            new { reason = "Кандидатура не согласована" });

        await Json.ProblemAsync(fromOtherSide, HttpStatusCode.Forbidden);
        await AssertNamesFieldAsync(joinWithoutName, "items[0].fullName");
        await Json.ProblemAsync(byOtherCoChair, HttpStatusCode.Forbidden);
        Assert.Equal("composition_change.not_found", (await Json.ProblemAsync(unknown, HttpStatusCode.NotFound)).GetProperty("code").GetString());
        Assert.Equal((CompositionChangeState.Rejected, "Кандидатура не согласована"), (rejected.State, rejected.RejectionReason));
        Assert.Equal(9, (await Driver.SideAsync(Side.RU)).Count);
    }
}

public sealed class GuestsAndCompositionApiTestsOnSqlite(SqliteApp app) : GuestsAndCompositionApiTests(app), IClassFixture<SqliteApp>;

public sealed class GuestsAndCompositionApiTestsOnPostgres(PostgresApp app) : GuestsAndCompositionApiTests(app), IClassFixture<PostgresApp>;
