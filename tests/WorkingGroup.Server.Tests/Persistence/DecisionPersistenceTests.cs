using Microsoft.EntityFrameworkCore;
using WorkingGroup.Domain.Composition;
using WorkingGroup.Domain.Decisions;
using WorkingGroup.Domain.Meetings;
using WorkingGroup.Server.Tests.Infrastructure;
using WorkingGroup.Domain.Tests.Support;

namespace WorkingGroup.Server.Tests.Persistence;

/// <summary>The decision aggregate in the database: its quorum and its assignments across reloads; SQLite and PostgreSQL.</summary>
public abstract class DecisionPersistenceTests(AppFixture app)
{
    [Fact]
    public async Task Decision_R3_7_reloaded_keeps_its_quorum_and_its_assignment_is_reported_and_verified_R3_4()
    {
        var group = new Group();
        var (meeting, decision) = Decided(group);
        var dueAt = group.Clock.GetUtcNow().AddDays(30);
        var assignment = decision.AssignToMember(group.RuMembers[0], dueAt, "A draft agreement", group.As(group.RuCoChair));
        decision.AssignToBody(Side.KZ, "Ministry of Labour", dueAt, "A review", group.As(group.KzCoChair));
        await app.SaveNewAsync(group.Composition, meeting, decision);

        await app.InScopeAsync(async db =>
        {
            var (reloaded, composition) = (await db.DecisionAsync(decision), await db.CompositionAsync(group.Composition));
            Assert.Equal(decision.Quorum, reloaded.Quorum);
            var stored = reloaded.Assignments.Single(a => a.Id == assignment.Id);
            Assert.Equal(new Executor(Side.RU, group.RuMembers[0], null), stored.Executor);
            stored.Extend(dueAt.AddDays(14), "The other side asked for time", group.As(group.KzCoChair, composition));
            stored.Start(group.As(group.RuMembers[0], composition));
            stored.SubmitReport("Draft agreement attached", group.As(group.RuMembers[0], composition));
            await db.SaveChangesAsync();
        });
        await app.InScopeAsync(async db =>
        {
            var (reloaded, composition) = (await db.DecisionAsync(decision), await db.CompositionAsync(group.Composition));
            reloaded.Assignments.Single(a => a.Id == assignment.Id).Verify(group.As(group.RuSecretary, composition));
            await db.SaveChangesAsync();
        });

        var verified = (await app.InScopeAsync(db => db.DecisionAsync(decision))).Assignments.Single(a => a.Id == assignment.Id);
        Assert.Equal(AssignmentState.Verified, verified.State);
        Assert.Equal(dueAt.AddDays(14), verified.DueAt);
        Assert.Equal(new Extension(dueAt, dueAt.AddDays(14), "The other side asked for time", group.KzCoChair, group.Clock.GetUtcNow()), Assert.Single(verified.Extensions));
    }

    [Fact]
    public async Task Overdue_assignments_are_found_in_the_database_by_due_date_and_state()
    {
        var group = new Group();
        var (meeting, decision) = Decided(group);
        var now = group.Clock.GetUtcNow();
        var soon = decision.AssignToMember(group.KzMembers[1], now.AddDays(10), "A list of occupations", group.As(group.KzCoChair));
        var verified = decision.AssignToMember(group.KzMembers[2], now.AddDays(5), "A table of levels", group.As(group.KzCoChair));
        decision.AssignToMember(group.RuMembers[1], now.AddDays(40), "A comparison", group.As(group.RuCoChair));
        verified.SubmitReport("Table attached", group.As(group.KzMembers[2]));
        verified.Verify(group.As(group.KzSecretary));
        await app.SaveNewAsync(group.Composition, meeting, decision);
        var later = now.AddDays(20);

        var overdue = await app.InScopeAsync(db => db.Decisions.AsNoTracking()
            .Where(d => d.Id == decision.Id)
            .SelectMany(d => d.Assignments)
            .Where(a => a.DueAt < later && a.State != AssignmentState.Verified && a.State != AssignmentState.Cancelled)
            .Select(a => a.Id)
            .ToListAsync());

        Assert.Equal([soon.Id], overdue);
    }

    private static (Meeting Meeting, Decision Decision) Decided(Group group)
    {
        var meeting = MeetingSteps.InSession(group);
        var decision = Decision.Record(meeting, meeting.AgendaItems[0].Id, "To recommend mutual recognition", group.As(group.RuCoChair));
        return (meeting, decision);
    }
}

public sealed class DecisionPersistenceTestsOnSqlite(SqliteApp app) : DecisionPersistenceTests(app), IClassFixture<SqliteApp>;

public sealed class DecisionPersistenceTestsOnPostgres(PostgresApp app) : DecisionPersistenceTests(app), IClassFixture<PostgresApp>;
