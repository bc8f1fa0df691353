using Microsoft.EntityFrameworkCore;
using WorkingGroup.Domain.Attendance;
using WorkingGroup.Domain.Common;
using WorkingGroup.Domain.Composition;
using WorkingGroup.Domain.Meetings;
using WorkingGroup.Server.Tests.Infrastructure;
using WorkingGroup.Domain.Tests.Support;

namespace WorkingGroup.Server.Tests.Persistence;

/// <summary>The meeting aggregate in the database: its state machine continues from the stored state; SQLite and PostgreSQL.</summary>
public abstract class MeetingPersistenceTests(AppFixture app)
{
    [Fact]
    public async Task Meeting_R1_3_reloaded_while_forming_its_agenda_is_scheduled_by_both_co_chairs()
    {
        var group = new Group();
        var meeting = Meetings.WithApprovedItem(group);
        await app.SaveNewAsync(group.Composition, meeting);

        await app.InScopeAsync(async db =>
        {
            var (reloaded, composition) = (await db.MeetingAsync(meeting), await db.CompositionAsync(group.Composition));
            Assert.Equal(MeetingState.AgendaForming, reloaded.State);
            Assert.Equal(2, Assert.Single(reloaded.AgendaProposals).Approvals.Count);
            reloaded.SetSchedule(Meetings.InAlmaty(), group.As(group.RuCoChair, composition));
            reloaded.ApproveAgenda(group.As(group.RuCoChair, composition));
            reloaded.ApproveAgenda(group.As(group.KzCoChair, composition));
            reloaded.ScheduleMeeting(group.As(group.KzCoChair, composition));
            await db.SaveChangesAsync();
        });

        var stored = await app.InScopeAsync(db => db.MeetingAsync(meeting));
        Assert.Equal(MeetingState.Scheduled, stored.State);
        Assert.Equal(Meetings.InAlmaty(), stored.Schedule);
        Assert.Equal(Meetings.InAlmaty().StartsAt, stored.Schedule!.StartsAt);
        Assert.Equal([Side.RU, Side.KZ], stored.AgendaApprovals.Select(a => a.Side));
        Assert.Equal(meeting.AgendaItems[0].Id, Assert.Single(stored.AgendaItems).Id);
    }

    [Fact]
    public async Task Two_co_chairs_approving_the_agenda_at_once_R1_3_both_approvals_land_after_a_retry()
    {
        var group = new Group();
        var meeting = Meetings.WithApprovedItem(group);
        meeting.SetSchedule(Meetings.InAlmaty(), group.As(group.RuCoChair));
        await app.SaveNewAsync(group.Composition, meeting);

        await app.InScopeAsync(db1 => app.InScopeAsync(async db2 =>
        {
            var (first, composition1) = (await db1.MeetingAsync(meeting), await db1.CompositionAsync(group.Composition));
            var (second, composition2) = (await db2.MeetingAsync(meeting), await db2.CompositionAsync(group.Composition));
            first.ApproveAgenda(group.As(group.RuCoChair, composition1));
            second.ApproveAgenda(group.As(group.KzCoChair, composition2));

            await db1.SaveChangesAsync();
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db2.SaveChangesAsync());
        }));
        await app.InScopeAsync(async db =>
        {
            var (retried, composition) = (await db.MeetingAsync(meeting), await db.CompositionAsync(group.Composition));
            retried.ApproveAgenda(group.As(group.KzCoChair, composition));
            retried.ScheduleMeeting(group.As(group.KzCoChair, composition));
            await db.SaveChangesAsync();
        });

        var stored = await app.InScopeAsync(db => db.MeetingAsync(meeting));
        Assert.Equal(MeetingState.Scheduled, stored.State);
        Assert.Equal([(Side.RU, group.RuCoChair), (Side.KZ, group.KzCoChair)], stored.AgendaApprovals.Select(a => (a.Side, a.PersonId)));
    }

    [Fact]
    public async Task Meeting_R3_7_reloaded_in_session_keeps_its_quorum_and_attendance_and_closes_once_opinions_are_read_out_R3_5()
    {
        var group = new Group();
        var meeting = MeetingSteps.InSession(group);
        await app.SaveNewAsync(group.Composition, meeting);

        await app.InScopeAsync(async db =>
        {
            var (reloaded, composition) = (await db.MeetingAsync(meeting), await db.CompositionAsync(group.Composition));
            Assert.Equal(meeting.QuorumAtOpening, reloaded.QuorumAtOpening);
            Assert.Equal(meeting.Attendance.Select(a => a.PersonId), reloaded.Attendance.Select(a => a.PersonId));
            Assert.Equal([group.RuMembers[2]], reloaded.AbsentPersonIds);
            reloaded.MarkOpinionReadOut(Assert.Single(reloaded.WrittenOpinions).Id, group.As(group.KzSecretary, composition));
            reloaded.CloseSession(group.As(group.RuCoChair, composition));
            await db.SaveChangesAsync();
        });

        var stored = await app.InScopeAsync(db => db.MeetingAsync(meeting));
        Assert.Equal(MeetingState.Held, stored.State);
        Assert.Equal(group.KzSecretary, Assert.Single(stored.WrittenOpinions).ReadOutBy);
        Assert.Equal(new SideQuorum(Side.RU, 6, 5), stored.QuorumAtOpening!.Ru);
    }

    [Fact]
    public async Task A_refused_opening_R3_7_leaves_the_stored_meeting_unchanged_even_when_saved()
    {
        var group = new Group();
        var meeting = Meetings.PackageDistributed(group);
        foreach (var person in new[] { group.RuCoChair, group.RuSecretary, group.KzCoChair, group.KzSecretary })
        {
            meeting.RecordAttendance(person, Presence.PresentInPerson, group.As(group.RuSecretary));
        }

        await app.SaveNewAsync(group.Composition, meeting);
        var tokenBefore = await app.InScopeAsync(db => db.TokenAsync<Meeting>(meeting.Id));

        var saved = await app.InScopeAsync(async db =>
        {
            var (reloaded, composition) = (await db.MeetingAsync(meeting), await db.CompositionAsync(group.Composition));
            var refusal = Assert.Throws<DomainException>(() => reloaded.Open(group.As(group.RuCoChair, composition)));
            Assert.Equal("quorum.not_reached", refusal.Code);
            return await db.SaveChangesAsync();
        });

        Assert.Equal(0, saved);
        var stored = await app.InScopeAsync(db => db.MeetingAsync(meeting));
        Assert.Equal(MeetingState.PackageDistributed, stored.State);
        Assert.Null(stored.QuorumAtOpening);
        Assert.Equal(tokenBefore, await app.InScopeAsync(db => db.TokenAsync<Meeting>(meeting.Id)));
    }
}

public sealed class MeetingPersistenceTestsOnSqlite(SqliteApp app) : MeetingPersistenceTests(app), IClassFixture<SqliteApp>;

public sealed class MeetingPersistenceTestsOnPostgres(PostgresApp app) : MeetingPersistenceTests(app), IClassFixture<PostgresApp>;
