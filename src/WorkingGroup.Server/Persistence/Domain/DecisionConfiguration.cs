using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkingGroup.Domain.Decisions;
using WorkingGroup.Domain.Meetings;

namespace WorkingGroup.Server.Persistence.Domain;

/// <summary>
/// A decision with the quorum counted when it was recorded and its assignments:
/// executor, due date, state, and the history of extensions. Assignments are found by due date and
/// state for reminders and escalation, and by executor.
/// </summary>
internal sealed class DecisionConfiguration : IEntityTypeConfiguration<Decision>
{
    public void Configure(EntityTypeBuilder<Decision> builder)
    {
        builder.ToTable("Decisions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.HasConcurrencyToken();
        builder.HasOne<Meeting>().WithMany().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.Category);
        builder.OwnsOne(d => d.Quorum, QuorumMapping.Configure);
        builder.Navigation(d => d.Quorum).IsRequired();

        builder.OwnsMany(d => d.Assignments, assignment =>
        {
            assignment.ToTable("Assignments");
            assignment.WithOwner().HasForeignKey(a => a.DecisionId);
            assignment.KeptInAddedOrder();
            assignment.HasIndex(a => a.Id).IsUnique();
            assignment.Property(a => a.ExpectedResult).HasMaxLength(2000);
            assignment.Property(a => a.Reason).HasMaxLength(2000);
            assignment.HasIndex(a => new { a.State, a.DueAt });
            assignment.HasIndex(a => a.DueAt);
            assignment.OwnsOne(a => a.Executor, executor =>
            {
                executor.Property(e => e.BodyName).HasMaxLength(300);
                executor.HasIndex(e => e.PersonId);
            });
            assignment.Navigation(a => a.Executor).IsRequired();
            assignment.OwnsMany(a => a.Extensions, extension =>
            {
                extension.ToTable("AssignmentExtensions");
                extension.WithOwner().HasForeignKey("AssignmentId");
                extension.KeptInAddedOrder();
                extension.Property(e => e.Reason).HasMaxLength(2000);
            });
            assignment.Navigation(a => a.Extensions).HasField("_extensions").UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        builder.Navigation(d => d.Assignments).HasField("_assignments").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
