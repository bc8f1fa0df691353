using WorkingGroup.Domain.Composition;
using WorkingGroup.Domain.Decisions;
using WorkingGroup.Domain.Tests.Support;

namespace WorkingGroup.Domain.Tests.Decisions;

public sealed class AssignmentTests
{
    private readonly Group _group = new();
    private readonly Decision _decision;
    private readonly Assignment _assignment;

    public AssignmentTests()
    {
        var meeting = Support.Meetings.InSession(_group);
        _decision = Decision.Record(meeting, meeting.AgendaItems[0].Id, "Recommend", _group.As(_group.RuSecretary));
        _assignment = _decision.AssignToMember(Executor, Now.AddDays(30), "Comparative table", _group.As(_group.RuCoChair));
    }

    private Guid Executor => _group.KzMembers[0];

    private DateTimeOffset Now => _group.Clock.GetUtcNow();

    private void Reported()
    {
        _assignment.Start(_group.As(Executor));
        _assignment.SubmitReport("Table attached", _group.As(Executor));
    }

    [Fact]
    public void Assignment_is_started_by_its_executor()
    {
        Refusal.Expect("assignment.not_executor", () => _assignment.Start(_group.As(_group.KzMembers[1])));
        _assignment.Start(_group.As(Executor));

        Assert.Equal(AssignmentState.InProgress, _assignment.State);
    }

    [Fact]
    public void Assignment_report_is_submitted_by_the_executor_from_assigned_or_in_progress()
    {
        _assignment.SubmitReport("Done at once", _group.As(Executor));

        Assert.Equal((AssignmentState.ReportSubmitted, "Done at once"), (_assignment.State, _assignment.Report));
    }

    [Fact]
    public void Assignment_report_needs_text()
    {
        Refusal.Expect("request.text_required", () => _assignment.SubmitReport(" ", _group.As(Executor)));
    }

    [Fact]
    public void Assignment_R3_4_report_is_verified_by_the_secretary_of_the_executor_side()
    {
        Reported();

        Refusal.Expect("assignment.not_executor_side_secretary", () => _assignment.Verify(_group.As(_group.RuSecretary)));
        Refusal.Expect("assignment.not_executor_side_secretary", () => _assignment.Verify(_group.As(_group.KzCoChair)));
        _assignment.Verify(_group.As(_group.KzSecretary));

        Assert.Equal(AssignmentState.Verified, _assignment.State);
    }

    [Fact]
    public void Assignment_R3_4_report_is_returned_with_a_reason_and_the_executor_resumes()
    {
        Reported();

        Refusal.Expect("request.text_required", () => _assignment.Return("", _group.As(_group.KzSecretary)));
        _assignment.Return("Table lacks KZ data", _group.As(_group.KzSecretary));
        Assert.Equal((AssignmentState.Returned, "Table lacks KZ data"), (_assignment.State, _assignment.Reason));

        _assignment.Start(_group.As(Executor));
        Assert.Equal(AssignmentState.InProgress, _assignment.State);
    }

    [Fact]
    public void Assignment_returned_report_can_be_resubmitted_directly()
    {
        Reported();
        _assignment.Return("Fix", _group.As(_group.KzSecretary));

        _assignment.SubmitReport("Fixed", _group.As(Executor));

        Assert.Equal(AssignmentState.ReportSubmitted, _assignment.State);
    }

    [Fact]
    public void Assignment_is_not_verified_before_a_report_nor_reported_after_verification()
    {
        Refusal.Expect("assignment.transition_not_allowed", () => _assignment.Verify(_group.As(_group.KzSecretary)));
        Reported();
        _assignment.Verify(_group.As(_group.KzSecretary));

        Refusal.Expect("assignment.transition_not_allowed", () => _assignment.SubmitReport("again", _group.As(Executor)));
        Refusal.Expect("assignment.transition_not_allowed", () => _assignment.Cancel("late", _group.As(_group.KzCoChair)));
    }

    [Fact]
    public void Assignment_R3_2_is_extended_by_a_co_chair_with_a_reason_keeping_history()
    {
        var previous = _assignment.DueAt;
        var newDue = previous.AddDays(14);

        _assignment.Extend(newDue, "Statistics are published later", _group.As(_group.KzCoChair));

        Assert.Equal(newDue, _assignment.DueAt);
        Assert.Equal(AssignmentState.Assigned, _assignment.State);
        var extension = Assert.Single(_assignment.Extensions);
        Assert.Equal((previous, newDue, "Statistics are published later"), (extension.PreviousDueAt, extension.NewDueAt, extension.Reason));
    }

    [Fact]
    public void Assignment_extension_needs_a_co_chair_a_reason_and_a_later_date()
    {
        var later = _assignment.DueAt.AddDays(1);

        Refusal.Expect("actor.not_acting_co_chair", () => _assignment.Extend(later, "r", _group.As(_group.KzSecretary)));
        Refusal.Expect("request.text_required", () => _assignment.Extend(later, " ", _group.As(_group.KzCoChair)));
        Refusal.Expect("assignment.due_date_not_ahead", () => _assignment.Extend(_assignment.DueAt, "r", _group.As(_group.KzCoChair)));
    }

    [Fact]
    public void Assignment_past_due_is_extended_to_a_date_ahead_of_now()
    {
        _group.Clock.Advance(TimeSpan.FromDays(40));

        Refusal.Expect("assignment.due_date_not_ahead", () => _assignment.Extend(_assignment.DueAt.AddDays(5), "r", _group.As(_group.KzCoChair)));
        _assignment.Extend(Now.AddDays(5), "r", _group.As(_group.KzCoChair));

        Assert.False(_assignment.IsOverdue(_group.Clock));
    }

    [Fact]
    public void Assignment_with_a_submitted_report_awaits_verification_and_cannot_be_extended()
    {
        Reported();

        Refusal.Expect("assignment.transition_not_allowed", () => _assignment.Extend(_assignment.DueAt.AddDays(1), "r", _group.As(_group.KzCoChair)));
    }

    [Fact]
    public void Assignment_R3_2_is_cancelled_by_a_co_chair_with_a_reason()
    {
        Refusal.Expect("actor.not_acting_co_chair", () => _assignment.Cancel("r", _group.As(Executor)));
        Refusal.Expect("request.text_required", () => _assignment.Cancel("", _group.As(_group.RuCoChair)));
        _assignment.Cancel("Superseded by decision 2", _group.As(_group.RuCoChair));

        Assert.Equal((AssignmentState.Cancelled, "Superseded by decision 2"), (_assignment.State, _assignment.Reason));
        Refusal.Expect("assignment.transition_not_allowed", () => _assignment.Start(_group.As(Executor)));
    }

    [Fact]
    public void Assignment_overdue_is_derived_from_the_clock_after_the_due_instant()
    {
        _group.Clock.SetUtcNow(_assignment.DueAt);
        Assert.False(_assignment.IsOverdue(_group.Clock));

        _group.Clock.Advance(TimeSpan.FromTicks(1));

        Assert.True(_assignment.IsOverdue(_group.Clock));
    }

    [Fact]
    public void Assignment_with_an_unverified_report_past_due_is_still_overdue()
    {
        Reported();
        _group.Clock.Advance(TimeSpan.FromDays(31));

        Assert.True(_assignment.IsOverdue(_group.Clock));
    }

    [Fact]
    public void Assignment_verified_or_cancelled_is_never_overdue()
    {
        Reported();
        _assignment.Verify(_group.As(_group.KzSecretary));
        var cancelled = _decision.AssignToMember(Executor, Now.AddDays(1), "r", _group.As(_group.RuCoChair));
        cancelled.Cancel("r", _group.As(_group.RuCoChair));

        _group.Clock.Advance(TimeSpan.FromDays(365));

        Assert.False(_assignment.IsOverdue(_group.Clock));
        Assert.False(cancelled.IsOverdue(_group.Clock));
    }

    [Fact]
    public void Assignment_to_a_body_is_reported_by_a_member_of_that_side_and_verified_by_its_secretary()
    {
        var toBody = _decision.AssignToBody(Side.RU, "Ministry of Labour", Now.AddDays(10), "Draft law", _group.As(_group.KzCoChair));

        Refusal.Expect("assignment.not_executor", () => toBody.SubmitReport("r", _group.As(_group.KzMembers[0])));
        Refusal.Expect("assignment.not_executor", () => toBody.SubmitReport("r", _group.As(_group.Outsider)));
        toBody.SubmitReport("Draft law submitted", _group.As(_group.RuMembers[1]));
        toBody.Verify(_group.As(_group.RuSecretary));

        Assert.Equal(AssignmentState.Verified, toBody.State);
    }

    private void Bring(AssignmentState state)
    {
        switch (state)
        {
            case AssignmentState.InProgress:
                _assignment.Start(_group.As(Executor));
                break;
            case AssignmentState.ReportSubmitted:
                Reported();
                break;
            case AssignmentState.Returned:
                Reported();
                _assignment.Return("Fix", _group.As(_group.KzSecretary));
                break;
        }
    }

    [Theory]
    [InlineData(AssignmentState.Assigned)]
    [InlineData(AssignmentState.InProgress)]
    [InlineData(AssignmentState.Returned)]
    public void Assignment_R3_2_open_for_work_can_be_extended_keeping_its_state(AssignmentState state)
    {
        Bring(state);

        _assignment.Extend(_assignment.DueAt.AddDays(7), "More time", _group.As(_group.RuCoChair));

        Assert.Equal(state, _assignment.State);
        Assert.Single(_assignment.Extensions);
    }

    [Theory]
    [InlineData(AssignmentState.Assigned)]
    [InlineData(AssignmentState.InProgress)]
    [InlineData(AssignmentState.ReportSubmitted)]
    [InlineData(AssignmentState.Returned)]
    public void Assignment_R3_2_not_yet_verified_can_be_cancelled(AssignmentState state)
    {
        Bring(state);

        _assignment.Cancel("No longer needed", _group.As(_group.KzCoChair));

        Assert.Equal(AssignmentState.Cancelled, _assignment.State);
    }

    [Fact]
    public void Assignment_in_progress_cannot_be_started_again()
    {
        Bring(AssignmentState.InProgress);

        Refusal.Expect("assignment.transition_not_allowed", () => _assignment.Start(_group.As(Executor)));
    }
}
