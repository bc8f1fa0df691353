using WorkingGroup.Domain.Attendance;
using WorkingGroup.Domain.Meetings;
using WorkingGroup.Domain.Tests.Support;

namespace WorkingGroup.Domain.Tests.Meetings;

public sealed class MeetingPostponementTests
{
    private readonly Group _group = new();

    public static TheoryData<string> BeforeOpening => ["Scheduled", "MaterialsCollection", "PackageDistributed"];

    private Meeting In(string stage) => stage switch
    {
        "Draft" => Support.Meetings.Drafted(_group),
        "AgendaForming" => Support.Meetings.FormingAgenda(_group),
        "Scheduled" => Support.Meetings.Scheduled(_group),
        "MaterialsCollection" => Support.Meetings.CollectingMaterials(_group),
        "PackageDistributed" => Support.Meetings.PackageDistributed(_group),
        "InSession" => Support.Meetings.InSession(_group),
        "Held" => Support.Meetings.Held(_group),
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };

    [Theory]
    [MemberData(nameof(BeforeOpening))]
    public void Meeting_R3_2_is_postponed_by_a_co_chair_before_it_opens(string stage)
    {
        var meeting = In(stage);

        meeting.Postpone("The KZ delegation's flight is cancelled", _group.As(_group.KzCoChair));

        Assert.Equal(MeetingState.Postponed, meeting.State);
        Assert.Equal("The KZ delegation's flight is cancelled", meeting.PostponementReason);
    }

    [Theory]
    [InlineData("Draft")]
    [InlineData("AgendaForming")]
    [InlineData("InSession")]
    [InlineData("Held")]
    public void Meeting_cannot_be_postponed_when_not_scheduled_or_already_open(string stage)
    {
        var meeting = In(stage);

        Refusal.Expect("meeting.transition_not_allowed", () => meeting.Postpone("reason", _group.As(_group.KzCoChair)));
    }

    [Fact]
    public void Meeting_postponement_needs_a_co_chair_and_a_reason()
    {
        var meeting = Support.Meetings.Scheduled(_group);

        Refusal.Expect("actor.not_acting_co_chair", () => meeting.Postpone("reason", _group.As(_group.KzSecretary)));
        Refusal.Expect("request.text_required", () => meeting.Postpone("", _group.As(_group.KzCoChair)));
    }

    [Fact]
    public void Meeting_R3_2_postponed_is_rescheduled_with_a_new_time_and_attendance_taken_afresh()
    {
        var meeting = Support.Meetings.PackageDistributed(_group);
        meeting.RecordAttendance(_group.RuMembers[0], Presence.Absent, _group.As(_group.RuSecretary));
        meeting.Postpone("reason", _group.As(_group.KzCoChair));
        var later = Support.Meetings.InAlmaty() with { LocalStart = new DateTime(2026, 5, 20, 10, 0, 0) };

        meeting.Reschedule(later, _group.As(_group.RuCoChair));

        Assert.Equal(MeetingState.Scheduled, meeting.State);
        Assert.Equal(later, meeting.Schedule);
        Assert.Empty(meeting.Attendance);
        Assert.Null(meeting.PostponementReason);
    }

    [Fact]
    public void Meeting_reschedule_is_refused_unless_postponed()
    {
        var meeting = Support.Meetings.Scheduled(_group);

        Refusal.Expect("meeting.transition_not_allowed", () => meeting.Reschedule(Support.Meetings.InAlmaty(), _group.As(_group.RuCoChair)));
    }

    [Fact]
    public void Meeting_reschedule_is_for_a_co_chair_only()
    {
        var meeting = Support.Meetings.Scheduled(_group);
        meeting.Postpone("reason", _group.As(_group.KzCoChair));

        Refusal.Expect("actor.not_acting_co_chair", () => meeting.Reschedule(Support.Meetings.InAlmaty(), _group.As(_group.RuSecretary)));
        Assert.Equal(MeetingState.Postponed, meeting.State);
    }

    [Theory]
    [InlineData("Draft")]
    [InlineData("AgendaForming")]
    [InlineData("Scheduled")]
    [InlineData("MaterialsCollection")]
    [InlineData("PackageDistributed")]
    public void Meeting_R3_2_is_cancelled_by_a_co_chair_before_it_opens(string stage)
    {
        var meeting = In(stage);

        meeting.Cancel("The question is settled by correspondence", _group.As(_group.RuCoChair));

        Assert.Equal(MeetingState.Cancelled, meeting.State);
        Assert.Equal("The question is settled by correspondence", meeting.CancellationReason);
    }

    [Fact]
    public void Meeting_postponed_can_be_cancelled()
    {
        var meeting = Support.Meetings.Scheduled(_group);
        meeting.Postpone("reason", _group.As(_group.KzCoChair));

        meeting.Cancel("reason", _group.As(_group.KzCoChair));

        Assert.Equal(MeetingState.Cancelled, meeting.State);
    }

    [Theory]
    [InlineData("InSession")]
    [InlineData("Held")]
    public void Meeting_cannot_be_cancelled_once_open(string stage)
    {
        var meeting = In(stage);

        Refusal.Expect("meeting.transition_not_allowed", () => meeting.Cancel("reason", _group.As(_group.RuCoChair)));
    }

    [Fact]
    public void Meeting_cancellation_needs_a_co_chair_and_a_reason()
    {
        var meeting = Support.Meetings.Scheduled(_group);

        Refusal.Expect("actor.not_acting_co_chair", () => meeting.Cancel("reason", _group.As(_group.RuMembers[0])));
        Refusal.Expect("request.text_required", () => meeting.Cancel(" ", _group.As(_group.RuCoChair)));
    }
}
