namespace WorkingGroup.Server.Identity;

/// <summary>The roles of the regulation plus the technical administrator.</summary>
public static class Roles
{
    /// <summary>Adjusts procedures and manages accounts; holds no procedural powers.</summary>
    public const string Administrator = "Administrator";
    public const string CoChair = "CoChair";
    public const string DeputyCoChair = "DeputyCoChair";
    public const string ExecutiveSecretary = "ExecutiveSecretary";
    public const string Member = "Member";
    /// <summary>An invited expert: a guest, side optional.</summary>
    public const string Expert = "Expert";
    /// <summary>An invited observer: a guest, side optional.</summary>
    public const string Observer = "Observer";

    public static IReadOnlyList<string> All { get; } =
        [Administrator, CoChair, DeputyCoChair, ExecutiveSecretary, Member, Expert, Observer];

    /// <summary>Members of a side's composition: they need a side and count towards quorum.</summary>
    public static IReadOnlyList<string> Composition { get; } = [CoChair, DeputyCoChair, ExecutiveSecretary, Member];

    public static bool IsGuest(string role) => role is Expert or Observer;
}
