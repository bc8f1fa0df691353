namespace WorkingGroup.Domain.Composition;

/// <summary>
/// A dated absence of a person: while it covers an instant, the deputy of the same side acts
/// for an absent co-chair. Half-open period [From, Until).
/// </summary>
public sealed record Absence(Guid PersonId, DateTimeOffset From, DateTimeOffset Until)
{
    public bool Covers(DateTimeOffset at) => From <= at && at < Until;
}
