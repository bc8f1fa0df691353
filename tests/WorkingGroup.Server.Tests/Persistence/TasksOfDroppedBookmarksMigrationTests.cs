using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using WorkingGroup.Server.Persistence;
using WorkingGroup.Testing;
using WorkingGroup.Workflows.Persistence;

namespace WorkingGroup.Server.Tests.Persistence;

/// <summary>
/// The migration CancelTasksOfDroppedBookmarks: the to-dos an older engine left open when it dropped their bookmark are
/// cancelled, as the engine now does in the step itself.
/// </summary>
public sealed class TasksOfDroppedBookmarksMigrationTests
{
    private static readonly DateTimeOffset LastStep = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Migrating_cancels_the_open_tasks_whose_bookmark_is_gone_on_sqlite()
    {
        var file = new TestSqliteFile("migration");
        try
        {
            await using var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(file.ConnectionString).Options);
            await Migrating_cancels_the_open_tasks_whose_bookmark_is_gone(db, "20261125035945_ProceduresStorage");
        }
        finally
        {
            file.Delete();
        }
    }

    [PostgresFact]
    public async Task Migrating_cancels_the_open_tasks_whose_bookmark_is_gone_on_postgres()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync("migration");
        await using var db = new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(database.ConnectionString).Options);
        await Migrating_cancels_the_open_tasks_whose_bookmark_is_gone(db, "20261125035949_ProceduresStorage");
    }

    private static async Task Migrating_cancels_the_open_tasks_whose_bookmark_is_gone(AppDbContext db, string previousMigration)
    {
        // Rows are written with the current model, so the schema is the latest; the test then steps back below the
        // migration (whose Down keeps the data) and up again, so that it runs on the rows an older engine left.
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync();
        db.AddRange(
            new WorkflowInstanceRecord
            {
                Id = "instance-1", DefinitionId = "meeting-lifecycle", DefinitionVersionId = "meeting-lifecycle-v1", Status = "Running",
                SubStatus = "Suspended", State = "{}", CreatedAt = LastStep.AddDays(-1), UpdatedAt = LastStep,
            },
            new WorkflowBookmarkRecord
            {
                Id = "waiting", InstanceId = "instance-1", Name = "WorkingGroup.AwaitAction", Hash = "h", ActivityId = "a", ActivityNodeId = "a",
                ActivityInstanceId = "ai", Payload = "{}", CreatedAt = LastStep,
            },
            TaskOf("still-waiting", "waiting", WorkflowTaskStatus.Open),
            TaskOf("dropped", "gone", WorkflowTaskStatus.Open),
            TaskOf("done", "gone", WorkflowTaskStatus.Completed));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        await migrator.MigrateAsync(previousMigration);

        await migrator.MigrateAsync();

        var tasks = await db.Set<WorkflowTaskRecord>().AsNoTracking().ToDictionaryAsync(t => t.Id);
        Assert.Equal((WorkflowTaskStatus.Open, null), (tasks["still-waiting"].Status, tasks["still-waiting"].CompletedAt));
        Assert.Equal((WorkflowTaskStatus.Cancelled, LastStep), (tasks["dropped"].Status, tasks["dropped"].CompletedAt));
        Assert.Equal(WorkflowTaskStatus.Completed, tasks["done"].Status);
    }

    private static WorkflowTaskRecord TaskOf(string id, string bookmarkId, WorkflowTaskStatus status) => new()
    {
        Id = id,
        InstanceId = "instance-1",
        BookmarkId = bookmarkId,
        ActivityId = "a",
        TaskName = "Утвердить повестку / Approve the agenda",
        Status = status,
        CreatedAt = LastStep,
    };
}
