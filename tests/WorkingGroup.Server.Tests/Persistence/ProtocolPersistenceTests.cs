using Microsoft.EntityFrameworkCore;
using WorkingGroup.Domain.Composition;
using WorkingGroup.Domain.Meetings;
using WorkingGroup.Domain.Protocols;
using WorkingGroup.Server.Persistence;
using WorkingGroup.Server.Tests.Infrastructure;
using WorkingGroup.Domain.Tests.Support;

namespace WorkingGroup.Server.Tests.Persistence;

/// <summary>The protocol aggregate in the database: signatures, their hash binding, and signers racing; SQLite and PostgreSQL.</summary>
public abstract class ProtocolPersistenceTests(AppFixture app)
{
    [Fact]
    public async Task Protocol_R3_10_reloaded_keeps_its_signatures_bound_to_its_text_and_is_signed_by_the_last_two()
    {
        var group = new Group();
        var (meeting, protocol) = MeetingSteps.Signing(group);
        protocol.Sign(Side.RU, SignatoryRole.CoChair, protocol.TextHash, meeting, group.As(group.RuCoChair));
        protocol.Sign(Side.KZ, SignatoryRole.Secretary, protocol.TextHash, meeting, group.As(group.KzSecretary));
        await app.SaveNewAsync(group.Composition, meeting, protocol);

        await app.InScopeAsync(async db =>
        {
            var (reloaded, composition, atMeeting) = await LoadAsync(db, group, meeting, protocol);
            Assert.Equal(protocol.TextHash, reloaded.TextHash);
            Assert.Equal(2, reloaded.ValidSignatures.Count);
            Assert.Equal(meeting.WrittenOpinions.Select(o => o.Id), reloaded.AttachedOpinionIds);
            reloaded.Sign(Side.KZ, SignatoryRole.CoChair, reloaded.TextHash, atMeeting, group.As(group.KzCoChair, composition));
            reloaded.Sign(Side.RU, SignatoryRole.Secretary, reloaded.TextHash, atMeeting, group.As(group.RuSecretary, composition));
            await db.SaveChangesAsync();
        });

        var signed = await app.InScopeAsync(db => db.ProtocolAsync(protocol));
        Assert.Equal(ProtocolState.Signed, signed.State);
        Assert.Equal(4, signed.ValidSignatures.Count);
    }

    [Fact]
    public async Task Protocol_R3_10_edited_after_reload_invalidates_every_signature_given_before()
    {
        var group = new Group();
        var (meeting, protocol) = MeetingSteps.Signing(group);
        protocol.Sign(Side.RU, SignatoryRole.CoChair, protocol.TextHash, meeting, group.As(group.RuCoChair));
        protocol.Sign(Side.RU, SignatoryRole.Secretary, protocol.TextHash, meeting, group.As(group.RuSecretary));
        await app.SaveNewAsync(group.Composition, meeting, protocol);

        await app.InScopeAsync(async db =>
        {
            var (reloaded, composition, atMeeting) = await LoadAsync(db, group, meeting, protocol);
            reloaded.Edit("Protocol No. 1, corrected: the group recommends ...", atMeeting, group.As(group.KzSecretary, composition));
            await db.SaveChangesAsync();
        });

        var (edited, meetingNow) = await app.InScopeAsync(async db => (await db.ProtocolAsync(protocol), await db.MeetingAsync(meeting)));
        Assert.Equal(ProtocolState.Drafting, edited.State);
        Assert.Equal(2, edited.Signatures.Count);
        Assert.Empty(edited.ValidSignatures);
        Assert.Equal(MeetingState.ProtocolDrafting, meetingNow.State);
    }

    [Fact]
    public async Task Two_signers_racing_R3_10_both_signatures_land_after_a_retry()
    {
        var group = new Group();
        var (meeting, protocol) = MeetingSteps.Signing(group);
        await app.SaveNewAsync(group.Composition, meeting, protocol);

        await app.InScopeAsync(db1 => app.InScopeAsync(async db2 =>
        {
            var (first, composition1, meeting1) = await LoadAsync(db1, group, meeting, protocol);
            var (second, composition2, meeting2) = await LoadAsync(db2, group, meeting, protocol);
            first.Sign(Side.RU, SignatoryRole.CoChair, first.TextHash, meeting1, group.As(group.RuCoChair, composition1));
            second.Sign(Side.KZ, SignatoryRole.CoChair, second.TextHash, meeting2, group.As(group.KzCoChair, composition2));

            await db1.SaveChangesAsync();
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db2.SaveChangesAsync());
        }));
        await app.InScopeAsync(async db =>
        {
            var (retried, composition, atMeeting) = await LoadAsync(db, group, meeting, protocol);
            retried.Sign(Side.KZ, SignatoryRole.CoChair, retried.TextHash, atMeeting, group.As(group.KzCoChair, composition));
            await db.SaveChangesAsync();
        });

        var stored = await app.InScopeAsync(db => db.ProtocolAsync(protocol));
        Assert.Equal(
            [(Side.RU, group.RuCoChair), (Side.KZ, group.KzCoChair)],
            stored.ValidSignatures.Select(s => (s.Side, s.PersonId)).Order());
    }

    private static async Task<(Protocol Protocol, GroupComposition Composition, Meeting Meeting)> LoadAsync(
        AppDbContext db, Group group, Meeting meeting, Protocol protocol) =>
        (await db.ProtocolAsync(protocol), await db.CompositionAsync(group.Composition), await db.MeetingAsync(meeting));
}

public sealed class ProtocolPersistenceTestsOnSqlite(SqliteApp app) : ProtocolPersistenceTests(app), IClassFixture<SqliteApp>;

public sealed class ProtocolPersistenceTestsOnPostgres(PostgresApp app) : ProtocolPersistenceTests(app), IClassFixture<PostgresApp>;
