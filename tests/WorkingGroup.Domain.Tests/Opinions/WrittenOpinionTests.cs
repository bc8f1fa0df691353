using WorkingGroup.Domain.Attendance;
using WorkingGroup.Domain.Composition;
using WorkingGroup.Domain.Meetings;
using WorkingGroup.Domain.Protocols;
using WorkingGroup.Domain.Tests.Support;

namespace WorkingGroup.Domain.Tests.Opinions;

public sealed class WrittenOpinionTests
{
    private readonly Group _group = new();
    private readonly Meeting _meeting;

    public WrittenOpinionTests()
    {
        _meeting = Support.Meetings.PackageDistributed(_group);
        Support.Meetings.MarkAll(_group, _meeting, Side.RU, Presence.PresentInPerson);
        Support.Meetings.MarkAll(_group, _meeting, Side.KZ, Presence.PresentInPerson);
        _meeting.RecordAttendance(AbsentMember, Presence.Absent, _group.As(_group.KzSecretary));
    }

    private Guid AbsentMember => _group.KzMembers[2];

    private Guid Item => _meeting.AgendaItems[0].Id;

    [Fact]
    public void Written_opinion_R3_5_is_filed_by_a_member_recorded_absent_on_an_agenda_item()
    {
        var opinion = _meeting.FileWrittenOpinion(Item, "I support the recommendation.", _group.As(AbsentMember));

        Assert.Equal((AbsentMember, Item, false), (opinion.PersonId, opinion.AgendaItemId, opinion.IsReadOut));
    }

    [Fact]
    public void Written_opinion_R3_5_is_not_filed_by_a_member_who_attends()
    {
        Refusal.Expect("opinion.author_not_absent", () => _meeting.FileWrittenOpinion(Item, "x", _group.As(_group.KzMembers[0])));
    }

    [Fact]
    public void Written_opinion_R3_5_is_not_filed_by_someone_outside_the_composition()
    {
        Refusal.Expect("opinion.author_not_absent", () => _meeting.FileWrittenOpinion(Item, "x", _group.As(_group.Outsider)));
    }

    [Fact]
    public void Written_opinion_needs_text_and_a_known_agenda_item()
    {
        Refusal.Expect("request.text_required", () => _meeting.FileWrittenOpinion(Item, " ", _group.As(AbsentMember)));
        Refusal.Expect("agenda.item_not_found", () => _meeting.FileWrittenOpinion(Guid.NewGuid(), "x", _group.As(AbsentMember)));
    }

    [Fact]
    public void Written_opinion_R3_5_is_read_out_by_a_secretary_during_the_session_once()
    {
        var opinion = _meeting.FileWrittenOpinion(Item, "Against.", _group.As(AbsentMember));
        Refusal.Expect("opinion.cannot_be_read_out", () => _meeting.MarkOpinionReadOut(opinion.Id, _group.As(_group.RuSecretary)));
        _group.Clock.SetUtcNow(Support.Meetings.InAlmaty().StartsAt);
        _meeting.Open(_group.As(_group.RuCoChair));

        Refusal.Expect("actor.not_secretary", () => _meeting.MarkOpinionReadOut(opinion.Id, _group.As(_group.RuCoChair)));
        _meeting.MarkOpinionReadOut(opinion.Id, _group.As(_group.RuSecretary));

        Assert.Equal((true, (Guid?)_group.RuSecretary), (opinion.IsReadOut, opinion.ReadOutBy));
        Refusal.Expect("opinion.cannot_be_read_out", () => _meeting.MarkOpinionReadOut(opinion.Id, _group.As(_group.RuSecretary)));
    }

    [Fact]
    public void Written_opinion_unknown_is_refused()
    {
        Refusal.Expect("opinion.not_found", () => _meeting.MarkOpinionReadOut(Guid.NewGuid(), _group.As(_group.RuSecretary)));
    }

    [Fact]
    public void Written_opinion_R3_5_is_attached_to_the_protocol()
    {
        var opinion = _meeting.FileWrittenOpinion(Item, "Against.", _group.As(AbsentMember));
        _group.Clock.SetUtcNow(Support.Meetings.InAlmaty().StartsAt);
        _meeting.Open(_group.As(_group.RuCoChair));
        _meeting.MarkOpinionReadOut(opinion.Id, _group.As(_group.RuSecretary));
        _meeting.CloseSession(_group.As(_group.RuCoChair));

        var protocol = Protocol.Draft(_meeting, "text", _group.As(_group.RuSecretary));

        Assert.Equal([opinion.Id], protocol.AttachedOpinionIds);
    }
}
