namespace WorkingGroup.Domain.Attendance;

/// <summary>How a person takes part in a meeting: remote participants count as present.</summary>
public enum Presence
{
    PresentInPerson,
    PresentRemotely,
    Absent,
}
