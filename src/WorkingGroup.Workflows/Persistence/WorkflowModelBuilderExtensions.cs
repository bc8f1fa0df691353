using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace WorkingGroup.Workflows.Persistence;

/// <summary>Adds the engine's tables to the host's single DbContext.</summary>
public static class WorkflowModelBuilderExtensions
{
    /// <summary>Times are stored as UTC ticks, so SQLite and PostgreSQL compare and order them alike.</summary>
    private static readonly ValueConverter<DateTimeOffset, long> UtcTicks =
        new(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));

    private static readonly Type[] EngineEntities =
    [
        typeof(WorkflowDefinitionRecord), typeof(WorkflowInstanceRecord), typeof(WorkflowBookmarkRecord), typeof(WorkflowTimerRecord),
        typeof(WorkflowTaskRecord), typeof(WorkflowJournalRecord), typeof(WorkflowOutboxRecord),
    ];

    /// <summary>Call from the host's <c>OnModelCreating</c>.</summary>
    public static ModelBuilder ApplyWorkflowEngineModel(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<WorkflowDefinitionRecord>(e =>
        {
            e.ToTable("WorkflowDefinitions");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.DefinitionId, x.Version }).IsUnique();
        });
        modelBuilder.Entity<WorkflowInstanceRecord>(e =>
        {
            e.ToTable("WorkflowInstances");
            e.HasKey(x => x.Id);
            e.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
            e.HasIndex(x => x.CorrelationId);
            e.HasIndex(x => new { x.DefinitionId, x.Status });
        });
        modelBuilder.Entity<WorkflowBookmarkRecord>(e =>
        {
            e.ToTable("WorkflowBookmarks");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.Name, x.Hash, x.CorrelationId });
            e.HasIndex(x => x.InstanceId);
        });
        modelBuilder.Entity<WorkflowTimerRecord>(e =>
        {
            e.ToTable("WorkflowTimers");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.DueAt);
        });
        modelBuilder.Entity<WorkflowTaskRecord>(e =>
        {
            e.ToTable("WorkflowTasks");
            e.HasKey(x => x.Id);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(x => x.BookmarkId);
            e.HasIndex(x => new { x.Status, x.Assignee });
        });
        modelBuilder.Entity<WorkflowJournalRecord>(e =>
        {
            e.ToTable("WorkflowJournal");
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.InstanceId, x.Sequence }).IsUnique();
        });
        modelBuilder.Entity<WorkflowOutboxRecord>(e =>
        {
            e.ToTable("WorkflowOutbox");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.DeliveredAt);
        });
        foreach (var property in EngineEntities.SelectMany(t => modelBuilder.Entity(t).Metadata.GetProperties())
                     .Where(p => p.ClrType == typeof(DateTimeOffset) || p.ClrType == typeof(DateTimeOffset?)))
        {
            property.SetValueConverter(UtcTicks);
        }

        return modelBuilder;
    }
}
