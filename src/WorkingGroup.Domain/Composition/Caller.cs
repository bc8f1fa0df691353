namespace WorkingGroup.Domain.Composition;

/// <summary>
/// Who asks, with what the domain needs to judge them: the composition that says what the person
/// may do, and the clock. The domain works out the person's powers itself from these.
/// </summary>
public sealed record Caller(Guid PersonId, GroupComposition Composition, TimeProvider Clock)
{
    public DateTimeOffset Now => Clock.GetUtcNow();
}
