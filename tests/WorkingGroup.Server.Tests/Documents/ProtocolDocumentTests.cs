using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using WorkingGroup.Server.Documents;

namespace WorkingGroup.Server.Tests.Documents;

public sealed class ProtocolDocumentTests
{
    private readonly byte[] _docx = ProtocolDocument.Render(ProtocolSamples.Model());

    [Fact]
    public void Protocol_document_opens_with_the_Russian_heading_title_time_and_place()
    {
        var paragraphs = ProtocolSamples.Paragraphs(_docx);

        Assert.Equal("ПРОТОКОЛ", paragraphs[0]);
        Assert.Equal(
            "заседания межгосударственной рабочей группы Российской Федерации и Республики Казахстан по развитию национальных систем квалификаций",
            paragraphs[1]);
        Assert.Equal("Заседание № 3", paragraphs[2]);
        Assert.Contains("Дата и время: 15 апреля 2026 г., 10:00 (Asia/Almaty, UTC+05:00)", paragraphs);
        Assert.Contains("Место проведения: г. Астана, пр. Мангилик Ел, 8", paragraphs);
    }

    [Fact]
    public void Protocol_document_R3_8_shows_the_format_with_the_video_link()
    {
        Assert.Contains(
            "Формат проведения: смешанный (очно и по видеоконференции); ссылка для подключения: https://vks.example.kz/room/wg-3",
            ProtocolSamples.Paragraphs(_docx));
        using var document = WordprocessingDocument.Open(new MemoryStream(_docx), isEditable: false);
        var link = Assert.Single(document.MainDocumentPart!.HyperlinkRelationships);
        Assert.Equal(new Uri("https://vks.example.kz/room/wg-3"), link.Uri);
    }

    [Fact]
    public void Protocol_document_R3_7_lists_attendance_by_side_with_the_quorum()
    {
        var paragraphs = ProtocolSamples.Paragraphs(_docx);
        var tables = ProtocolSamples.Tables(_docx);

        Assert.Contains("От Российской Федерации: присутствуют 2 из 4, кворум есть (необходимо не менее 2, п. 3.7)", paragraphs);
        Assert.Contains("От Республики Казахстан: присутствуют 2 из 5, кворума нет (необходимо не менее 3, п. 3.7)", paragraphs);
        Assert.Equal(["№", "Фамилия, имя, отчество", "Положение в рабочей группе", "Участие"], tables[0][0]);
        Assert.Equal(["1", "Иванов Сергей Петрович", "сопредседатель", "отсутствует"], tables[0][1]);
        Assert.Equal(["2", "Смирнова Елена Викторовна", "заместитель сопредседателя", "очно"], tables[0][2]);
        Assert.Equal(["3", "Сейтказиев Даурен Болатович", "ответственный секретарь", "дистанционно"], tables[1][3]);
    }

    [Fact]
    public void Protocol_document_R2_1_numbers_the_agenda_with_task_categories()
    {
        var paragraphs = ProtocolSamples.Paragraphs(_docx);

        var first = paragraphs.ToList().IndexOf("1. О взаимном признании квалификаций в сфере строительства");
        Assert.True(first > paragraphs.ToList().IndexOf("ПОВЕСТКА ДНЯ"));
        Assert.Equal(
            "Задача рабочей группы (п. 2.1): в) гармонизация национальных систем квалификаций и классификаторов занятий",
            paragraphs[first + 1]);
        Assert.Contains(
            "Задача рабочей группы (п. 2.1): г) профессиональные стандарты и нормативные правовые акты в сфере образования",
            paragraphs);
    }

    [Fact]
    public void Protocol_document_R3_5_marks_the_written_opinion_read_out()
    {
        Assert.Contains(
            "По вопросу 1 — Новикова Ольга Сергеевна (РФ): «Поддерживаю проект соглашения.» Оглашено на заседании.",
            ProtocolSamples.Paragraphs(_docx));
    }

    [Fact]
    public void Protocol_document_R3_10_records_the_recommendations_with_their_assignments()
    {
        var paragraphs = ProtocolSamples.Paragraphs(_docx);
        var assignments = ProtocolSamples.Tables(_docx)[2];

        Assert.Contains("1. По вопросу 1 повестки: Рекомендовать сторонам подготовить проект соглашения.", paragraphs);
        Assert.Equal(["Исполнитель", "Срок", "Ожидаемый результат"], assignments[0]);
        Assert.Equal(["Попова Мария Ивановна (РФ)", "30.06.2026", "Проект соглашения"], assignments[1]);
        Assert.Equal(["Министерство труда РК (РК)", "01.09.2026", "Заключение по проекту"], assignments[2]);
    }

    [Fact]
    public void Protocol_document_R3_3_shows_the_deputy_signing_for_the_absent_co_chair()
    {
        var signatures = ProtocolSamples.Tables(_docx)[^1];

        Assert.Equal(4, signatures.Count);
        Assert.Equal(
            ["Заместитель сопредседателя от Российской Федерацииза сопредседателя (Иванов Сергей Петрович), п. 3.3", "_____________", "Смирнова Елена Викторовна"],
            signatures[0]);
        Assert.Equal(["Сопредседатель от Республики Казахстан", "_____________", "Нурланов Ерлан Серикович"], signatures[1]);
        Assert.Equal("Ответственный секретарь от Российской Федерации", signatures[2][0]);
        Assert.Equal("Ответственный секретарь от Республики Казахстан", signatures[3][0]);
    }

    [Fact]
    public void Protocol_document_R3_8_of_a_video_meeting_has_no_place_and_gives_the_link()
    {
        var model = ProtocolSamples.Model() with { Format = Domain.Meetings.MeetingFormat.Video, Place = null };

        var paragraphs = ProtocolSamples.Paragraphs(ProtocolDocument.Render(model));

        Assert.DoesNotContain(paragraphs, p => p.StartsWith("Место проведения", StringComparison.Ordinal));
        Assert.Contains("Формат проведения: видеоконференция; ссылка для подключения: https://vks.example.kz/room/wg-3", paragraphs);
    }

    [Fact]
    public void Protocol_document_says_so_when_no_recommendation_was_recorded()
    {
        var paragraphs = ProtocolSamples.Paragraphs(ProtocolDocument.Render(ProtocolSamples.Model() with { Decisions = [] }));

        Assert.Contains("Решения не принимались.", paragraphs);
    }

    [Fact]
    public void Protocol_document_is_valid_Open_XML()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(_docx), isEditable: false);

        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
    }
}
