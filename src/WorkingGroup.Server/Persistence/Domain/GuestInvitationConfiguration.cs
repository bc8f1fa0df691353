using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkingGroup.Domain.Guests;
using WorkingGroup.Domain.Meetings;

namespace WorkingGroup.Server.Persistence.Domain;

/// <summary>A guest proposed for one meeting and approved by a co-chair; found by meeting and by the guest's person id.</summary>
internal sealed class GuestInvitationConfiguration : IEntityTypeConfiguration<GuestInvitation>
{
    public void Configure(EntityTypeBuilder<GuestInvitation> builder)
    {
        builder.ToTable("GuestInvitations");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.HasConcurrencyToken();
        builder.HasOne<Meeting>().WithMany().HasForeignKey(g => g.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(g => g.GuestPersonId);
        builder.Property(g => g.FullName).HasMaxLength(200);
        builder.Property(g => g.Email).HasMaxLength(256);
        builder.Property(g => g.RejectionReason).HasMaxLength(2000);
        builder.Ignore(g => g.RoleName);
    }
}
