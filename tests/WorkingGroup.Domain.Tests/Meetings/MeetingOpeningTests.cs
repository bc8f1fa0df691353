using WorkingGroup.Domain.Attendance;
using WorkingGroup.Domain.Composition;
using WorkingGroup.Domain.Meetings;
using WorkingGroup.Domain.Tests.Support;

namespace WorkingGroup.Domain.Tests.Meetings;

public sealed class MeetingOpeningTests
{
    private readonly Group _group = new();
    private readonly Meeting _meeting;

    public MeetingOpeningTests()
    {
        _meeting = Support.Meetings.PackageDistributed(_group);
        _group.Clock.SetUtcNow(Support.Meetings.InAlmaty().StartsAt);
    }

    private void Mark(Guid person, Presence presence) => _meeting.RecordAttendance(person, presence, _group.As(_group.KzSecretary));

    private void MarkAllPresent()
    {
        Support.Meetings.MarkAll(_group, _meeting, Side.RU, Presence.PresentInPerson);
        Support.Meetings.MarkAll(_group, _meeting, Side.KZ, Presence.PresentInPerson);
    }

    [Fact]
    public void Meeting_R3_7_opens_with_exactly_half_of_each_side_present()
    {
        foreach (var side in new[] { Side.RU, Side.KZ })
        {
            var everyone = _group.Everyone(side);
            foreach (var person in everyone.Take(3))
            {
                Mark(person, Presence.PresentInPerson);
            }

            foreach (var person in everyone.Skip(3))
            {
                Mark(person, Presence.Absent);
            }
        }

        _meeting.Open(_group.As(_group.RuCoChair));

        Assert.Equal(MeetingState.InSession, _meeting.State);
        Assert.Equal(3, _meeting.QuorumAtOpening!.Kz.Present);
        Assert.True(_meeting.QuorumAtOpening.IsReached);
    }

    [Fact]
    public void Meeting_cannot_open_when_KZ_side_is_below_half()
    {
        // RU all six, KZ only co-chair and one member: 8 of 12 overall, KZ 2 of 6.
        Support.Meetings.MarkAll(_group, _meeting, Side.RU, Presence.PresentInPerson);
        Mark(_group.KzCoChair, Presence.PresentRemotely);
        Mark(_group.KzMembers[0], Presence.PresentInPerson);

        var error = Refusal.Expect("quorum.not_reached", () => _meeting.Open(_group.As(_group.RuCoChair)));

        Assert.Contains("KZ 2 of 6", error.MessageEn, StringComparison.Ordinal);
        Assert.Equal(MeetingState.PackageDistributed, _meeting.State);
        Assert.Null(_meeting.QuorumAtOpening);
    }

    [Fact]
    public void Meeting_cannot_open_when_RU_side_is_below_half()
    {
        Support.Meetings.MarkAll(_group, _meeting, Side.KZ, Presence.PresentInPerson);
        Mark(_group.RuCoChair, Presence.PresentInPerson);
        Mark(_group.RuMembers[0], Presence.PresentInPerson);

        Refusal.Expect("quorum.not_reached", () => _meeting.Open(_group.As(_group.KzCoChair)));
    }

    [Fact]
    public void Meeting_R3_7_written_opinions_do_not_make_up_a_quorum()
    {
        Support.Meetings.MarkAll(_group, _meeting, Side.RU, Presence.PresentInPerson);
        Mark(_group.KzCoChair, Presence.PresentInPerson);
        Mark(_group.KzSecretary, Presence.PresentInPerson);
        Mark(_group.KzMembers[0], Presence.Absent);
        _meeting.FileWrittenOpinion(_meeting.AgendaItems[0].Id, "I support the draft.", _group.As(_group.KzMembers[0]));

        Refusal.Expect("quorum.not_reached", () => _meeting.Open(_group.As(_group.RuCoChair)));
    }

    [Fact]
    public void Meeting_R3_6_cannot_open_without_the_chair_of_each_side_present()
    {
        // KZ is quorate (deputy, secretary, members) but its co-chair is not recorded and so not absent: nobody chairs for KZ.
        Support.Meetings.MarkAll(_group, _meeting, Side.RU, Presence.PresentInPerson);
        foreach (var person in _group.Everyone(Side.KZ).Where(p => p != _group.KzCoChair))
        {
            Mark(person, Presence.PresentInPerson);
        }

        Refusal.Expect("meeting.chair_of_each_side_required", () => _meeting.Open(_group.As(_group.RuCoChair)));
    }

    [Fact]
    public void Meeting_R3_3_opens_with_the_deputy_chairing_for_a_co_chair_recorded_absent()
    {
        Support.Meetings.MarkAll(_group, _meeting, Side.RU, Presence.PresentInPerson);
        Support.Meetings.MarkAll(_group, _meeting, Side.KZ, Presence.PresentInPerson);
        Mark(_group.KzCoChair, Presence.Absent);

        _meeting.Open(_group.As(_group.KzDeputy));

        Assert.Equal(MeetingState.InSession, _meeting.State);
    }

    [Fact]
    public void Meeting_R3_2_is_opened_by_a_co_chair_not_a_secretary()
    {
        MarkAllPresent();

        Refusal.Expect("actor.not_acting_co_chair", () => _meeting.Open(_group.As(_group.RuSecretary)));
    }

    [Fact]
    public void Meeting_R3_2_is_not_opened_by_the_deputy_while_the_co_chair_is_present()
    {
        MarkAllPresent();

        Refusal.Expect("actor.not_acting_co_chair", () => _meeting.Open(_group.As(_group.RuDeputy)));
    }

    [Fact]
    public void Meeting_cannot_open_before_its_package_is_distributed()
    {
        var group = new Group();
        var meeting = Support.Meetings.CollectingMaterials(group);

        Refusal.Expect("meeting.transition_not_allowed", () => meeting.Open(group.As(group.RuCoChair)));
    }

    [Fact]
    public void Meeting_R3_7_keeps_the_quorum_snapshot_taken_at_opening()
    {
        MarkAllPresent();

        _meeting.Open(_group.As(_group.RuCoChair));
        Mark(_group.KzMembers[0], Presence.Absent);

        Assert.Equal(6, _meeting.QuorumAtOpening!.Kz.Present);
        Assert.Equal(_group.Clock.GetUtcNow(), _meeting.QuorumAtOpening.TakenAt);
    }
}
