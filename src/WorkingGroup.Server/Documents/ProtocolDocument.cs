using System.Security.Cryptography;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WorkingGroup.Domain.Meetings;
using WorkingGroup.Domain.Protocols;
using static WorkingGroup.Server.Documents.RussianWording;
using static WorkingGroup.Server.Documents.WordElements;

namespace WorkingGroup.Server.Documents;

/// <summary>
/// Renders the protocol of a meeting to DOCX in Russian: heading, time and place in the meeting's
/// zone, format, attendance and quorum per side, the agenda with task categories
/// the proceedings, written opinions read out, the recommendations with their
/// assignments and the four signature places, a deputy signing for an absent
/// co-chair. The output is deterministic: the same model gives the same bytes, because
/// signatures bind their SHA-256.
/// </summary>
internal static class ProtocolDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public const string Heading =
        "заседания межгосударственной рабочей группы Российской Федерации и Республики Казахстан "
        + "по развитию национальных систем квалификаций";

    private const string MainContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

    private const string VideoLinkId = "rIdVideoLink";

    /// <summary>The DOCX of the protocol; keep these bytes with the protocol, since signatures bind their hash.</summary>
    public static byte[] Render(ProtocolDocumentModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            // Every relationship gets a fixed id; the SDK would otherwise draw random ones.
            var main = package.AddNewPart<MainDocumentPart>(MainContentType, "rIdDocument");
            main.AddNewPart<StyleDefinitionsPart>("rIdStyles").Styles = Styles();
            var footer = main.AddNewPart<FooterPart>("rIdFooter");
            footer.Footer = new Footer(Paragraph(ProtocolStyle.Subheading, new SimpleField(Run("1")) { Instruction = "PAGE" }));
            if (model.VideoLink is { } link)
            {
                main.AddHyperlinkRelationship(link, isExternal: true, VideoLinkId);
            }

            main.Document = new Document(new Body([.. Content(model), Page("rIdFooter")]));
        }

        return DeterministicPackage.Normalise(stream.ToArray());
    }

    /// <summary>The lower-case hex SHA-256 of rendered bytes: what a signature binds .</summary>
    public static string Sha256(byte[] document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Convert.ToHexStringLower(SHA256.HashData(document));
    }

    private static IEnumerable<OpenXmlElement> Content(ProtocolDocumentModel model) =>
    [
        .. Header(model),
        .. Attendance(model.Sides),
        .. Agenda(model),
        .. Proceedings(model.Proceedings),
        .. WrittenOpinions(model.WrittenOpinions),
        .. Decisions(model),
        .. SignatureBlock(model.Signatories),
    ];

    private static IEnumerable<OpenXmlElement> Header(ProtocolDocumentModel model)
    {
        yield return Paragraph(ProtocolStyle.Heading, "ПРОТОКОЛ");
        yield return Paragraph(ProtocolStyle.Subheading, Heading);
        yield return Paragraph(ProtocolStyle.Subheading, Run(model.Title, bold: true));
        yield return Labelled("Дата и время: ", DateAndTime(model.LocalStart, model.TimeZoneId, model.UtcOffset));
        if (!string.IsNullOrWhiteSpace(model.Place))
        {
            yield return Labelled("Место проведения: ", model.Place);
        }

        var format = Paragraph(ProtocolStyle.Field, Run("Формат проведения: ", bold: true), Run(Format(model.Format)));
        if (model.Format != MeetingFormat.InPerson && model.VideoLink is { } link)
        {
            format.Append(Run("; ссылка для подключения: "), Link(VideoLinkId, link));
        }

        yield return format;
    }

    /// <summary>R-3.7: each side's composition, how each took part, and the quorum counted at opening.</summary>
    private static IEnumerable<OpenXmlElement> Attendance(IReadOnlyList<SideAttendance> sides)
    {
        yield return Paragraph(ProtocolStyle.Section, "ПРИСУТСТВОВАЛИ");
        foreach (var side in sides)
        {
            yield return Paragraph(
                ProtocolStyle.Lead,
                Run($"От {SideGenitive(side.Side)}: ", bold: true),
                Run(Quorum(side)));
            yield return Table(
                [500, 3900, 3055, 1900],
                ["№", "Фамилия, имя, отчество", "Положение в рабочей группе", "Участие"],
                side.Participants.Select((p, i) => (IReadOnlyList<string>)[$"{i + 1}", p.FullName, Role(p.Role), Presence(p.Presence)]));
        }
    }

    /// <summary>R-2.1: the agenda, numbered, each question under its task.</summary>
    private static IEnumerable<OpenXmlElement> Agenda(ProtocolDocumentModel model)
    {
        yield return Paragraph(ProtocolStyle.Section, "ПОВЕСТКА ДНЯ");
        foreach (var item in model.Agenda.OrderBy(i => i.Number))
        {
            yield return Paragraph(ProtocolStyle.Body, Run($"{item.Number}. {item.Title}"));
            yield return Paragraph(ProtocolStyle.Detail, Run("Задача рабочей группы (п. 2.1): ", italic: true), Run(Category(item.Category), italic: true));
        }
    }

    private static IEnumerable<OpenXmlElement> Proceedings(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0)
        {
            yield break;
        }

        yield return Paragraph(ProtocolStyle.Section, "ХОД ЗАСЕДАНИЯ");
        foreach (var line in lines)
        {
            yield return Paragraph(ProtocolStyle.Body, line);
        }
    }

    /// <summary>R-3.5: the opinions of absent members, attached to the protocol, each marked read out.</summary>
    private static IEnumerable<OpenXmlElement> WrittenOpinions(IReadOnlyList<OpinionLine> opinions)
    {
        if (opinions.Count == 0)
        {
            yield break;
        }

        yield return Paragraph(ProtocolStyle.Section, "ПИСЬМЕННЫЕ МНЕНИЯ ОТСУТСТВОВАВШИХ ЧЛЕНОВ РАБОЧЕЙ ГРУППЫ (п. 3.5)");
        foreach (var opinion in opinions.OrderBy(o => o.AgendaItemNumber))
        {
            yield return Paragraph(
                ProtocolStyle.Body,
                Run($"По вопросу {opinion.AgendaItemNumber} — {opinion.AuthorFullName} ({SideShort(opinion.Side)}): ", bold: true),
                Run($"«{opinion.Text}» "),
                Run(opinion.IsReadOut ? "Оглашено на заседании." : "Не оглашено.", italic: true));
        }
    }

    /// <summary>R-3.10: the recommendations under each question: the assignments given with them.</summary>
    private static IEnumerable<OpenXmlElement> Decisions(ProtocolDocumentModel model)
    {
        yield return Paragraph(ProtocolStyle.Section, "РЕШИЛИ (рекомендации рабочей группы)");
        if (model.Decisions.Count == 0)
        {
            yield return Paragraph(ProtocolStyle.Body, "Решения не принимались.");
            yield break;
        }

        var number = 0;
        foreach (var decision in model.Decisions.OrderBy(d => d.AgendaItemNumber))
        {
            number++;
            yield return Paragraph(
                ProtocolStyle.Lead,
                Run($"{number}. По вопросу {decision.AgendaItemNumber} повестки: ", bold: true),
                Run(decision.Text));
            if (decision.Assignments.Count == 0)
            {
                continue;
            }

            yield return Paragraph(ProtocolStyle.Detail, Run("Поручения:", italic: true));
            yield return Table(
                [3300, 1500, 4555],
                ["Исполнитель", "Срок", "Ожидаемый результат"],
                decision.Assignments.Select(a => (IReadOnlyList<string>)[$"{a.Executor} ({SideShort(a.Side)})", ShortDate(a.DueDate), a.ExpectedResult]));
        }
    }

    /// <summary>R-3.10: the four places: a deputy signs "за сопредседателя" when the co-chair is absent.</summary>
    private static IEnumerable<OpenXmlElement> SignatureBlock(IReadOnlyList<SignatoryLine> signatories)
    {
        yield return Paragraph(ProtocolStyle.Section, "ПОДПИСИ");
        yield return Layout(
            [4400, 1800, 3155],
            signatories.Select(s => (IReadOnlyList<OpenXmlElement>)
            [
                Place(s),
                Paragraph(ProtocolStyle.Cell, "_____________"),
                Paragraph(ProtocolStyle.Cell, s.FullName),
            ]));
    }

    private static Paragraph Place(SignatoryLine signatory)
    {
        var side = SideGenitive(signatory.Side);
        var place = Paragraph(ProtocolStyle.Cell);
        place.ParagraphProperties!.Append(new SpacingBetweenLines { Before = "360", After = "0" });
        if (signatory.Role == SignatoryRole.Secretary)
        {
            place.Append(Run($"Ответственный секретарь от {side}"));
        }
        else if (signatory.ActingForFullName is { } coChair)
        {
            place.Append(
                Run($"Заместитель сопредседателя от {side}"),
                new Run(new Break()),
                Run($"за сопредседателя ({coChair}), п. 3.3", italic: true));
        }
        else
        {
            place.Append(Run($"Сопредседатель от {side}"));
        }

        return place;
    }

    private static Paragraph Labelled(string label, string text) => Paragraph(ProtocolStyle.Field, Run(label, bold: true), Run(text));

    /// <summary>A4 portrait; margins 30/15/20/20 mm, as Russian office documents have them.</summary>
    private static SectionProperties Page(string footerId) => new(
        new FooterReference { Type = HeaderFooterValues.Default, Id = footerId },
        new PageSize { Width = 11906, Height = 16838 },
        new PageMargin { Top = 1134, Bottom = 1134, Left = 1701, Right = 850, Header = 567, Footer = 567, Gutter = 0 });
}
