using WorkingGroup.Domain.Common;
using WorkingGroup.Domain.Meetings;
using WorkingGroup.Domain.Tests.Support;

namespace WorkingGroup.Domain.Tests;

public sealed class ErrorShapeTests
{
    private readonly Group _group = new();

    [Fact]
    public void Refusal_of_a_transition_the_state_does_not_allow_is_a_conflict()
    {
        var meeting = Support.Meetings.Drafted(_group);

        var error = Refusal.Expect("meeting.transition_not_allowed", () => meeting.Open(_group.As(_group.RuCoChair)));

        Assert.Equal(ErrorKind.Conflict, error.Kind);
        Assert.Equal(error.MessageEn, error.Message);
    }

    [Fact]
    public void Refusal_of_a_request_that_breaks_a_rule_is_a_rule_violation_in_both_languages()
    {
        var meeting = Support.Meetings.Drafted(_group);

        var error = Refusal.Expect("actor.not_secretary_or_co_chair", () => meeting.StartAgendaForming(_group.As(_group.RuMembers[0])));

        Assert.Equal(ErrorKind.RuleViolation, error.Kind);
        Assert.Contains("R-3.4", error.MessageEn, StringComparison.Ordinal);
        Assert.Contains("3.4", error.MessageRu, StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_leaves_the_state_unchanged()
    {
        var meeting = Support.Meetings.Scheduled(_group);

        Refusal.Expect("actor.not_acting_co_chair", () => meeting.Postpone("reason", _group.As(_group.RuSecretary)));

        Assert.Equal(MeetingState.Scheduled, meeting.State);
        Assert.Null(meeting.PostponementReason);
    }
}
