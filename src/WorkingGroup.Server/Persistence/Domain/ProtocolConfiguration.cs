using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkingGroup.Domain.Meetings;
using WorkingGroup.Domain.Protocols;

namespace WorkingGroup.Server.Persistence.Domain;

/// <summary>
/// The protocol of a meeting: its text and hash, every signature with the hash it binds, the
/// attached written opinions and the log of deliveries. One protocol per meeting.
/// </summary>
internal sealed class ProtocolConfiguration : IEntityTypeConfiguration<Protocol>
{
    /// <summary>SHA-256 in lower-case hex (<see cref="ProtocolText.Hash"/>).</summary>
    private const int HashLength = 64;

    public void Configure(EntityTypeBuilder<Protocol> builder)
    {
        builder.ToTable("Protocols");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasConcurrencyToken();
        builder.HasOne<Meeting>().WithMany().HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.MeetingId).IsUnique();
        builder.HasIndex(p => p.State);
        builder.Property(p => p.TextHash).HasMaxLength(HashLength);
        builder.Property(p => p.DocumentHash).HasMaxLength(HashLength);
        builder.Ignore(p => p.HashToSign);
        builder.Property(p => p.ReturnReason).HasMaxLength(2000);
        builder.Ignore(p => p.ValidSignatures);
        builder.PrimitiveCollection(p => p.AttachedOpinionIds).HasField("_attachedOpinionIds").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(p => p.Signatures, signature =>
        {
            signature.ToTable("ProtocolSignatures");
            signature.WithOwner().HasForeignKey("ProtocolId");
            signature.KeptInAddedOrder();
            signature.Property(s => s.TextHash).HasMaxLength(HashLength);
            signature.HasIndex(s => s.PersonId);
        });
        builder.Navigation(p => p.Signatures).HasField("_signatures").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(p => p.Deliveries, delivery =>
        {
            delivery.ToTable("ProtocolDeliveries");
            delivery.WithOwner().HasForeignKey("ProtocolId");
            delivery.KeptInAddedOrder();
            delivery.HasIndex(d => d.RecipientId);
        });
        builder.Navigation(p => p.Deliveries).HasField("_deliveries").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
