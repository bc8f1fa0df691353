using Ical.Net;
using Ical.Net.CalendarComponents;
using WorkingGroup.Domain.Meetings;
using WorkingGroup.Server.Documents;

namespace WorkingGroup.Server.Tests.Documents;

public sealed class MeetingInvitationTests
{
    private static readonly DateTimeOffset Stamp = new(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);

    private static readonly InvitationParties Parties = new(
        new Mailbox("secretary.ru@example.org", "Кузнецов Андрей Олегович"),
        [new Mailbox("co-chair.kz@example.kz", "Нурланов Ерлан Серикович"), new Mailbox("member.ru@example.org", "Попова Мария Ивановна")]);

    private readonly ProtocolScenario _scenario = new();

    [Fact]
    public void Invitation_starts_at_the_local_time_in_the_meeting_time_zone()
    {
        var meeting = _scenario.Scheduled(ProtocolScenario.Hybrid());

        var ics = MeetingInvitation.Request(meeting, Parties, 0, Stamp);

        var calendar = Calendar.Load(ics)!;
        var meetingEvent = Assert.Single(calendar.Events);
        Assert.Equal("REQUEST", calendar.Method);
        Assert.Equal("Asia/Almaty", meetingEvent.DtStart!.TzId);
        Assert.Equal(new DateTime(2026, 4, 15, 10, 0, 0), meetingEvent.DtStart.Value);
        Assert.Equal(meeting.Schedule!.StartsAt.UtcDateTime, meetingEvent.DtStart.AsUtc);
        Assert.Equal(MeetingInvitation.DefaultDuration, meetingEvent.DtEnd!.AsUtc - meetingEvent.DtStart.AsUtc);
        Assert.Contains("DTSTART;TZID=Asia/Almaty:20260415T100000", ics, StringComparison.Ordinal);
        Assert.Contains(calendar.TimeZones, z => z.TzId == "Asia/Almaty");
    }

    [Fact]
    public void Invitation_names_the_meeting_place_organizer_and_attendees()
    {
        var meetingEvent = Event(MeetingInvitation.Request(_scenario.Scheduled(ProtocolScenario.Hybrid()), Parties, 0, Stamp));

        Assert.Equal("Заседание № 3", meetingEvent.Summary);
        Assert.Equal("г. Астана, пр. Мангилик Ел, 8", meetingEvent.Location);
        Assert.Equal(new Uri("mailto:secretary.ru@example.org"), meetingEvent.Organizer!.Value);
        Assert.Equal(
            ["mailto:co-chair.kz@example.kz", "mailto:member.ru@example.org"],
            meetingEvent.Attendees.Select(a => a.Value!.OriginalString));
        Assert.All(meetingEvent.Attendees, a => Assert.True(a.Rsvp));
    }

    [Fact]
    public void Invitation_R3_8_carries_the_video_link_for_a_video_meeting()
    {
        var schedule = ProtocolScenario.Hybrid() with { Format = MeetingFormat.Video, Place = null };

        var meetingEvent = Event(MeetingInvitation.Request(_scenario.Scheduled(schedule), Parties, 0, Stamp));

        Assert.Equal(ProtocolScenario.VideoLink, meetingEvent.Url);
        Assert.Contains("Ссылка для подключения: https://vks.example.kz/room/wg-3", meetingEvent.Description, StringComparison.Ordinal);
        Assert.Contains("Формат: видеоконференция.", meetingEvent.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Invitation_of_an_in_person_meeting_has_no_link()
    {
        var schedule = ProtocolScenario.Hybrid() with { Format = MeetingFormat.InPerson, VideoLink = null };

        var meetingEvent = Event(MeetingInvitation.Request(_scenario.Scheduled(schedule), Parties, 0, Stamp));

        Assert.Null(meetingEvent.Url);
        Assert.DoesNotContain("Ссылка", meetingEvent.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Invitation_R3_2_keeps_its_uid_and_raises_the_sequence_when_the_meeting_is_rescheduled()
    {
        var meeting = _scenario.Scheduled(ProtocolScenario.Hybrid());
        var first = Event(MeetingInvitation.Request(meeting, Parties, 0, Stamp));
        meeting.Postpone("Совпадение с заседанием Совета", _scenario.As(_scenario.KzCoChair));
        meeting.Reschedule(ProtocolScenario.Hybrid() with { LocalStart = new DateTime(2026, 4, 22, 11, 0, 0) }, _scenario.As(_scenario.KzCoChair));

        var second = Event(MeetingInvitation.Request(meeting, Parties, 1, Stamp.AddDays(1)));

        Assert.Equal(MeetingInvitation.Uid(meeting.Id), first.Uid);
        Assert.Equal(first.Uid, second.Uid);
        Assert.True(second.Sequence > first.Sequence);
        Assert.Equal(new DateTime(2026, 4, 22, 11, 0, 0), second.DtStart!.Value);
    }

    [Fact]
    public void Invitation_of_a_cancelled_meeting_is_a_cancel_with_status_cancelled()
    {
        var meeting = _scenario.Scheduled(ProtocolScenario.Hybrid());
        meeting.Cancel("Решение сопредседателей", _scenario.As(_scenario.RuCoChair));

        var ics = MeetingInvitation.Cancel(meeting, Parties, 1, Stamp);

        var calendar = Calendar.Load(ics)!;
        var meetingEvent = Assert.Single(calendar.Events);
        Assert.Equal("CANCEL", calendar.Method);
        Assert.Equal("CANCELLED", meetingEvent.Status);
        Assert.Equal(MeetingInvitation.Uid(meeting.Id), meetingEvent.Uid);
        Assert.Equal(1, meetingEvent.Sequence);
        Assert.StartsWith("Заседание отменено: Решение сопредседателей", meetingEvent.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Invitation_of_a_postponed_meeting_is_a_cancel_giving_the_reason()
    {
        var meeting = _scenario.Scheduled(ProtocolScenario.Hybrid());
        meeting.Postpone("Совпадение с заседанием Совета", _scenario.As(_scenario.KzCoChair));

        var meetingEvent = Event(MeetingInvitation.Cancel(meeting, Parties, 1, Stamp));

        Assert.Equal("CANCELLED", meetingEvent.Status);
        Assert.StartsWith("Заседание перенесено: Совпадение с заседанием Совета", meetingEvent.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Invitation_is_the_same_text_for_the_same_revision()
    {
        var meeting = _scenario.Scheduled(ProtocolScenario.Hybrid());

        Assert.Equal(MeetingInvitation.Request(meeting, Parties, 2, Stamp), MeetingInvitation.Request(meeting, Parties, 2, Stamp));
    }

    private static CalendarEvent Event(string ics) => Assert.Single(Calendar.Load(ics)!.Events);
}
