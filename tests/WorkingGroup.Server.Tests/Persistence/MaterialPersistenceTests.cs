using WorkingGroup.Domain.Materials;
using WorkingGroup.Server.Tests.Infrastructure;
using WorkingGroup.Domain.Tests.Support;

namespace WorkingGroup.Server.Tests.Persistence;

/// <summary>The material aggregate in the database: versions and the deadline of across reloads; SQLite and PostgreSQL.</summary>
public abstract class MaterialPersistenceTests(AppFixture app)
{
    [Fact]
    public async Task Material_R3_9_reloaded_keeps_every_version_in_order_and_once_late_is_admitted_by_a_co_chair()
    {
        var group = new Group();
        var meeting = Meetings.CollectingMaterials(group);
        var material = Material.Draft(meeting, "Draft standard", meeting.AgendaItems[0].Id, "standard-v1.pdf", "hash-1", group.As(group.KzMembers[0]));
        foreach (var version in new[] { 2, 3, 4 })
        {
            material.Revise($"standard-v{version}.pdf", $"hash-{version}", group.As(group.KzMembers[0]));
        }

        await app.SaveNewAsync(group.Composition, meeting, material);
        group.Clock.SetUtcNow(MaterialsDeadline.LateFrom(Meetings.InAlmaty()));

        await app.InScopeAsync(async db =>
        {
            var (reloaded, atMeeting, composition) = (
                await db.Materials.FindAsync(material.Id), await db.MeetingAsync(meeting), await db.CompositionAsync(group.Composition));
            Assert.Equal(4, reloaded!.CurrentVersion.Number);
            reloaded.Revise("standard-v5.pdf", "hash-5", group.As(group.KzMembers[0], composition));
            reloaded.Submit(atMeeting, group.As(group.KzMembers[0], composition));
            await db.SaveChangesAsync();
            Assert.Equal(MaterialState.Late, reloaded.State);
        });
        await app.InScopeAsync(async db =>
        {
            var (reloaded, atMeeting, composition) = (
                await db.Materials.FindAsync(material.Id), await db.MeetingAsync(meeting), await db.CompositionAsync(group.Composition));
            reloaded!.Admit("Needed for item 1", atMeeting, group.As(group.KzCoChair, composition));
            await db.SaveChangesAsync();
        });

        var stored = await app.InScopeAsync(async db => await db.Materials.FindAsync(material.Id));
        Assert.Equal(MaterialState.Admitted, stored!.State);
        Assert.Equal([1, 2, 3, 4, 5], stored.Versions.Select(v => v.Number));
        Assert.Equal("standard-v5.pdf", stored.CurrentVersion.FileName);
        Assert.Equal(MaterialsDeadline.LateFrom(Meetings.InAlmaty()), stored.LateFrom);
    }
}

public sealed class MaterialPersistenceTestsOnSqlite(SqliteApp app) : MaterialPersistenceTests(app), IClassFixture<SqliteApp>;

public sealed class MaterialPersistenceTestsOnPostgres(PostgresApp app) : MaterialPersistenceTests(app), IClassFixture<PostgresApp>;
