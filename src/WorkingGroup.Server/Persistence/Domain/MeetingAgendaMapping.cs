using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkingGroup.Domain.Meetings;

namespace WorkingGroup.Server.Persistence.Domain;

/// <summary>The agenda part of a meeting: members' proposals with each side's approval, the items, the approvals of the whole .</summary>
internal static class MeetingAgendaMapping
{
    public static void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.OwnsMany(m => m.AgendaProposals, proposal =>
        {
            proposal.ToTable("MeetingAgendaProposals");
            proposal.WithOwner().HasForeignKey("MeetingId");
            proposal.KeptInAddedOrder();
            proposal.HasIndex(p => p.Id).IsUnique();
            proposal.Property(p => p.Title).HasMaxLength(500);
            proposal.Property(p => p.RejectionReason).HasMaxLength(2000);
            proposal.OwnsMany(p => p.Approvals, approval =>
            {
                approval.ToTable("MeetingAgendaProposalApprovals");
                approval.WithOwner().HasForeignKey("ProposalId");
                approval.KeptInAddedOrder();
            });
            proposal.Navigation(p => p.Approvals).HasField("_approvals").UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        builder.Navigation(m => m.AgendaProposals).HasField("_agendaProposals").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(m => m.AgendaItems, item =>
        {
            item.ToTable("MeetingAgendaItems");
            item.WithOwner().HasForeignKey("MeetingId");
            item.KeptInAddedOrder();
            item.HasIndex(i => i.Id).IsUnique();
            item.Property(i => i.Title).HasMaxLength(500);
            item.HasIndex(i => i.Category);
        });
        builder.Navigation(m => m.AgendaItems).HasField("_agendaItems").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(m => m.AgendaApprovals, approval =>
        {
            approval.ToTable("MeetingAgendaApprovals");
            approval.WithOwner().HasForeignKey("MeetingId");
            approval.KeptInAddedOrder();
        });
        builder.Navigation(m => m.AgendaApprovals).HasField("_agendaApprovals").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
