using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace WorkingGroup.Workflows.Runtime;

/// <summary>
/// The tracked entities of a step's context before one activity runs. If the activity faults, its changes
/// to the host's entities are undone, so the step saves the incident but leaves the host's data as the
/// activities before it left them.
/// </summary>
internal sealed class TrackedChanges
{
    private readonly DbContext db;
    private readonly Dictionary<object, (EntityState State, PropertyValues Values)> before = new(ReferenceEqualityComparer.Instance);

    private TrackedChanges(DbContext db)
    {
        this.db = db;
        db.ChangeTracker.DetectChanges();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            before[entry.Entity] = (entry.State, entry.CurrentValues.Clone());
        }
    }

    public static TrackedChanges? Capture(DbContext? db) => db is null ? null : new TrackedChanges(db);

    public void Undo()
    {
        db.ChangeTracker.DetectChanges();
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (!before.TryGetValue(entry.Entity, out var previous))
            {
                entry.State = EntityState.Detached;
                continue;
            }

            entry.CurrentValues.SetValues(previous.Values);
            entry.State = previous.State;
        }
    }
}
