using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using WorkingGroup.Domain.Composition;
using WorkingGroup.Server.Api.Meetings;
using WorkingGroup.Server.Identity;
using WorkingGroup.Server.Tests.Api.Meetings;
using WorkingGroup.Server.Tests.Infrastructure;

namespace WorkingGroup.Server.Tests.Identity;

/// <summary>
/// A bearer token or cookie carries the roles and side of the moment it was issued. Once an approved composition
/// change (R-1.5) moves the account, a sign-in issued before is refused with 401: the person signs in again and gets the
/// roles the account holds now. Sign-ins of people the change does not touch keep working. SQLite and PostgreSQL.
/// </summary>
public abstract class StaleRolesTests(AppFixture app) : MeetingApiTestBase(app)
{
    private const string KzProposer = "kz.member1@example.org";

    [Fact]
    public async Task R1_5_a_token_issued_before_leaving_the_composition_no_longer_carries_the_members_rights()
    {
        const string leaver = "kz.member5@example.org";
        using var before = await BearerClientAsync(leaver);
        Assert.Equal([Roles.Member], (await MeAsync(before)).Roles);

        await ApproveAsync(new { kind = "Leave", personId = await Driver.PersonIdAsync(leaver) });
        using var staleProposal = await before.PostAsJsonAsync("/api/composition/changes", NewMemberJoins());
        using var staleMe = await before.GetAsync("/api/me");
        using var again = await BearerClientAsync(leaver);
        using var proposalAfterSigningInAgain = await again.PostAsJsonAsync("/api/composition/changes", NewMemberJoins());

        Assert.Equal(HttpStatusCode.Unauthorized, staleProposal.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, staleMe.StatusCode);
        Assert.Empty((await MeAsync(again)).Roles);
        Assert.Equal(HttpStatusCode.Forbidden, proposalAfterSigningInAgain.StatusCode);
        Assert.DoesNotContain(await ChangesAsync(), c => c.State == CompositionChangeState.Pending);
    }

    [Fact]
    public async Task R1_5_a_sign_in_cookie_issued_before_leaving_the_composition_is_refused_too()
    {
        const string leaver = "kz.member6@example.org";
        using var browser = Driver.Server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var login = await browser.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email = leaver, password = DemoComposition.Password });
        login.EnsureSuccessStatusCode();
        Assert.Equal([Roles.Member], (await MeAsync(browser)).Roles);

        await ApproveAsync(new { kind = "Leave", personId = await Driver.PersonIdAsync(leaver) });
        using var staleProposal = await browser.PostAsJsonAsync("/api/composition/changes", NewMemberJoins());

        Assert.Equal(HttpStatusCode.Unauthorized, staleProposal.StatusCode);
    }

    [Fact]
    public async Task R1_5_a_member_who_became_secretary_signs_in_again_for_the_secretarys_rights_and_the_former_secretary_loses_them()
    {
        const string newSecretary = "kz.member4@example.org";
        const string formerSecretary = MeetingDriver.KzSecretary;
        using var newSecretaryBefore = await BearerClientAsync(newSecretary);
        using var formerSecretaryBefore = await BearerClientAsync(formerSecretary);
        var newSecretaryId = await Driver.PersonIdAsync(newSecretary);

        await ApproveAsync(
            new { kind = "Leave", personId = await Driver.PersonIdAsync(formerSecretary) },
            new { kind = "Leave", personId = newSecretaryId },
            new { kind = "Join", personId = newSecretaryId, fullName = "Ибраев Нурлан Бахытович", role = "ExecutiveSecretary" });
        using var staleOfNewSecretary = await newSecretaryBefore.PostAsJsonAsync("/api/meetings", new { title = "Заседание № 12" });
        using var staleOfFormerSecretary = await formerSecretaryBefore.PostAsJsonAsync("/api/meetings", new { title = "Заседание № 13" });
        using var newSecretaryAgain = await BearerClientAsync(newSecretary);
        using var formerSecretaryAgain = await BearerClientAsync(formerSecretary);
        using var draftedByNewSecretary = await newSecretaryAgain.PostAsJsonAsync("/api/meetings", new { title = "Заседание № 14" });
        using var draftedByFormerSecretary = await formerSecretaryAgain.PostAsJsonAsync("/api/meetings", new { title = "Заседание № 15" });

        Assert.Equal(HttpStatusCode.Unauthorized, staleOfNewSecretary.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, staleOfFormerSecretary.StatusCode);
        Assert.Equal($"KZ: {Roles.ExecutiveSecretary}", Position(await MeAsync(newSecretaryAgain)));
        Assert.Equal(HttpStatusCode.Created, draftedByNewSecretary.StatusCode);
        Assert.Empty((await MeAsync(formerSecretaryAgain)).Roles);
        Assert.Equal(HttpStatusCode.Forbidden, draftedByFormerSecretary.StatusCode);
    }

    [Fact]
    public async Task R1_5_a_token_of_a_person_the_change_does_not_touch_keeps_working()
    {
        using var proposer = await BearerClientAsync(KzProposer);
        using var ruSecretary = await BearerClientAsync(MeetingDriver.RuSecretary);
        var proposerBefore = await MeAsync(proposer);

        await ApproveAsync(new { kind = "Leave", personId = await Driver.PersonIdAsync("kz.member3@example.org") });
        using var drafted = await ruSecretary.PostAsJsonAsync("/api/meetings", new { title = "Заседание № 16" });
        var proposerAfter = await MeAsync(proposer);

        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        Assert.Equal(Position(proposerBefore), Position(proposerAfter));
        Assert.Equal($"KZ: {Roles.Member}", Position(proposerAfter));
    }

    /// <summary>A client with a bearer token issued now, not cached: the tests need tokens from before and after a change.</summary>
    private async Task<HttpClient> BearerClientAsync(string email)
    {
        var client = Driver.Server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await AppFixture.SignInAsync(Driver.Server, email));
        return client;
    }

    /// <summary>A KZ member proposes the change and the KZ co-chair approves it, both with sign-ins of their own (R-1.5).</summary>
    private async Task ApproveAsync(params object[] items)
    {
        var change = await Driver.OkAsync<CompositionChangeResponse>(KzProposer, HttpMethod.Post, "/api/composition/changes", new { side = "KZ", items });
        var approved = await Driver.OkAsync<CompositionChangeResponse>(MeetingDriver.KzCoChair, HttpMethod.Post, $"/api/composition/changes/{change.Id}/approve");
        Assert.Equal(CompositionChangeState.Approved, approved.State);
    }

    private async Task<List<CompositionChangeResponse>> ChangesAsync() =>
        (await (await Driver.As(MeetingDriver.KzCoChair)).GetFromJsonAsync<List<CompositionChangeResponse>>("/api/composition/changes", Json.Options))!;

    private static async Task<MeResponse> MeAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<MeResponse>("/api/me", Json.Options))!;

    /// <summary>Side and roles, e.g. <c>KZ: Member</c>.</summary>
    private static string Position(MeResponse me) => $"{me.Side}: {string.Join(", ", me.Roles)}";

    private static object NewMemberJoins() => new
    {
        side = "KZ",
        items = new[] { new { kind = "Join", personId = Guid.NewGuid(), fullName = "Новиков Пётр Ильич", role = "Member" } },
    };
}

public sealed class StaleRolesTestsOnSqlite(SqliteApp app) : StaleRolesTests(app), IClassFixture<SqliteApp>;

public sealed class StaleRolesTestsOnPostgres(PostgresApp app) : StaleRolesTests(app), IClassFixture<PostgresApp>;
