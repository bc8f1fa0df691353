namespace WorkingGroup.Domain.Composition;

/// <summary>
/// Who holds a side's co-chair powers at an instant: the co-chair, or the deputy when the
/// co-chair is absent, then with <see cref="ActingFor"/> naming the co-chair for signatures.
/// </summary>
public sealed record ActingCoChair(Guid PersonId, Side Side, Guid? ActingFor)
{
    public bool IsDeputy => ActingFor is not null;
}
