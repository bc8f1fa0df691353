using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkingGroup.Domain.Procedures;

namespace WorkingGroup.Server.Persistence.Domain;

/// <summary>A version of a procedure awaiting both co-chairs' approval, with the approvals given.</summary>
internal sealed class ProcedureReleaseConfiguration : IEntityTypeConfiguration<ProcedureRelease>
{
    public void Configure(EntityTypeBuilder<ProcedureRelease> builder)
    {
        builder.ToTable("ProcedureReleases");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasConcurrencyToken();
        builder.Property(r => r.DefinitionId).HasMaxLength(200);
        builder.Property(r => r.RejectionReason).HasMaxLength(2000);
        builder.HasIndex(r => new { r.DefinitionId, r.Version });
        builder.Ignore(r => r.MayBePublished);

        builder.OwnsMany(r => r.Approvals, approval =>
        {
            approval.ToTable("ProcedureReleaseApprovals");
            approval.WithOwner().HasForeignKey("ReleaseId");
            approval.KeptInAddedOrder();
        });
        builder.Navigation(r => r.Approvals).HasField("_approvals").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
