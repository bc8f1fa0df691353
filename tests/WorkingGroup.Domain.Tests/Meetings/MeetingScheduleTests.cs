using WorkingGroup.Domain.Meetings;
using WorkingGroup.Domain.Tests.Support;

namespace WorkingGroup.Domain.Tests.Meetings;

public sealed class MeetingScheduleTests
{
    private readonly Group _group = new();
    private static readonly DateTime LocalStart = new(2026, 4, 15, 10, 0, 0);
    private static readonly Uri Link = new("https://video.example.org/wg-1");

    private Meeting Meeting() => Support.Meetings.FormingAgenda(_group);

    [Theory]
    [InlineData(MeetingFormat.InPerson, "Moscow, Kremlin emb. 1", false)]
    [InlineData(MeetingFormat.Video, null, true)]
    [InlineData(MeetingFormat.Hybrid, "Astana", true)]
    public void Schedule_R3_8_accepts_each_format_with_what_it_needs(MeetingFormat format, string? place, bool withLink)
    {
        var meeting = Meeting();
        var schedule = new MeetingSchedule(LocalStart, "Europe/Moscow", format, place, withLink ? Link : null);

        meeting.SetSchedule(schedule, _group.As(_group.KzCoChair));

        Assert.Equal(schedule, meeting.Schedule);
    }

    [Theory]
    [InlineData(MeetingFormat.Video)]
    [InlineData(MeetingFormat.Hybrid)]
    public void Schedule_R3_8_of_a_video_or_hybrid_meeting_needs_a_link(MeetingFormat format)
    {
        Refusal.Expect("meeting.video_link_required",
            () => Meeting().SetSchedule(new(LocalStart, "Europe/Moscow", format, "Astana", null), _group.As(_group.KzCoChair)));
    }

    [Fact]
    public void Schedule_R3_8_link_must_be_http_or_https()
    {
        Refusal.Expect("meeting.video_link_required",
            () => Meeting().SetSchedule(new(LocalStart, "Europe/Moscow", MeetingFormat.Video, null, new Uri("ftp://x.example/")), _group.As(_group.KzCoChair)));
    }

    [Theory]
    [InlineData(MeetingFormat.InPerson)]
    [InlineData(MeetingFormat.Hybrid)]
    public void Schedule_R3_8_of_an_in_person_or_hybrid_meeting_needs_a_place(MeetingFormat format)
    {
        Refusal.Expect("meeting.place_required",
            () => Meeting().SetSchedule(new(LocalStart, "Europe/Moscow", format, " ", Link), _group.As(_group.KzCoChair)));
    }

    [Fact]
    public void Schedule_needs_a_known_IANA_time_zone()
    {
        Refusal.Expect("meeting.time_zone_unknown",
            () => Meeting().SetSchedule(new(LocalStart, "Mars/Olympus_Mons", MeetingFormat.InPerson, "Astana", null), _group.As(_group.KzCoChair)));
    }

    [Fact]
    public void Schedule_must_lie_ahead()
    {
        Refusal.Expect("meeting.start_not_ahead",
            () => Meeting().SetSchedule(new(new DateTime(2026, 2, 1, 10, 0, 0), "Asia/Almaty", MeetingFormat.InPerson, "Astana", null), _group.As(_group.KzCoChair)));
    }

    [Fact]
    public void Schedule_must_be_a_time_that_exists_in_the_zone()
    {
        // 8 March 2026, 02:30 does not exist in New York: clocks jump from 02:00 to 03:00.
        Refusal.Expect("meeting.start_not_ahead",
            () => Meeting().SetSchedule(new(new DateTime(2026, 3, 8, 2, 30, 0), "America/New_York", MeetingFormat.InPerson, "NY", null), _group.As(_group.KzCoChair)));
    }

    [Fact]
    public void Schedule_R3_2_is_set_by_a_co_chair_only()
    {
        Refusal.Expect("actor.not_acting_co_chair", () => Meeting().SetSchedule(Support.Meetings.InAlmaty(), _group.As(_group.KzSecretary)));
    }

    [Fact]
    public void Schedule_cannot_change_once_the_meeting_is_scheduled()
    {
        var meeting = Support.Meetings.Scheduled(_group);

        Refusal.Expect("meeting.transition_not_allowed", () => meeting.SetSchedule(Support.Meetings.InAlmaty(), _group.As(_group.KzCoChair)));
    }

    [Fact]
    public void Schedule_start_is_the_local_time_in_the_meeting_zone()
    {
        // Almaty has been UTC+5 since 1 March 2024 (tzdata 2024a).
        Assert.Equal(new DateTimeOffset(2026, 4, 15, 5, 0, 0, TimeSpan.Zero), Support.Meetings.InAlmaty().StartsAt);
    }
}
