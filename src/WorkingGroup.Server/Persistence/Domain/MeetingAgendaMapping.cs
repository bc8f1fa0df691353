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
            proposal.HasKey(p => p.Id);
            proposal.Property(p => p.Id).ValueGeneratedNever();
            proposal.Property(p => p.Title).HasMaxLength(500);
            proposal.Property(p => p.RejectionReason).HasMaxLength(2000);
            proposal.OwnsMany(p => p.Approvals, approval =>
            {
                approval.ToTable("MeetingAgendaProposalApprovals");
                approval.WithOwner().HasForeignKey("ProposalId");
                approval.HasRowKey();
            });
            proposal.Navigation(p => p.Approvals).HasField("_approvals").UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        builder.Navigation(m => m.AgendaProposals).HasField("_agendaProposals").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(m => m.AgendaItems, item =>
        {
            item.ToTable("MeetingAgendaItems");
            item.WithOwner().HasForeignKey("MeetingId");
            item.HasKey(i => i.Id);
            item.Property(i => i.Id).ValueGeneratedNever();
            item.Property(i => i.Title).HasMaxLength(500);
            item.HasIndex(i => i.Category);
        });
        builder.Navigation(m => m.AgendaItems).HasField("_agendaItems").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(m => m.AgendaApprovals, approval =>
        {
            approval.ToTable("MeetingAgendaApprovals");
            approval.WithOwner().HasForeignKey("MeetingId");
            approval.HasRowKey();
        });
        builder.Navigation(m => m.AgendaApprovals).HasField("_agendaApprovals").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
