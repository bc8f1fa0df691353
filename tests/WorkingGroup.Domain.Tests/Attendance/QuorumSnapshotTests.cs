using WorkingGroup.Domain.Attendance;
using WorkingGroup.Domain.Composition;
using WorkingGroup.Domain.Tests.Support;

namespace WorkingGroup.Domain.Tests.Attendance;

public sealed class QuorumSnapshotTests
{
    private readonly Group _group = new();

    private QuorumSnapshot Take(params AttendanceRecord[] records) =>
        QuorumSnapshot.Take(_group.Composition, _group.Clock.GetUtcNow(), records, _group.Clock.GetUtcNow());

    private AttendanceRecord Present(Guid person, Side side, Presence presence = Presence.PresentInPerson) =>
        new(person, side, presence, _group.Clock.GetUtcNow());

    [Fact]
    public void Quorum_R3_7_counts_the_whole_composition_of_each_side_including_co_chair_deputy_and_secretary()
    {
        var snapshot = Take();

        Assert.Equal(6, snapshot.Ru.Members);
        Assert.Equal(6, snapshot.Kz.Members);
        Assert.Equal(0, snapshot.Ru.Present);
    }

    [Fact]
    public void Quorum_R3_7_counts_remote_participants_as_present()
    {
        var snapshot = Take([.. _group.Everyone(Side.KZ).Take(3).Select(p => Present(p, Side.KZ, Presence.PresentRemotely))]);

        Assert.Equal(3, snapshot.Kz.Present);
        Assert.True(snapshot.Kz.IsReached);
    }

    [Fact]
    public void Quorum_R3_7_does_not_count_absent_members_even_with_a_written_opinion()
    {
        var snapshot = Take(
            Present(_group.RuMembers[0], Side.RU, Presence.Absent),
            Present(_group.RuMembers[1], Side.RU));

        Assert.Equal(1, snapshot.Ru.Present);
    }

    [Fact]
    public void Quorum_R3_7_does_not_count_people_outside_the_composition()
    {
        var snapshot = Take(Present(_group.Outsider, Side.RU), Present(_group.RuMembers[0], Side.RU));

        Assert.Equal(1, snapshot.Ru.Present);
        Assert.Equal(6, snapshot.Ru.Members);
    }

    [Fact]
    public void Quorum_R3_7_counts_a_person_for_the_side_of_their_composition_whatever_the_record_says()
    {
        var snapshot = Take(Present(_group.KzMembers[0], Side.RU));

        Assert.Equal(0, snapshot.Ru.Present);
        Assert.Equal(1, snapshot.Kz.Present);
    }

    [Fact]
    public void Quorum_R3_7_takes_the_composition_on_the_meeting_date()
    {
        var change = _group.Composition.ProposeChange(
            Side.RU, [CompositionChangeItem.Join(Guid.NewGuid(), "New RU member", MemberRole.Member)], _group.RuSecretary, _group.Clock);
        var beforeChange = _group.Clock.GetUtcNow();
        _group.Clock.Advance(TimeSpan.FromDays(1));
        _group.Composition.ApproveChange(change.Id, _group.RuCoChair, _group.Clock);

        var before = QuorumSnapshot.Take(_group.Composition, beforeChange, [], beforeChange);
        var after = QuorumSnapshot.Take(_group.Composition, _group.Clock.GetUtcNow(), [], beforeChange);

        Assert.Equal(6, before.Ru.Members);
        Assert.Equal(7, after.Ru.Members);
    }
}
