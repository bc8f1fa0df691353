using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WorkingGroup.Domain.Agenda;
using WorkingGroup.Domain.Attendance;
using WorkingGroup.Domain.Composition;
using WorkingGroup.Domain.Meetings;
using WorkingGroup.Domain.Protocols;
using WorkingGroup.Server.Documents;

namespace WorkingGroup.Server.Tests.Documents;

/// <summary>A hand-built protocol model, and the text of a rendered DOCX read back with OpenXml.</summary>
internal static class ProtocolSamples
{
    public static ProtocolDocumentModel Model() => new(
        "Заседание № 3",
        new DateTime(2026, 4, 15, 10, 0, 0),
        "Asia/Almaty",
        TimeSpan.FromHours(5),
        MeetingFormat.Hybrid,
        "г. Астана, пр. Мангилик Ел, 8",
        new Uri("https://vks.example.kz/room/wg-3"),
        [
            new(Side.RU,
            [
                new("Иванов Сергей Петрович", MemberRole.CoChair, Presence.Absent),
                new("Смирнова Елена Викторовна", MemberRole.DeputyCoChair, Presence.PresentInPerson),
                new("Кузнецов Андрей Олегович", MemberRole.ExecutiveSecretary, Presence.PresentInPerson),
                new("Новикова Ольга Сергеевна", MemberRole.Member, Presence.Absent),
            ], 2, 4, 2, true),
            new(Side.KZ,
            [
                new("Нурланов Ерлан Серикович", MemberRole.CoChair, Presence.PresentInPerson),
                new("Ахметова Айгуль Маратовна", MemberRole.DeputyCoChair, Presence.Absent),
                new("Сейтказиев Даурен Болатович", MemberRole.ExecutiveSecretary, Presence.PresentRemotely),
                new("Омаров Тимур Ерболович", MemberRole.Member, Presence.Absent),
                new("Касымова Динара Асхатовна", MemberRole.Member, Presence.Absent),
            ], 2, 5, 3, false),
        ],
        [
            new(1, "О взаимном признании квалификаций в сфере строительства", TaskCategory.Harmonisation),
            new(2, "О плане разработки профессиональных стандартов", TaskCategory.StandardsAndEducationActs),
        ],
        "Открыла заседание заместитель сопредседателя Смирнова Е. В.",
        [new("Новикова Ольга Сергеевна", Side.RU, 1, "Поддерживаю проект соглашения.", true)],
        [
            new(1, TaskCategory.Harmonisation, "Рекомендовать сторонам подготовить проект соглашения.",
            [
                new("Попова Мария Ивановна", Side.RU, new DateOnly(2026, 6, 30), "Проект соглашения"),
                new("Министерство труда РК", Side.KZ, new DateOnly(2026, 9, 1), "Заключение по проекту"),
            ]),
        ],
        [
            new(Side.RU, SignatoryRole.CoChair, "Смирнова Елена Викторовна", "Иванов Сергей Петрович"),
            new(Side.KZ, SignatoryRole.CoChair, "Нурланов Ерлан Серикович", null),
            new(Side.RU, SignatoryRole.Secretary, "Кузнецов Андрей Олегович", null),
            new(Side.KZ, SignatoryRole.Secretary, "Сейтказиев Даурен Болатович", null),
        ]);

    /// <summary>The rendered document read back: every paragraph's text, in order, tables included.</summary>
    public static IReadOnlyList<string> Paragraphs(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false);
        return [.. document.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p => p.InnerText)];
    }

    /// <summary>The rows of each table, each row as its cells' text.</summary>
    public static IReadOnlyList<IReadOnlyList<string[]>> Tables(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false);
        return
        [
            .. document.MainDocumentPart!.Document!.Body!.Elements<Table>().Select(t => (IReadOnlyList<string[]>)
                [.. t.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToArray())]),
        ];
    }
}
