using WorkingGroup.Domain.Attendance;
using WorkingGroup.Domain.Composition;
using WorkingGroup.Domain.Tests.Support;

namespace WorkingGroup.Domain.Tests.Attendance;

public sealed class AttendanceTests
{
    private readonly Group _group = new();

    [Fact]
    public void Attendance_R3_12_is_recorded_by_a_secretary_with_the_side_that_bears_the_cost()
    {
        var meeting = Support.Meetings.Scheduled(_group);

        meeting.RecordAttendance(_group.KzMembers[0], Presence.PresentRemotely, _group.As(_group.RuSecretary));

        var record = Assert.Single(meeting.Attendance);
        Assert.Equal((Side.KZ, Presence.PresentRemotely, true), (record.CostBorneBy, record.Presence, record.IsPresent));
    }

    [Fact]
    public void Attendance_recorded_again_replaces_the_earlier_mark()
    {
        var meeting = Support.Meetings.Scheduled(_group);
        meeting.RecordAttendance(_group.KzMembers[0], Presence.Absent, _group.As(_group.RuSecretary));

        meeting.RecordAttendance(_group.KzMembers[0], Presence.PresentInPerson, _group.As(_group.RuSecretary));

        Assert.Equal(Presence.PresentInPerson, Assert.Single(meeting.Attendance).Presence);
        Assert.Empty(meeting.AbsentPersonIds);
    }

    [Fact]
    public void Attendance_R3_4_is_recorded_by_secretaries_only()
    {
        var meeting = Support.Meetings.Scheduled(_group);

        Refusal.Expect("actor.not_secretary", () => meeting.RecordAttendance(_group.KzMembers[0], Presence.Absent, _group.As(_group.KzCoChair)));
    }

    [Fact]
    public void Attendance_is_for_members_of_the_composition_on_the_meeting_date()
    {
        var meeting = Support.Meetings.Scheduled(_group);

        Refusal.Expect("composition.not_a_member", () => meeting.RecordAttendance(_group.Outsider, Presence.PresentInPerson, _group.As(_group.RuSecretary)));
    }

    [Fact]
    public void Attendance_is_not_recorded_before_scheduling_nor_after_the_session()
    {
        Refusal.Expect("meeting.attendance_closed",
            () => Support.Meetings.FormingAgenda(_group).RecordAttendance(_group.RuMembers[0], Presence.Absent, _group.As(_group.RuSecretary)));
        var held = Support.Meetings.Held(new Group());
        var other = new Group();
        Refusal.Expect("meeting.attendance_closed",
            () => held.RecordAttendance(other.RuMembers[0], Presence.Absent, other.As(other.RuSecretary)));
    }
}
