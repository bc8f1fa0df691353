namespace WorkingGroup.Domain.Composition;

/// <summary>
/// A person's place in one side's composition for a period. Periods are half-open:
/// active from <see cref="Since"/> until, not including, <see cref="Until"/>.
/// </summary>
public sealed class Membership
{
    internal Membership(Guid personId, string fullName, Side side, MemberRole role, DateTimeOffset since)
    {
        Id = Guid.NewGuid();
        PersonId = personId;
        FullName = fullName;
        Side = side;
        Role = role;
        Since = since;
    }

    private Membership()
    {
        FullName = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid PersonId { get; private set; }

    public string FullName { get; private set; }

    public Side Side { get; private set; }

    public MemberRole Role { get; private set; }

    public DateTimeOffset Since { get; private set; }

    public DateTimeOffset? Until { get; private set; }

    public bool IsActiveAt(DateTimeOffset at) => Since <= at && (Until is null || at < Until);

    internal void End(DateTimeOffset at) => Until = at;
}
