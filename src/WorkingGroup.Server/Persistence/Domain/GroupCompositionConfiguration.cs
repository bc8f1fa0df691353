using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkingGroup.Server.Persistence.Domain;

/// <summary>The composition: memberships over time, changes with their items, dated absences .</summary>
internal sealed class GroupCompositionConfiguration : IEntityTypeConfiguration<GroupComposition>
{
    public void Configure(EntityTypeBuilder<GroupComposition> builder)
    {
        builder.ToTable("GroupCompositions");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasConcurrencyToken();

        builder.OwnsMany(c => c.Memberships, membership =>
        {
            membership.ToTable("CompositionMemberships");
            membership.WithOwner().HasForeignKey("CompositionId");
            membership.KeptInAddedOrder();
            membership.HasIndex(m => m.Id).IsUnique();
            membership.Property(m => m.FullName).HasMaxLength(200);
            membership.HasIndex(m => m.PersonId);
        });
        builder.Navigation(c => c.Memberships).HasField("_memberships").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(c => c.Changes, change =>
        {
            change.ToTable("CompositionChanges");
            change.WithOwner().HasForeignKey("CompositionId");
            change.KeptInAddedOrder();
            change.HasIndex(c => c.Id).IsUnique();
            change.Property(c => c.RejectionReason).HasMaxLength(2000);
            change.HasIndex(c => c.State);
            change.OwnsMany(c => c.Items, item =>
            {
                item.ToTable("CompositionChangeItems");
                item.WithOwner().HasForeignKey("ChangeId");
                item.KeptInAddedOrder();
                item.Property(i => i.FullName).HasMaxLength(200);
            });
            change.Navigation(c => c.Items).HasField("_items").UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        builder.Navigation(c => c.Changes).HasField("_changes").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(c => c.Absences, absence =>
        {
            absence.ToTable("CompositionAbsences");
            absence.WithOwner().HasForeignKey("CompositionId");
            absence.KeptInAddedOrder();
            absence.HasIndex(a => a.PersonId);
        });
        builder.Navigation(c => c.Absences).HasField("_absences").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
