using WorkingGroup.Domain.Attendance;
using WorkingGroup.Domain.Composition;

namespace WorkingGroup.Domain.Tests.Attendance;

public sealed class QuorumTests
{
    [Fact]
    public void Quorum_R3_7_is_reached_exactly_when_at_least_half_attend_for_every_side_size_up_to_60()
    {
        for (var members = 1; members <= 60; members++)
        {
            for (var present = 0; present <= members; present++)
            {
                var atLeastHalf = 2 * present >= members;
                Assert.True(atLeastHalf == Quorum.IsReached(members, present), $"N={members}, present={present}");
            }
        }
    }

    [Theory]
    [InlineData(6, 3, true)]
    [InlineData(6, 2, false)]
    [InlineData(7, 4, true)]
    [InlineData(7, 3, false)]
    [InlineData(1, 1, true)]
    [InlineData(1, 0, false)]
    [InlineData(2, 1, true)]
    [InlineData(3, 1, false)]
    public void Quorum_R3_7_requires_ceil_of_half(int members, int present, bool reached)
    {
        Assert.Equal(reached, Quorum.IsReached(members, present));
        Assert.Equal((members + 1) / 2, Quorum.Required(members));
    }

    [Fact]
    public void Quorum_R3_7_exactly_half_present_on_one_side_is_quorate()
    {
        var snapshot = new QuorumSnapshot(new SideQuorum(Side.RU, 6, 6), new SideQuorum(Side.KZ, 6, 3), DateTimeOffset.UnixEpoch);

        Assert.True(snapshot.IsReached);
    }

    [Fact]
    public void Quorum_R3_7_fails_when_one_side_is_one_below_half_even_with_a_large_overall_majority()
    {
        // 6 + 2 of 12 attend: two thirds overall, but KZ has 2 of 6 where 3 are needed.
        var snapshot = new QuorumSnapshot(new SideQuorum(Side.RU, 6, 6), new SideQuorum(Side.KZ, 6, 2), DateTimeOffset.UnixEpoch);

        Assert.False(snapshot.IsReached);
        Assert.False(snapshot.Kz.IsReached);
        Assert.Equal(3, snapshot.Kz.Required);
    }

    [Fact]
    public void Quorum_R3_7_is_never_reached_by_a_side_with_nobody_in_it()
    {
        Assert.False(Quorum.IsReached(0, 0));
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(3, -1)]
    [InlineData(3, 4)]
    public void Quorum_refuses_impossible_counts(int members, int present)
    {
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => Quorum.IsReached(members, present));
    }
}
