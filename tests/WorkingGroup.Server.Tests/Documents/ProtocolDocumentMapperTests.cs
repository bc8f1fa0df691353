using WorkingGroup.Domain.Agenda;
using WorkingGroup.Domain.Attendance;
using WorkingGroup.Domain.Composition;
using WorkingGroup.Domain.Meetings;
using WorkingGroup.Domain.Protocols;
using WorkingGroup.Server.Documents;

namespace WorkingGroup.Server.Tests.Documents;

/// <summary>The mapper on a meeting driven through the domain: what the protocol shows is what the meeting recorded.</summary>
public sealed class ProtocolDocumentMapperTests
{
    private readonly ProtocolScenario _scenario = new();
    private readonly ProtocolDocumentModel _model;

    public ProtocolDocumentMapperTests()
    {
        var (meeting, protocol, decisions) = _scenario.Held();
        _model = ProtocolDocumentMapper.Map(meeting, protocol, decisions, _scenario.Composition);
    }

    [Fact]
    public void Protocol_model_takes_time_place_and_format_from_the_meeting_schedule()
    {
        Assert.Equal("Заседание № 3", _model.Title);
        Assert.Equal(new DateTime(2026, 4, 15, 10, 0, 0), _model.LocalStart);
        Assert.Equal("Asia/Almaty", _model.TimeZoneId);
        Assert.Equal(TimeSpan.FromHours(5), _model.UtcOffset);
        Assert.Equal(MeetingFormat.Hybrid, _model.Format);
        Assert.Equal(ProtocolScenario.VideoLink, _model.VideoLink);
    }

    [Fact]
    public void Protocol_model_R3_7_carries_each_side_roster_presence_and_quorum_at_opening()
    {
        var (ru, kz) = (_model.Sides[0], _model.Sides[1]);

        Assert.Equal((Side.RU, 4, 6, 3, true), (ru.Side, ru.Present, ru.Members, ru.Required, ru.IsQuorate));
        Assert.Equal((Side.KZ, 5, 6, 3, true), (kz.Side, kz.Present, kz.Members, kz.Required, kz.IsQuorate));
        Assert.Equal(
            [MemberRole.CoChair, MemberRole.DeputyCoChair, MemberRole.ExecutiveSecretary, MemberRole.Member, MemberRole.Member, MemberRole.Member],
            ru.Participants.Select(p => p.Role));
        Assert.Equal(new Participant("Иванов Сергей Петрович", MemberRole.CoChair, Presence.Absent), ru.Participants[0]);
        Assert.Equal(Presence.PresentRemotely, kz.Participants.Single(p => p.FullName == "Ахметова Айгуль Маратовна").Presence);
    }

    [Fact]
    public void Protocol_model_R2_1_R3_5_carries_the_agenda_and_the_opinion_read_out()
    {
        Assert.Equal(
            [(1, TaskCategory.Harmonisation), (2, TaskCategory.StandardsAndEducationActs)],
            _model.Agenda.Select(a => (a.Number, a.Category)));
        var opinion = Assert.Single(_model.WrittenOpinions);
        Assert.Equal(("Новикова Ольга Сергеевна", Side.RU, 1, true), (opinion.AuthorFullName, opinion.Side, opinion.AgendaItemNumber, opinion.IsReadOut));
    }

    [Fact]
    public void Protocol_model_R3_10_carries_the_decisions_with_due_dates_in_the_meeting_zone()
    {
        Assert.Equal([1, 2], _model.Decisions.Select(d => d.AgendaItemNumber));
        Assert.Equal(
            [
                new AssignmentLine("Попова Мария Ивановна", Side.RU, new DateOnly(2026, 6, 30), "Проект соглашения"),
                new AssignmentLine("Министерство труда и социальной защиты населения РК", Side.KZ, new DateOnly(2026, 9, 1), "Заключение по проекту"),
            ],
            _model.Decisions[0].Assignments);
        Assert.Equal(new DateOnly(2027, 1, 1), Assert.Single(_model.Decisions[1].Assignments).DueDate);
    }

    [Fact]
    public void Protocol_model_R3_3_puts_the_deputy_in_the_place_of_the_co_chair_recorded_absent()
    {
        Assert.Equal(
            [
                new SignatoryLine(Side.RU, SignatoryRole.CoChair, "Смирнова Елена Викторовна", "Иванов Сергей Петрович"),
                new SignatoryLine(Side.KZ, SignatoryRole.CoChair, "Нурланов Ерлан Серикович", null),
                new SignatoryLine(Side.RU, SignatoryRole.Secretary, "Кузнецов Андрей Олегович", null),
                new SignatoryLine(Side.KZ, SignatoryRole.Secretary, "Сейтказиев Даурен Болатович", null),
            ],
            _model.Signatories);
    }

    [Fact]
    public void Protocol_of_a_real_meeting_renders_to_a_file_in_the_test_output()
    {
        var docx = ProtocolDocument.Render(_model);
        var path = Path.Combine(AppContext.BaseDirectory, "protocol-sample.docx");

        File.WriteAllBytes(path, docx);

        Assert.Contains("Оглашено на заседании.", string.Concat(ProtocolSamples.Paragraphs(docx)), StringComparison.Ordinal);
    }
}
