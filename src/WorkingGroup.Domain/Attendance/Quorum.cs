using WorkingGroup.Domain.Common;
using WorkingGroup.Domain.Composition;

namespace WorkingGroup.Domain.Attendance;

/// <summary>
/// as a pure function: a side is quorate when at least half of its composition attends,
/// present ≥ ceil(N/2). A side with nobody in it is never quorate.
/// </summary>
public static class Quorum
{
    public static int Required(int members) => members <= 0 ? 1 : (members + 1) / 2;

    public static bool IsReached(int members, int present)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(members);
        ArgumentOutOfRangeException.ThrowIfNegative(present);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(present, members);
        return members > 0 && present >= Required(members);
    }
}

/// <summary>One side's count for: the side's composition on the meeting date and who of them attends.</summary>
public sealed record SideQuorum(Side Side, int Members, int Present)
{
    public int Required => Quorum.Required(Members);

    public bool IsReached => Quorum.IsReached(Members, Present);
}

/// <summary>R-3.7 for both sides at one instant; kept with the meeting when it opens and with each decision.</summary>
public sealed record QuorumSnapshot(SideQuorum Ru, SideQuorum Kz, DateTimeOffset TakenAt)
{
    /// <summary>For materialisation by the persistence layer, which sets the sides after construction.</summary>
    private QuorumSnapshot()
        : this(null!, null!, default)
    {
    }

    public bool IsReached => Ru.IsReached && Kz.IsReached;

    /// <summary>
    /// Counts, per side, the composition at <paramref name="compositionDate"/> (co-chair, deputy,
    /// secretary, members; guests are not in it) and those of them marked present in person or remotely.
    /// Written opinions do not count.
    /// </summary>
    public static QuorumSnapshot Take(
        GroupComposition composition, DateTimeOffset compositionDate, IEnumerable<AttendanceRecord> attendance, DateTimeOffset takenAt)
    {
        ArgumentNullException.ThrowIfNull(composition);
        var present = attendance.Where(a => a.IsPresent).Select(a => a.PersonId).ToHashSet();
        return new QuorumSnapshot(Count(Side.RU), Count(Side.KZ), takenAt);

        SideQuorum Count(Side side)
        {
            var roster = composition.MembersOf(side, compositionDate);
            return new SideQuorum(side, roster.Count, roster.Count(m => present.Contains(m.PersonId)));
        }
    }
}

/// <summary>R-3.7: the meeting opens, and decisions are recorded, only with a quorum on each side.</summary>
internal sealed record QuorumOnEachSide(QuorumSnapshot Snapshot) : IBusinessRule
{
    public bool IsBroken() => !Snapshot.IsReached;

    public DomainError Error => new(
        "quorum.not_reached",
        ErrorKind.Conflict,
        $"Нет кворума (п. 3.7): РФ {Snapshot.Ru.Present} из {Snapshot.Ru.Members}, нужно {Snapshot.Ru.Required}; "
            + $"РК {Snapshot.Kz.Present} из {Snapshot.Kz.Members}, нужно {Snapshot.Kz.Required}.",
        $"No quorum (R-3.7): RU {Snapshot.Ru.Present} of {Snapshot.Ru.Members}, {Snapshot.Ru.Required} needed; "
            + $"KZ {Snapshot.Kz.Present} of {Snapshot.Kz.Members}, {Snapshot.Kz.Required} needed.");
}
