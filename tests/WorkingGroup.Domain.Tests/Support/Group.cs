using Microsoft.Extensions.Time.Testing;
using WorkingGroup.Domain.Common;
using WorkingGroup.Domain.Composition;

namespace WorkingGroup.Domain.Tests.Support;

/// <summary>
/// A working group of six per side (co-chair, deputy, secretary, three members) on a fake clock that
/// starts on 1 March 2026, 09:00 UTC. The server runs UTC; meetings are held in other zones.
/// Also compiled into the server's persistence tests (linked there), each test with a group of its own.
/// </summary>
internal sealed class Group
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public Group()
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

    public GroupComposition Composition { get; }

    public Guid RuCoChair { get; } = Guid.NewGuid();

    public Guid RuDeputy { get; } = Guid.NewGuid();

    public Guid RuSecretary { get; } = Guid.NewGuid();

    public Guid[] RuMembers { get; } = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];

    public Guid KzCoChair { get; } = Guid.NewGuid();

    public Guid KzDeputy { get; } = Guid.NewGuid();

    public Guid KzSecretary { get; } = Guid.NewGuid();

    public Guid[] KzMembers { get; } = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];

    public Guid Outsider { get; } = Guid.NewGuid();

    public IReadOnlyList<Guid> Everyone(Side side) => side == Side.RU
        ? [RuCoChair, RuDeputy, RuSecretary, .. RuMembers]
        : [KzCoChair, KzDeputy, KzSecretary, .. KzMembers];

    /// <summary>The person asking, judged by <paramref name="composition"/> (e.g. one reloaded from the database) or the one established.</summary>
    public Caller As(Guid personId, GroupComposition? composition = null) => new(personId, composition ?? Composition, Clock);
}

internal static class Refusal
{
    /// <summary>Asserts the domain refused with this code, and that the refusal speaks both languages.</summary>
    public static DomainException Expect(string code, Action act)
    {
        var error = Assert.Throws<DomainException>(act);
        Assert.Equal(code, error.Code);
        Assert.False(string.IsNullOrWhiteSpace(error.MessageRu));
        Assert.False(string.IsNullOrWhiteSpace(error.MessageEn));
        return error;
    }
}
