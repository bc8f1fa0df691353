using Microsoft.Extensions.Time.Testing;

namespace WorkingGroup.Server.Tests.Persistence;

/// <summary>
/// A working group of its own for one test (six per side: co-chair, deputy, secretary, three members),
/// so that tests changing a composition do not touch the demo one, on a fake clock that starts on
/// 1 March 2026, 09:00 UTC.
/// </summary>
internal sealed class TestGroup
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public TestGroup()
    {
        Composition = GroupComposition.Establish(
        [
            new(RuCoChair, "RU co-chair", Side.RU, MemberRole.CoChair),
            new(RuDeputy, "RU deputy", Side.RU, MemberRole.DeputyCoChair),
            new(RuSecretary, "RU secretary", Side.RU, MemberRole.ExecutiveSecretary),
            .. RuMembers.Select((id, i) => new FoundingMember(id, $"RU member {i}", Side.RU, MemberRole.Member)),
            new(KzCoChair, "KZ co-chair", Side.KZ, MemberRole.CoChair),
            new(KzDeputy, "KZ deputy", Side.KZ, MemberRole.DeputyCoChair),
            new(KzSecretary, "KZ secretary", Side.KZ, MemberRole.ExecutiveSecretary),
            .. KzMembers.Select((id, i) => new FoundingMember(id, $"KZ member {i}", Side.KZ, MemberRole.Member)),
        ],
        Clock);
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>The composition as established, before it is saved; reloaded ones are passed to <see cref="As"/>.</summary>
    public GroupComposition Composition { get; }

    public Guid RuCoChair { get; } = Guid.NewGuid();

    public Guid RuDeputy { get; } = Guid.NewGuid();

    public Guid RuSecretary { get; } = Guid.NewGuid();

    public Guid[] RuMembers { get; } = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];

    public Guid KzCoChair { get; } = Guid.NewGuid();

    public Guid KzDeputy { get; } = Guid.NewGuid();

    public Guid KzSecretary { get; } = Guid.NewGuid();

    public Guid[] KzMembers { get; } = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];

    public IReadOnlyList<Guid> Everyone(Side side) => side == Side.RU
        ? [RuCoChair, RuDeputy, RuSecretary, .. RuMembers]
        : [KzCoChair, KzDeputy, KzSecretary, .. KzMembers];

    /// <summary>The person asking, judged by <paramref name="composition"/> (a reloaded one) or the one established.</summary>
    public Caller As(Guid personId, GroupComposition? composition = null) => new(personId, composition ?? Composition, Clock);
}
