using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using WorkingGroup.Domain.Decisions;
using WorkingGroup.Domain.Tests.Support;
using WorkingGroup.Server.Persistence;
using WorkingGroup.Testing;

namespace WorkingGroup.Server.Tests.Persistence;

/// <summary>
/// The SQLite migration AssignmentDueDatesInUtc: a due date stored with its offset (before instants were taken to UTC)
/// is rewritten as the same instant in UTC, so that the monitoring view's SQL compares and orders it as an instant.
/// </summary>
public sealed class AssignmentDueDatesInUtcMigrationTests
{
    [Fact]
    public async Task Migrating_rewrites_a_due_date_stored_with_an_offset_as_the_same_instant_in_UTC()
    {
        var file = new TestSqliteFile("migration");
        try
        {
            await using var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(file.ConnectionString).Options);
            var migrator = db.GetService<IMigrator>();
            // Rows are written with the current model, so the schema is the latest; the test then steps back below the
            // migration (whose Down keeps the data) and up again, so that it runs on a due date stored with an offset.
            await migrator.MigrateAsync();
            var group = new Group();
            var meeting = MeetingSteps.InSession(group);
            var decision = Decision.Record(meeting, meeting.AgendaItems[0].Id, "To recommend mutual recognition", group.As(group.RuCoChair));
            var dueAt = group.Clock.GetUtcNow().AddDays(30);
            var assignment = decision.AssignToMember(group.KzMembers[0], dueAt, "A list of occupations", group.As(group.KzCoChair));
            db.AddRange(group.Composition, meeting, decision);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            var binary = new DateTimeOffsetToBinaryConverter();
            var storedInAlmaty = (long)binary.ConvertToProvider(dueAt.ToOffset(TimeSpan.FromHours(5)))!;
            await db.Database.ExecuteSqlAsync($"""UPDATE "Assignments" SET "DueAt" = {storedInAlmaty} WHERE "Id" = {assignment.Id}""");
            await migrator.MigrateAsync("20261125064737_CancelTasksOfDroppedBookmarks");

            await migrator.MigrateAsync();

            var stored = await db.Database.SqlQuery<long>($"""SELECT "DueAt" AS "Value" FROM "Assignments" WHERE "Id" = {assignment.Id}""").SingleAsync();
            Assert.Equal((long)binary.ConvertToProvider(dueAt.ToUniversalTime())!, stored);
            var reloaded = (await db.Decisions.AsNoTracking().SingleAsync(d => d.Id == decision.Id)).Assignments.Single();
            Assert.Equal((dueAt, TimeSpan.Zero), (reloaded.DueAt, reloaded.DueAt.Offset));
        }
        finally
        {
            file.Delete();
        }
    }
}
