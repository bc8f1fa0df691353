namespace WorkingGroup.Domain.Composition;

/// <summary>
/// Stable role names shared with the server's sign-in roles. The first five are positions of the
/// composition; experts and observers are guests; the administrator changes procedures.
/// </summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string CoChair = "CoChair";
    public const string DeputyCoChair = "DeputyCoChair";
    public const string ExecutiveSecretary = "ExecutiveSecretary";
    public const string Member = "Member";
    public const string Expert = "Expert";
    public const string Observer = "Observer";

    public static IReadOnlyList<string> All { get; } =
        [Administrator, CoChair, DeputyCoChair, ExecutiveSecretary, Member, Expert, Observer];

    /// <summary>The positions of a side's composition: they have a side and count towards quorum .</summary>
    public static IReadOnlyList<string> Composition { get; } = [CoChair, DeputyCoChair, ExecutiveSecretary, Member];

    /// <summary>Experts and observers are guests: no side, no quorum.</summary>
    public static bool IsGuest(string role) => role is Expert or Observer;

    /// <summary>The role name of a position in the composition.</summary>
    public static string Of(MemberRole role) => role switch
    {
        MemberRole.CoChair => CoChair,
        MemberRole.DeputyCoChair => DeputyCoChair,
        MemberRole.ExecutiveSecretary => ExecutiveSecretary,
        MemberRole.Member => Member,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };
}
