using WorkingGroup.Domain.Meetings;
using WorkingGroup.Domain.Tests.Support;

namespace WorkingGroup.Domain.Tests.Meetings;

public sealed class MeetingScheduleRevisionTests
{
    [Fact]
    public void Meeting_R3_2_counts_each_scheduling_for_the_invitations_revision()
    {
        var group = new Group();
        var meeting = Support.Meetings.Scheduled(group);
        Assert.Equal(1, meeting.ScheduleRevision);

        meeting.Postpone("Болезнь сопредседателя", group.As(group.RuCoChair));
        meeting.Reschedule(meeting.Schedule! with { LocalStart = meeting.Schedule.LocalStart.AddDays(14) }, group.As(group.RuCoChair));

        Assert.Equal((MeetingState.Scheduled, 2), (meeting.State, meeting.ScheduleRevision));
    }
}
