using WorkingGroup.Domain.Composition;
using WorkingGroup.Domain.Tests.Support;

namespace WorkingGroup.Domain.Tests.Composition;

public sealed class CompositionChangeTests
{
    private readonly Group _group = new();
    private readonly Guid _newcomer = Guid.NewGuid();

    private CompositionChange ProposeNewKzMember() =>
        _group.Composition.ProposeChange(
            Side.KZ, [CompositionChangeItem.Join(_newcomer, "Newcomer", MemberRole.Member)], _group.KzSecretary, _group.Clock);

    private DateTimeOffset Now => _group.Clock.GetUtcNow();

    [Fact]
    public void Composition_change_R1_5_is_pending_and_has_no_effect_until_approved()
    {
        var change = ProposeNewKzMember();

        Assert.Equal(CompositionChangeState.Pending, change.State);
        Assert.Null(_group.Composition.MembershipOf(_newcomer, Now));
    }

    [Fact]
    public void Composition_change_R1_5_takes_effect_when_the_side_co_chair_approves()
    {
        var change = ProposeNewKzMember();

        _group.Composition.ApproveChange(change.Id, _group.KzCoChair, _group.Clock);

        Assert.Equal(CompositionChangeState.Approved, change.State);
        Assert.Equal(Side.KZ, _group.Composition.MembershipOf(_newcomer, Now)!.Side);
        Assert.Equal(_group.KzCoChair, change.DecidedBy);
    }

    [Fact]
    public void Composition_change_R1_5_cannot_be_approved_by_the_other_side_co_chair()
    {
        var change = ProposeNewKzMember();

        Refusal.Expect("composition.approver_not_side_co_chair", () => _group.Composition.ApproveChange(change.Id, _group.RuCoChair, _group.Clock));
        Assert.Equal(CompositionChangeState.Pending, change.State);
    }

    [Fact]
    public void Composition_change_R1_5_cannot_be_approved_by_the_secretary()
    {
        var change = ProposeNewKzMember();

        Refusal.Expect("composition.approver_not_side_co_chair", () => _group.Composition.ApproveChange(change.Id, _group.KzSecretary, _group.Clock));
    }

    [Fact]
    public void Composition_change_R1_5_cannot_be_approved_by_the_deputy_while_the_co_chair_is_present()
    {
        var change = ProposeNewKzMember();

        Refusal.Expect("composition.approver_not_side_co_chair", () => _group.Composition.ApproveChange(change.Id, _group.KzDeputy, _group.Clock));
    }

    [Fact]
    public void Composition_change_R3_3_is_approved_by_the_deputy_while_the_co_chair_is_absent()
    {
        var change = ProposeNewKzMember();
        _group.Composition.RecordAbsence(_group.KzCoChair, Now, Now.AddDays(7), _group.KzSecretary, _group.Clock);

        _group.Composition.ApproveChange(change.Id, _group.KzDeputy, _group.Clock);

        Assert.Equal(CompositionChangeState.Approved, change.State);
    }

    [Fact]
    public void Composition_change_cannot_be_approved_twice()
    {
        var change = ProposeNewKzMember();
        _group.Composition.ApproveChange(change.Id, _group.KzCoChair, _group.Clock);

        Refusal.Expect("composition_change.transition_not_allowed", () => _group.Composition.ApproveChange(change.Id, _group.KzCoChair, _group.Clock));
    }

    [Fact]
    public void Composition_change_R1_5_is_rejected_by_the_side_co_chair_with_a_reason()
    {
        var change = ProposeNewKzMember();

        _group.Composition.RejectChange(change.Id, _group.KzCoChair, "Not nominated by the ministry", _group.Clock);

        Assert.Equal(CompositionChangeState.Rejected, change.State);
        Assert.Null(_group.Composition.MembershipOf(_newcomer, Now));
        Refusal.Expect("composition_change.transition_not_allowed", () => _group.Composition.ApproveChange(change.Id, _group.KzCoChair, _group.Clock));
    }

    [Fact]
    public void Composition_change_rejection_needs_a_reason()
    {
        var change = ProposeNewKzMember();

        Refusal.Expect("request.text_required", () => _group.Composition.RejectChange(change.Id, _group.KzCoChair, " ", _group.Clock));
    }

    [Fact]
    public void Composition_change_rejection_is_for_the_side_co_chair_only()
    {
        var change = ProposeNewKzMember();

        Refusal.Expect("composition.approver_not_side_co_chair", () => _group.Composition.RejectChange(change.Id, _group.RuCoChair, "no", _group.Clock));
    }

    [Fact]
    public void Composition_change_R1_5_is_proposed_from_within_the_side()
    {
        Refusal.Expect("composition.proposer_not_of_side", () => _group.Composition.ProposeChange(
            Side.KZ, [CompositionChangeItem.Join(_newcomer, "Newcomer", MemberRole.Member)], _group.RuSecretary, _group.Clock));
    }

    [Fact]
    public void Composition_change_R3_1_that_removes_the_only_secretary_is_refused_when_proposed()
    {
        Refusal.Expect("composition.one_co_chair_deputy_secretary_per_side", () => _group.Composition.ProposeChange(
            Side.RU, [CompositionChangeItem.Leave(_group.RuSecretary)], _group.RuCoChair, _group.Clock));
    }

    [Fact]
    public void Composition_change_R3_1_that_adds_a_second_deputy_is_refused_when_proposed()
    {
        Refusal.Expect("composition.one_co_chair_deputy_secretary_per_side", () => _group.Composition.ProposeChange(
            Side.RU, [CompositionChangeItem.Join(_newcomer, "Second deputy", MemberRole.DeputyCoChair)], _group.RuCoChair, _group.Clock));
    }

    [Fact]
    public void Composition_change_R3_1_replacing_the_secretary_in_one_change_is_lawful()
    {
        var change = _group.Composition.ProposeChange(
            Side.RU,
            [CompositionChangeItem.Leave(_group.RuSecretary), CompositionChangeItem.Join(_newcomer, "New secretary", MemberRole.ExecutiveSecretary)],
            _group.RuCoChair,
            _group.Clock);
        _group.Clock.Advance(TimeSpan.FromHours(1));

        _group.Composition.ApproveChange(change.Id, _group.RuCoChair, _group.Clock);

        Assert.Equal(MemberRole.ExecutiveSecretary, _group.Composition.MembershipOf(_newcomer, Now)!.Role);
        Assert.Null(_group.Composition.MembershipOf(_group.RuSecretary, Now));
        Assert.NotNull(_group.Composition.MembershipOf(_group.RuSecretary, Group.Start));
    }

    [Fact]
    public void Composition_change_R3_1_is_checked_again_at_approval_against_the_composition_then()
    {
        var first = _group.Composition.ProposeChange(
            Side.RU, [CompositionChangeItem.Leave(_group.RuDeputy), CompositionChangeItem.Join(_newcomer, "Deputy A", MemberRole.DeputyCoChair)],
            _group.RuCoChair, _group.Clock);
        var second = _group.Composition.ProposeChange(
            Side.RU, [CompositionChangeItem.Leave(_group.RuDeputy), CompositionChangeItem.Join(Guid.NewGuid(), "Deputy B", MemberRole.DeputyCoChair)],
            _group.RuCoChair, _group.Clock);
        _group.Composition.ApproveChange(first.Id, _group.RuCoChair, _group.Clock);

        Refusal.Expect("composition.change_does_not_fit", () => _group.Composition.ApproveChange(second.Id, _group.RuCoChair, _group.Clock));
        Assert.Equal(CompositionChangeState.Pending, second.State);
    }

    [Fact]
    public void Composition_change_cannot_add_someone_already_in_the_composition()
    {
        Refusal.Expect("composition.change_does_not_fit", () => _group.Composition.ProposeChange(
            Side.KZ, [CompositionChangeItem.Join(_group.RuMembers[0], "Moves sides", MemberRole.Member)], _group.KzSecretary, _group.Clock));
    }

    [Fact]
    public void Composition_change_unknown_id_is_refused()
    {
        Refusal.Expect("composition_change.not_found", () => _group.Composition.ApproveChange(Guid.NewGuid(), _group.KzCoChair, _group.Clock));
    }

    [Fact]
    public void Composition_change_with_nothing_in_it_is_refused()
    {
        Refusal.Expect("composition.change_empty", () => _group.Composition.ProposeChange(Side.KZ, [], _group.KzSecretary, _group.Clock));
    }
}
