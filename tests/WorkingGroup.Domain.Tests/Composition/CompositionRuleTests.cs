using WorkingGroup.Domain.Composition;
using WorkingGroup.Domain.Tests.Support;

namespace WorkingGroup.Domain.Tests.Composition;

public sealed class CompositionRuleTests
{
    private readonly Group _group = new();

    private static FoundingMember[] SideOf(Side side, params MemberRole[] roles) =>
        [.. roles.Select(r => new FoundingMember(Guid.NewGuid(), r.ToString(), side, r))];

    private static readonly MemberRole[] Lawful = [MemberRole.CoChair, MemberRole.DeputyCoChair, MemberRole.ExecutiveSecretary, MemberRole.Member];

    [Fact]
    public void Composition_R3_1_is_established_with_one_co_chair_deputy_and_secretary_per_side()
    {
        var composition = GroupComposition.Establish([.. SideOf(Side.RU, Lawful), .. SideOf(Side.KZ, Lawful)], _group.Clock);

        Assert.Equal(4, composition.MembersOf(Side.KZ, _group.Clock.GetUtcNow()).Count);
    }

    [Theory]
    [InlineData(MemberRole.CoChair)]
    [InlineData(MemberRole.DeputyCoChair)]
    [InlineData(MemberRole.ExecutiveSecretary)]
    public void Composition_R3_1_is_refused_when_a_side_lacks_a_position(MemberRole missing)
    {
        var kz = SideOf(Side.KZ, [.. Lawful.Where(r => r != missing)]);

        Refusal.Expect("composition.one_co_chair_deputy_secretary_per_side",
            () => GroupComposition.Establish([.. SideOf(Side.RU, Lawful), .. kz], _group.Clock));
    }

    [Theory]
    [InlineData(MemberRole.CoChair)]
    [InlineData(MemberRole.DeputyCoChair)]
    [InlineData(MemberRole.ExecutiveSecretary)]
    public void Composition_R3_1_is_refused_when_a_side_has_two_of_a_position(MemberRole doubled)
    {
        var ru = SideOf(Side.RU, [.. Lawful, doubled]);

        Refusal.Expect("composition.one_co_chair_deputy_secretary_per_side",
            () => GroupComposition.Establish([.. ru, .. SideOf(Side.KZ, Lawful)], _group.Clock));
    }

    [Fact]
    public void Composition_R3_1_refuses_one_person_in_two_places()
    {
        var ru = SideOf(Side.RU, Lawful);
        var kz = SideOf(Side.KZ, Lawful);
        kz[3] = kz[3] with { PersonId = ru[3].PersonId };

        Refusal.Expect("composition.person_holds_one_place", () => GroupComposition.Establish([.. ru, .. kz], _group.Clock));
    }

    [Fact]
    public void Roles_have_the_stable_names_the_server_uses()
    {
        Assert.Equal(
            ["Administrator", "CoChair", "DeputyCoChair", "ExecutiveSecretary", "Member", "Expert", "Observer"],
            [Roles.Administrator, Roles.CoChair, Roles.DeputyCoChair, Roles.ExecutiveSecretary, Roles.Member, Roles.Expert, Roles.Observer]);
        Assert.Equal(Roles.Composition, Enum.GetValues<MemberRole>().Select(Roles.Of));
        Assert.Equal(7, Roles.All.Count);
        Assert.Equal([Roles.Expert, Roles.Observer], Roles.All.Where(Roles.IsGuest));
    }
}
