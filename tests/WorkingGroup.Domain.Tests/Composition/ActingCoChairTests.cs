using WorkingGroup.Domain.Composition;
using WorkingGroup.Domain.Tests.Support;

namespace WorkingGroup.Domain.Tests.Composition;

public sealed class ActingCoChairTests
{
    private readonly Group _group = new();

    private DateTimeOffset Now => _group.Clock.GetUtcNow();

    [Fact]
    public void Acting_co_chair_R3_3_is_the_co_chair_when_present()
    {
        var acting = _group.Composition.ActingCoChair(Side.RU, Now);

        Assert.Equal(new ActingCoChair(_group.RuCoChair, Side.RU, null), acting);
        Assert.False(acting!.IsDeputy);
    }

    [Fact]
    public void Acting_co_chair_R3_3_is_the_deputy_acting_for_the_co_chair_during_a_dated_absence()
    {
        _group.Composition.RecordAbsence(_group.RuCoChair, Now.AddDays(1), Now.AddDays(3), _group.RuCoChair, _group.Clock);

        var acting = _group.Composition.ActingCoChair(Side.RU, Now.AddDays(2));

        Assert.Equal(new ActingCoChair(_group.RuDeputy, Side.RU, _group.RuCoChair), acting);
        Assert.True(acting!.IsDeputy);
    }

    [Fact]
    public void Acting_co_chair_R3_3_dated_absence_is_half_open_start_included_end_excluded()
    {
        var from = Now.AddDays(1);
        var until = Now.AddDays(3);
        _group.Composition.RecordAbsence(_group.KzCoChair, from, until, _group.KzSecretary, _group.Clock);

        Assert.Equal(_group.KzCoChair, _group.Composition.ActingCoChair(Side.KZ, from.AddTicks(-1))!.PersonId);
        Assert.Equal(_group.KzDeputy, _group.Composition.ActingCoChair(Side.KZ, from)!.PersonId);
        Assert.Equal(_group.KzDeputy, _group.Composition.ActingCoChair(Side.KZ, until.AddTicks(-1))!.PersonId);
        Assert.Equal(_group.KzCoChair, _group.Composition.ActingCoChair(Side.KZ, until)!.PersonId);
    }

    [Fact]
    public void Acting_co_chair_R3_3_is_the_deputy_when_the_co_chair_is_recorded_absent_at_the_meeting()
    {
        var acting = _group.Composition.ActingCoChair(Side.KZ, Now, [_group.KzCoChair]);

        Assert.Equal(new ActingCoChair(_group.KzDeputy, Side.KZ, _group.KzCoChair), acting);
    }

    [Fact]
    public void Acting_co_chair_R3_3_absence_of_one_side_does_not_affect_the_other()
    {
        Assert.Equal(_group.RuCoChair, _group.Composition.ActingCoChair(Side.RU, Now, [_group.KzCoChair])!.PersonId);
    }

    [Fact]
    public void Acting_co_chair_R3_3_is_nobody_when_co_chair_and_deputy_are_both_away()
    {
        Assert.Null(_group.Composition.ActingCoChair(Side.RU, Now, [_group.RuCoChair, _group.RuDeputy]));
    }

    [Fact]
    public void Identify_R3_3_gives_the_deputy_co_chair_powers_only_while_acting()
    {
        var present = _group.Composition.Identify(_group.RuDeputy, Now);
        var acting = _group.Composition.Identify(_group.RuDeputy, Now, [_group.RuCoChair]);

        Assert.False(present.IsActingCoChair);
        Assert.True(acting.IsActingCoChair);
        Assert.Equal(_group.RuCoChair, acting.ActingFor);
        Assert.False(_group.Composition.Identify(_group.RuCoChair, Now, [_group.RuCoChair]).IsActingCoChair);
    }

    [Fact]
    public void Identify_gives_a_person_outside_the_composition_no_side_and_no_powers()
    {
        var outsider = _group.Composition.Identify(_group.Outsider, Now);

        Assert.Null(outsider.Side);
        Assert.False(outsider.IsMember);
        Assert.False(outsider.IsActingCoChair);
    }

    [Fact]
    public void Absence_is_recorded_by_the_person_or_an_officer_of_their_side_only()
    {
        Refusal.Expect("composition.absence_recorder_not_entitled",
            () => _group.Composition.RecordAbsence(_group.RuCoChair, Now, Now.AddDays(1), _group.KzSecretary, _group.Clock));
        Refusal.Expect("composition.absence_recorder_not_entitled",
            () => _group.Composition.RecordAbsence(_group.RuCoChair, Now, Now.AddDays(1), _group.RuMembers[0], _group.Clock));
        Assert.Empty(_group.Composition.Absences);
    }

    [Fact]
    public void Absence_must_end_after_it_starts()
    {
        Refusal.Expect("composition.absence_period_invalid",
            () => _group.Composition.RecordAbsence(_group.RuCoChair, Now, Now, _group.RuCoChair, _group.Clock));
    }

    [Fact]
    public void Absence_of_someone_outside_the_composition_is_refused()
    {
        Refusal.Expect("composition.not_a_member",
            () => _group.Composition.RecordAbsence(_group.Outsider, Now, Now.AddDays(1), _group.RuSecretary, _group.Clock));
    }
}
