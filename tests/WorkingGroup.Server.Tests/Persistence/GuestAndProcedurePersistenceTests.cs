using WorkingGroup.Domain.Composition;
using WorkingGroup.Domain.Guests;
using WorkingGroup.Domain.Procedures;
using WorkingGroup.Server.Tests.Infrastructure;
using WorkingGroup.Domain.Tests.Support;

namespace WorkingGroup.Server.Tests.Persistence;

/// <summary>The guest invitation and procedure release aggregates in the database, each approved after a reload; SQLite and PostgreSQL.</summary>
public abstract class GuestAndProcedurePersistenceTests(AppFixture app)
{
    [Fact]
    public async Task Guest_invitation_R3_11_reloaded_is_approved_by_a_co_chair_and_opens_its_meeting_only()
    {
        var group = new Group();
        var meeting = Meetings.WithApprovedItem(group);
        var invitation = GuestInvitation.Propose(
            meeting, "Guest Expert", "guest@example.org", GuestCategory.IndependentExpert, GuestRole.Expert, group.As(group.RuMembers[1]));
        await app.SaveNewAsync(group.Composition, meeting, invitation);

        await app.InScopeAsync(async db =>
        {
            var (reloaded, atMeeting, composition) = (
                await db.GuestInvitations.FindAsync(invitation.Id), await db.MeetingAsync(meeting), await db.CompositionAsync(group.Composition));
            reloaded!.Approve(atMeeting, group.As(group.KzCoChair, composition));
            await db.SaveChangesAsync();
        });

        var stored = await app.InScopeAsync(async db => await db.GuestInvitations.FindAsync(invitation.Id));
        Assert.Equal(GuestInvitationState.Approved, stored!.State);
        Assert.Equal((GuestCategory.IndependentExpert, Roles.Expert), (stored.Category, stored.RoleName));
        Assert.True(stored.GrantsReadAccessTo(meeting.Id));
        Assert.False(stored.GrantsReadAccessTo(Guid.NewGuid()));
    }

    [Fact]
    public async Task Procedure_release_R1_4_reloaded_after_one_side_approved_is_approved_by_the_other_and_may_be_published()
    {
        var group = new Group();
        var release = ProcedureRelease.Request("meeting-preparation", 3, Guid.NewGuid(), group.Clock);
        release.Approve(group.As(group.RuCoChair));
        await app.SaveNewAsync(group.Composition, release);

        await app.InScopeAsync(async db =>
        {
            var (reloaded, composition) = (await db.ProcedureReleases.FindAsync(release.Id), await db.CompositionAsync(group.Composition));
            Assert.False(reloaded!.MayBePublished);
            reloaded.Approve(group.As(group.KzCoChair, composition));
            await db.SaveChangesAsync();
        });

        var stored = await app.InScopeAsync(async db => await db.ProcedureReleases.FindAsync(release.Id));
        Assert.True(stored!.MayBePublished);
        Assert.Equal([(Side.RU, group.RuCoChair), (Side.KZ, group.KzCoChair)], stored.Approvals.Select(a => (a.Side, a.PersonId)));
    }
}

public sealed class GuestAndProcedurePersistenceTestsOnSqlite(SqliteApp app) : GuestAndProcedurePersistenceTests(app), IClassFixture<SqliteApp>;

public sealed class GuestAndProcedurePersistenceTestsOnPostgres(PostgresApp app) : GuestAndProcedurePersistenceTests(app), IClassFixture<PostgresApp>;
