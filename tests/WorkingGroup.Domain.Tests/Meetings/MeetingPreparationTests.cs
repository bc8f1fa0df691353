using WorkingGroup.Domain.Meetings;
using WorkingGroup.Domain.Tests.Support;

namespace WorkingGroup.Domain.Tests.Meetings;

public sealed class MeetingPreparationTests
{
    private readonly Group _group = new();

    [Fact]
    public void Meeting_R3_4_is_drafted_by_a_secretary_or_co_chair()
    {
        Assert.Equal(MeetingState.Draft, Meeting.Draft("No. 1", _group.As(_group.KzSecretary)).State);
        Assert.Equal(MeetingState.Draft, Meeting.Draft("No. 2", _group.As(_group.RuCoChair)).State);
    }

    [Fact]
    public void Meeting_R3_4_cannot_be_drafted_by_a_member()
    {
        Refusal.Expect("actor.not_secretary_or_co_chair", () => Meeting.Draft("No. 1", _group.As(_group.RuMembers[0])));
    }

    [Fact]
    public void Meeting_needs_a_title()
    {
        Refusal.Expect("request.text_required", () => Meeting.Draft(" ", _group.As(_group.RuSecretary)));
    }

    [Fact]
    public void Meeting_moves_from_draft_to_agenda_forming()
    {
        var meeting = Support.Meetings.Drafted(_group);

        meeting.StartAgendaForming(_group.As(_group.KzCoChair));

        Assert.Equal(MeetingState.AgendaForming, meeting.State);
    }

    [Fact]
    public void Meeting_agenda_forming_is_started_by_a_secretary_or_co_chair_only()
    {
        var meeting = Support.Meetings.Drafted(_group);

        Refusal.Expect("actor.not_secretary_or_co_chair", () => meeting.StartAgendaForming(_group.As(_group.KzMembers[1])));
        Assert.Equal(MeetingState.Draft, meeting.State);
    }

    [Fact]
    public void Meeting_R3_2_is_scheduled_by_a_co_chair_once_both_approved_the_agenda_and_time_is_set()
    {
        var meeting = Support.Meetings.ReadyToSchedule(_group);

        meeting.ScheduleMeeting(_group.As(_group.RuCoChair));

        Assert.Equal(MeetingState.Scheduled, meeting.State);
    }

    [Fact]
    public void Meeting_R3_2_cannot_be_scheduled_by_a_secretary()
    {
        var meeting = Support.Meetings.ReadyToSchedule(_group);

        Refusal.Expect("actor.not_acting_co_chair", () => meeting.ScheduleMeeting(_group.As(_group.RuSecretary)));
        Assert.Equal(MeetingState.AgendaForming, meeting.State);
    }

    [Fact]
    public void Meeting_R3_2_cannot_be_scheduled_by_the_deputy_while_the_co_chair_is_present()
    {
        var meeting = Support.Meetings.ReadyToSchedule(_group);

        Refusal.Expect("actor.not_acting_co_chair", () => meeting.ScheduleMeeting(_group.As(_group.RuDeputy)));
    }

    [Fact]
    public void Meeting_R3_3_is_scheduled_by_the_deputy_while_the_co_chair_is_absent()
    {
        var meeting = Support.Meetings.ReadyToSchedule(_group);
        var now = _group.Clock.GetUtcNow();
        _group.Composition.RecordAbsence(_group.RuCoChair, now, now.AddDays(5), _group.RuSecretary, _group.Clock);

        meeting.ScheduleMeeting(_group.As(_group.RuDeputy));

        Assert.Equal(MeetingState.Scheduled, meeting.State);
    }

    [Fact]
    public void Meeting_R3_2_cannot_be_scheduled_without_date_time_and_place()
    {
        var meeting = Support.Meetings.WithApprovedItem(_group);
        meeting.ApproveAgenda(_group.As(_group.RuCoChair));
        meeting.ApproveAgenda(_group.As(_group.KzCoChair));

        Refusal.Expect("meeting.schedule_missing", () => meeting.ScheduleMeeting(_group.As(_group.RuCoChair)));
    }

    [Fact]
    public void Meeting_R1_3_cannot_be_scheduled_with_the_agenda_approved_by_one_side_only()
    {
        var meeting = Support.Meetings.WithApprovedItem(_group);
        meeting.SetSchedule(Support.Meetings.InAlmaty(), _group.As(_group.RuCoChair));
        meeting.ApproveAgenda(_group.As(_group.RuCoChair));

        Refusal.Expect("agenda.not_approved_by_both_co_chairs", () => meeting.ScheduleMeeting(_group.As(_group.RuCoChair)));
    }

    [Fact]
    public void Meeting_cannot_be_scheduled_once_its_set_time_has_passed()
    {
        var meeting = Support.Meetings.ReadyToSchedule(_group);
        _group.Clock.SetUtcNow(Support.Meetings.InAlmaty().StartsAt);

        Refusal.Expect("meeting.start_not_ahead", () => meeting.ScheduleMeeting(_group.As(_group.RuCoChair)));
    }

    [Fact]
    public void Meeting_cannot_be_scheduled_from_draft()
    {
        var meeting = Support.Meetings.Drafted(_group);

        Refusal.Expect("meeting.transition_not_allowed", () => meeting.ScheduleMeeting(_group.As(_group.RuCoChair)));
    }

    [Fact]
    public void Meeting_R3_4_materials_collection_is_started_by_a_secretary()
    {
        var meeting = Support.Meetings.Scheduled(_group);

        Refusal.Expect("actor.not_secretary", () => meeting.StartMaterialsCollection(_group.As(_group.RuCoChair)));
        meeting.StartMaterialsCollection(_group.As(_group.KzSecretary));

        Assert.Equal(MeetingState.MaterialsCollection, meeting.State);
    }

    [Fact]
    public void Meeting_refuses_a_trigger_its_table_does_not_permit_as_a_conflict()
    {
        var meeting = Support.Meetings.Drafted(_group);

        var error = Refusal.Expect("meeting.transition_not_allowed", () => meeting.StartMaterialsCollection(_group.As(_group.RuSecretary)));
        Assert.Equal(Domain.Common.ErrorKind.Conflict, error.Kind);
    }
}
