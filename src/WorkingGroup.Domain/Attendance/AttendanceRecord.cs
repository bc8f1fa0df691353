using WorkingGroup.Domain.Composition;

namespace WorkingGroup.Domain.Attendance;

/// <summary>
/// A member's attendance at one meeting. <see cref="CostBorneBy"/> is the side that pays for the
/// participation (R-3.12, reporting only).
/// </summary>
public sealed record AttendanceRecord(Guid PersonId, Side CostBorneBy, Presence Presence, DateTimeOffset RecordedAt)
{
    public bool IsPresent => Presence != Presence.Absent;
}
