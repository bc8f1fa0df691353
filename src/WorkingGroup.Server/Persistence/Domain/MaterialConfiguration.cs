using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkingGroup.Domain.Materials;
using WorkingGroup.Domain.Meetings;

namespace WorkingGroup.Server.Persistence.Domain;

/// <summary>A material for a meeting with every version kept .</summary>
internal sealed class MaterialConfiguration : IEntityTypeConfiguration<Material>
{
    public void Configure(EntityTypeBuilder<Material> builder)
    {
        builder.ToTable("Materials");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.HasConcurrencyToken();
        builder.HasOne<Meeting>().WithMany().HasForeignKey(m => m.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(m => m.Title).HasMaxLength(500);
        builder.Property(m => m.DecisionReason).HasMaxLength(2000);
        builder.HasIndex(m => new { m.MeetingId, m.State });
        builder.HasIndex(m => m.AuthorId);
        builder.Ignore(m => m.CurrentVersion);

        builder.OwnsMany(m => m.Versions, version =>
        {
            version.ToTable("MaterialVersions");
            version.WithOwner().HasForeignKey("MaterialId");
            version.KeptInAddedOrder();
            version.Property(v => v.FileName).HasMaxLength(260);
            version.Property(v => v.ContentHash).HasMaxLength(128);
        });
        builder.Navigation(m => m.Versions).HasField("_versions").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
