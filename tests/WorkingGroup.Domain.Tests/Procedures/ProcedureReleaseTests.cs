using WorkingGroup.Domain.Composition;
using WorkingGroup.Domain.Procedures;
using WorkingGroup.Domain.Tests.Support;

namespace WorkingGroup.Domain.Tests.Procedures;

public sealed class ProcedureReleaseTests
{
    private readonly Group _group = new();
    private readonly ProcedureRelease _release;

    public ProcedureReleaseTests()
    {
        _release = ProcedureRelease.Request("meeting-preparation", 3, Guid.NewGuid(), _group.Clock);
    }

    [Fact]
    public void Procedure_release_R1_4_awaits_approval_and_may_not_be_published()
    {
        Assert.Equal((ProcedureReleaseState.AwaitingApproval, false), (_release.State, _release.MayBePublished));
    }

    [Fact]
    public void Procedure_release_R1_4_approved_by_one_co_chair_still_may_not_be_published()
    {
        _release.Approve(_group.As(_group.RuCoChair));

        Assert.Equal((ProcedureReleaseState.AwaitingApproval, false), (_release.State, _release.MayBePublished));
    }

    [Fact]
    public void Procedure_release_R1_4_approved_by_both_co_chairs_may_be_published()
    {
        _release.Approve(_group.As(_group.KzCoChair));
        _release.Approve(_group.As(_group.RuCoChair));

        Assert.True(_release.MayBePublished);
        Assert.Equal([Side.KZ, Side.RU], _release.Approvals.Select(a => a.Side));
    }

    [Fact]
    public void Procedure_release_R1_4_is_not_approved_twice_by_one_side_nor_by_non_co_chairs()
    {
        _release.Approve(_group.As(_group.RuCoChair));

        Refusal.Expect("procedure_release.already_approved_by_side", () => _release.Approve(_group.As(_group.RuCoChair)));
        Refusal.Expect("actor.not_acting_co_chair", () => _release.Approve(_group.As(_group.KzSecretary)));
        Refusal.Expect("actor.not_acting_co_chair", () => _release.Approve(_group.As(_group.Outsider)));
    }

    [Fact]
    public void Procedure_release_R1_4_rejected_with_a_reason_is_never_published()
    {
        Refusal.Expect("request.text_required", () => _release.Reject(" ", _group.As(_group.KzCoChair)));
        _release.Reject("Deadline step removed", _group.As(_group.KzCoChair));

        Assert.Equal((ProcedureReleaseState.Rejected, false), (_release.State, _release.MayBePublished));
        Refusal.Expect("procedure_release.transition_not_allowed", () => _release.Approve(_group.As(_group.RuCoChair)));
    }

    [Fact]
    public void Procedure_release_needs_a_definition_and_a_positive_version()
    {
        Refusal.Expect("request.text_required", () => ProcedureRelease.Request(" ", 1, Guid.NewGuid(), _group.Clock));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProcedureRelease.Request("x", 0, Guid.NewGuid(), _group.Clock));
    }
}
