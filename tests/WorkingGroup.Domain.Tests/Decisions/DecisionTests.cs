using WorkingGroup.Domain.Agenda;
using WorkingGroup.Domain.Attendance;
using WorkingGroup.Domain.Composition;
using WorkingGroup.Domain.Decisions;
using WorkingGroup.Domain.Meetings;
using WorkingGroup.Domain.Tests.Support;

namespace WorkingGroup.Domain.Tests.Decisions;

public sealed class DecisionTests
{
    private readonly Group _group = new();
    private readonly Meeting _meeting;

    public DecisionTests()
    {
        _meeting = Support.Meetings.InSession(_group);
    }

    private Guid Item => _meeting.AgendaItems[0].Id;

    [Fact]
    public void Decision_R3_7_is_recorded_in_session_with_the_item_category_and_the_quorum_then()
    {
        var decision = Decision.Record(_meeting, Item, "Recommend mutual recognition", _group.As(_group.RuSecretary));

        Assert.Equal((_meeting.Id, Item, TaskCategory.Harmonisation), (decision.MeetingId, decision.AgendaItemId, decision.Category));
        Assert.True(decision.Quorum.IsReached);
        Assert.Equal(6, decision.Quorum.Ru.Present);
    }

    [Fact]
    public void Decision_R3_7_cannot_be_recorded_when_a_side_falls_below_half_during_the_session()
    {
        foreach (var person in _group.Everyone(Side.KZ).Skip(2))
        {
            _meeting.RecordAttendance(person, Presence.Absent, _group.As(_group.KzSecretary));
        }

        Refusal.Expect("quorum.not_reached", () => Decision.Record(_meeting, Item, "text", _group.As(_group.RuSecretary)));
    }

    [Fact]
    public void Decision_R3_7_can_be_recorded_with_exactly_half_of_a_side_left()
    {
        foreach (var person in _group.Everyone(Side.KZ).Skip(3))
        {
            _meeting.RecordAttendance(person, Presence.Absent, _group.As(_group.KzSecretary));
        }

        var decision = Decision.Record(_meeting, Item, "text", _group.As(_group.RuCoChair));

        Assert.Equal(3, decision.Quorum.Kz.Present);
    }

    [Fact]
    public void Decision_is_recorded_only_while_the_meeting_is_in_session()
    {
        var group = new Group();
        var meeting = Support.Meetings.Held(group);

        Refusal.Expect("decision.meeting_not_in_session", () => Decision.Record(meeting, meeting.AgendaItems[0].Id, "text", group.As(group.RuSecretary)));
    }

    [Fact]
    public void Decision_is_recorded_by_a_secretary_or_co_chair_on_an_agenda_item_with_text()
    {
        Refusal.Expect("actor.not_secretary_or_co_chair", () => Decision.Record(_meeting, Item, "text", _group.As(_group.RuMembers[0])));
        Refusal.Expect("request.text_required", () => Decision.Record(_meeting, Item, " ", _group.As(_group.RuSecretary)));
        Refusal.Expect("agenda.item_not_found", () => Decision.Record(_meeting, Guid.NewGuid(), "text", _group.As(_group.RuSecretary)));
    }

    [Fact]
    public void Decision_R3_2_assignment_is_given_by_a_co_chair_to_a_member_with_due_date_and_expected_result()
    {
        var decision = Decision.Record(_meeting, Item, "text", _group.As(_group.RuSecretary));
        var due = _group.Clock.GetUtcNow().AddDays(30);

        var assignment = decision.AssignToMember(_group.KzMembers[0], due, "Comparative table", _group.As(_group.RuCoChair));

        Assert.Equal(new Executor(Side.KZ, _group.KzMembers[0], null), assignment.Executor);
        Assert.Equal((due, "Comparative table", AssignmentState.Assigned), (assignment.DueAt, assignment.ExpectedResult, assignment.State));
        Assert.Same(assignment, Assert.Single(decision.Assignments));
    }

    [Fact]
    public void Decision_R3_2_assignment_is_given_to_a_named_body_of_a_side()
    {
        var decision = Decision.Record(_meeting, Item, "text", _group.As(_group.RuSecretary));

        var assignment = decision.AssignToBody(Side.RU, "National Qualifications Agency", _group.Clock.GetUtcNow().AddDays(30), "Report", _group.As(_group.KzCoChair));

        Assert.Equal(new Executor(Side.RU, null, "National Qualifications Agency"), assignment.Executor);
    }

    [Fact]
    public void Decision_R3_2_assignments_are_given_by_co_chairs_only_to_members_with_a_due_date_ahead()
    {
        var decision = Decision.Record(_meeting, Item, "text", _group.As(_group.RuSecretary));
        var now = _group.Clock.GetUtcNow();

        Refusal.Expect("actor.not_acting_co_chair", () => decision.AssignToMember(_group.KzMembers[0], now.AddDays(1), "r", _group.As(_group.RuSecretary)));
        Refusal.Expect("composition.not_a_member", () => decision.AssignToMember(_group.Outsider, now.AddDays(1), "r", _group.As(_group.RuCoChair)));
        Refusal.Expect("assignment.due_date_not_ahead", () => decision.AssignToMember(_group.KzMembers[0], now, "r", _group.As(_group.RuCoChair)));
        Refusal.Expect("request.text_required", () => decision.AssignToMember(_group.KzMembers[0], now.AddDays(1), "", _group.As(_group.RuCoChair)));
        Refusal.Expect("request.text_required", () => decision.AssignToBody(Side.RU, " ", now.AddDays(1), "r", _group.As(_group.RuCoChair)));
        Assert.Empty(decision.Assignments);
    }
}
