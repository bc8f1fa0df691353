using Microsoft.EntityFrameworkCore;
using WorkingGroup.Domain.Common;
using WorkingGroup.Domain.Composition;
using WorkingGroup.Server.Identity;
using WorkingGroup.Server.Tests.Infrastructure;
using WorkingGroup.Domain.Tests.Support;

namespace WorkingGroup.Server.Tests.Persistence;

/// <summary>The composition aggregate in the database: the demo one as seeded, changes and absences across reloads; SQLite and PostgreSQL.</summary>
public abstract class CompositionPersistenceTests(AppFixture app)
{
    [Fact]
    public async Task Demo_composition_R3_1_is_seeded_with_nine_per_side_and_answers_ActingCoChair()
    {
        var people = await app.InScopeAsync(db => db.Users.ToDictionaryAsync(u => u.Email!, u => Guid.Parse(u.Id)));
        var ruCoChair = people["ru.cochair@example.org"];
        var composition = await app.InScopeAsync(db =>
            db.Compositions.SingleAsync(c => c.Memberships.Any(m => m.PersonId == ruCoChair)));
        var now = TimeProvider.System.GetUtcNow();

        Assert.Equal(9, composition.MembersOf(Side.RU, now).Count);
        Assert.Equal(9, composition.MembersOf(Side.KZ, now).Count);
        Assert.Equal(new ActingCoChair(ruCoChair, Side.RU, null), composition.ActingCoChair(Side.RU, now));
        Assert.Equal(new ActingCoChair(people["kz.cochair@example.org"], Side.KZ, null), composition.ActingCoChair(Side.KZ, now));
        Assert.All(
            DemoComposition.People.Where(p => p.Position is null),
            outsider => Assert.Null(composition.MembershipOf(people[outsider.Email], now)));
    }

    [Fact]
    public async Task Composition_change_R1_5_proposed_then_reloaded_is_approved_by_the_side_co_chair_and_applies()
    {
        var group = new Group();
        await app.SaveNewAsync(group.Composition);
        var newcomer = Guid.NewGuid();

        var changeId = await app.InScopeAsync(async db =>
        {
            var composition = await db.CompositionAsync(group.Composition);
            var change = composition.ProposeChange(
                Side.RU, [CompositionChangeItem.Join(newcomer, "RU newcomer", MemberRole.Member)], group.RuSecretary, group.Clock);
            await db.SaveChangesAsync();
            return change.Id;
        });
        await app.InScopeAsync(async db =>
        {
            var composition = await db.CompositionAsync(group.Composition);
            composition.ApproveChange(changeId, group.RuCoChair, group.Clock);
            await db.SaveChangesAsync();
        });

        var stored = await app.InScopeAsync(db => db.CompositionAsync(group.Composition));
        var approved = Assert.Single(stored.Changes);
        Assert.Equal(CompositionChangeState.Approved, approved.State);
        Assert.Equal(CompositionChangeItem.Join(newcomer, "RU newcomer", MemberRole.Member), Assert.Single(approved.Items));
        Assert.Equal(MemberRole.Member, stored.MembershipOf(newcomer, group.Clock.GetUtcNow())?.Role);
        Assert.Equal([.. group.Composition.Memberships.Select(m => m.PersonId), newcomer], stored.Memberships.Select(m => m.PersonId));
    }

    [Fact]
    public async Task Absence_R3_3_recorded_and_reloaded_makes_the_deputy_act_for_the_co_chair()
    {
        var group = new Group();
        await app.SaveNewAsync(group.Composition);
        // Given in Almaty time: PostgreSQL stores instants in UTC only.
        var from = Group.Start.AddDays(1).ToOffset(TimeSpan.FromHours(5));

        await app.InScopeAsync(async db =>
        {
            var composition = await db.CompositionAsync(group.Composition);
            composition.RecordAbsence(group.KzCoChair, from, from.AddDays(7), group.KzSecretary, group.Clock);
            await db.SaveChangesAsync();
        });

        var stored = await app.InScopeAsync(db => db.CompositionAsync(group.Composition));
        Assert.Equal(new ActingCoChair(group.KzDeputy, Side.KZ, group.KzCoChair), stored.ActingCoChair(Side.KZ, from.AddDays(3)));
        Assert.Equal(new ActingCoChair(group.KzCoChair, Side.KZ, null), stored.ActingCoChair(Side.KZ, from.AddDays(7)));
    }

    [Fact]
    public async Task A_refused_composition_change_R1_5_leaves_the_stored_composition_unchanged()
    {
        var group = new Group();
        await app.SaveNewAsync(group.Composition);
        var tokenBefore = await app.InScopeAsync(db => db.TokenAsync<GroupComposition>(group.Composition.Id));

        var saved = await app.InScopeAsync(async db =>
        {
            var composition = await db.CompositionAsync(group.Composition);
            Assert.Throws<DomainException>(() => composition.ProposeChange(
                Side.KZ, [CompositionChangeItem.Leave(group.KzMembers[0])], group.RuSecretary, group.Clock));
            return await db.SaveChangesAsync();
        });

        Assert.Equal(0, saved);
        var stored = await app.InScopeAsync(db => db.CompositionAsync(group.Composition));
        Assert.Empty(stored.Changes);
        Assert.Equal(tokenBefore, await app.InScopeAsync(db => db.TokenAsync<GroupComposition>(group.Composition.Id)));
    }
}

public sealed class CompositionPersistenceTestsOnSqlite(SqliteApp app) : CompositionPersistenceTests(app), IClassFixture<SqliteApp>;

public sealed class CompositionPersistenceTestsOnPostgres(PostgresApp app) : CompositionPersistenceTests(app), IClassFixture<PostgresApp>;
