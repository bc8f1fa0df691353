using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkingGroup.Domain.Attendance;
using WorkingGroup.Domain.Meetings;

namespace WorkingGroup.Server.Persistence.Domain;

/// <summary>
/// A meeting with its schedule, the quorum counted at opening, its agenda
/// (proposals with the co-chairs' approvals, items, approvals of the whole: ), attendance
/// and written opinions.
/// </summary>
internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.ToTable("Meetings");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.HasConcurrencyToken();
        builder.Property(m => m.Title).HasMaxLength(500);
        builder.Property(m => m.PostponementReason).HasMaxLength(2000);
        builder.Property(m => m.CancellationReason).HasMaxLength(2000);
        builder.HasIndex(m => m.State);
        builder.Ignore(m => m.AbsentPersonIds);
        builder.Ignore(m => m.MaterialsLateFrom);

        builder.OwnsOne(m => m.Schedule, schedule =>
        {
            schedule.Property(s => s.TimeZoneId).HasMaxLength(64);
            schedule.Property(s => s.Place).HasMaxLength(500);
            schedule.Property(s => s.VideoLink).HasMaxLength(2000);
            schedule.Ignore(s => s.TimeZone);
            schedule.Ignore(s => s.LocalDate);
            schedule.Ignore(s => s.StartsAt);
        });
        builder.OwnsOne(m => m.QuorumAtOpening, QuorumMapping.Configure);

        MeetingAgendaMapping.Configure(builder);

        builder.OwnsMany(m => m.Attendance, record =>
        {
            record.ToTable("MeetingAttendance");
            record.WithOwner().HasForeignKey("MeetingId");
            record.KeptInAddedOrder();
            record.HasIndex(a => a.PersonId);
            record.Ignore(a => a.IsPresent);
        });
        builder.Navigation(m => m.Attendance).HasField("_attendance").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(m => m.WrittenOpinions, opinion =>
        {
            opinion.ToTable("MeetingWrittenOpinions");
            opinion.WithOwner().HasForeignKey("MeetingId");
            opinion.KeptInAddedOrder();
            opinion.HasIndex(o => o.Id).IsUnique();
            opinion.HasIndex(o => o.PersonId);
            opinion.Ignore(o => o.IsReadOut);
        });
        builder.Navigation(m => m.WrittenOpinions).HasField("_writtenOpinions").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

/// <summary>R-3.7: the count of each side kept with a meeting at opening and with each decision.</summary>
internal static class QuorumMapping
{
    public static void Configure<TOwner>(OwnedNavigationBuilder<TOwner, QuorumSnapshot> quorum)
        where TOwner : class
    {
        quorum.Ignore(q => q.IsReached);
        quorum.OwnsOne(q => q.Ru, SideCount);
        quorum.OwnsOne(q => q.Kz, SideCount);
        quorum.Navigation(q => q.Ru).IsRequired();
        quorum.Navigation(q => q.Kz).IsRequired();
    }

    private static void SideCount(OwnedNavigationBuilder<QuorumSnapshot, SideQuorum> side)
    {
        side.Ignore(s => s.Required);
        side.Ignore(s => s.IsReached);
    }
}
