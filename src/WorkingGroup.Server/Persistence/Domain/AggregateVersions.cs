using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkingGroup.Server.Persistence.Domain;

/// <summary>
/// Optimistic concurrency for aggregates that several people change at once (two signers of one
/// protocol, R-3.10): each root has a shadow <see cref="Token"/> that every save of a changed aggregate
/// replaces with a new value, and the UPDATE only applies while the row still has the value read. A
/// change to an owned part (a new signature) counts as a change to its root. The loser of a race gets
/// <see cref="DbUpdateConcurrencyException"/> and retries on a freshly loaded aggregate. Works the same
/// on SQLite and PostgreSQL.
/// </summary>
internal static class AggregateVersions
{
    public const string Token = "ConcurrencyToken";

    public static void HasConcurrencyToken<TRoot>(this EntityTypeBuilder<TRoot> root)
        where TRoot : class =>
        root.Property<Guid>(Token).IsConcurrencyToken();

    /// <summary>Gives a new token to every root added or changed, directly or through one of its parts.</summary>
    public static void Stamp(ChangeTracker tracker)
    {
        tracker.DetectChanges();
        var entries = tracker.Entries().ToList();
        var changedRoots = entries
            .Where(entry => entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(entry => RootOf(entry, entries))
            .OfType<EntityEntry>()
            .Where(root => root.State is not EntityState.Deleted && root.Metadata.FindProperty(Token) is not null)
            .Distinct();
        foreach (var root in changedRoots)
        {
            root.Property(Token).CurrentValue = Guid.NewGuid();
        }
    }

    /// <summary>The aggregate root an entry belongs to, following ownership up; null if the owner is not tracked.</summary>
    private static EntityEntry? RootOf(EntityEntry entry, IReadOnlyList<EntityEntry> entries)
    {
        var current = entry;
        while (current?.Metadata.FindOwnership() is { } ownership)
        {
            current = OwnerOf(current, ownership, entries);
        }

        return current;
    }

    private static EntityEntry? OwnerOf(EntityEntry owned, IForeignKey ownership, IReadOnlyList<EntityEntry> entries)
    {
        var keyOfOwner = ownership.Properties.Select(p => owned.Property(p.Name).CurrentValue).ToList();
        return entries.FirstOrDefault(candidate =>
            candidate.Metadata == ownership.PrincipalEntityType
            && ownership.PrincipalKey.Properties.Select(p => candidate.Property(p.Name).CurrentValue).SequenceEqual(keyOfOwner));
    }
}
