namespace WorkingGroup.Domain.Composition;

/// <summary>
/// What a person may do at one instant, as the composition says: side, position, and whether they
/// hold the co-chair's powers, themselves or as the deputy acting for an absent co-chair.
/// Only <see cref="GroupComposition"/> creates it, so a caller cannot claim powers it does not have.
/// </summary>
public sealed class Actor
{
    internal Actor(Guid personId, Side? side, MemberRole? role, bool isActingCoChair, Guid? actingFor)
    {
        PersonId = personId;
        Side = side;
        Role = role;
        IsActingCoChair = isActingCoChair;
        ActingFor = actingFor;
    }

    public Guid PersonId { get; }

    /// <summary>The side of the person; null for someone outside the composition (a guest).</summary>
    public Side? Side { get; }

    public MemberRole? Role { get; }

    public bool IsMember => Role is not null;

    public bool IsActingCoChair { get; }

    /// <summary>The co-chair this deputy acts for, or null when acting in their own right.</summary>
    public Guid? ActingFor { get; }

    public bool IsSecretary => Role == MemberRole.ExecutiveSecretary;
}
