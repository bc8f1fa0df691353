using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace WorkingGroup.Server.Documents;

/// <summary>The paragraph styles of the protocol, defined once in its styles part.</summary>
internal enum ProtocolStyle
{
    Heading,
    Subheading,
    Section,
    Lead,
    Field,
    Body,
    Detail,
    Cell,
    CellHeader,
}

/// <summary>
/// Small builders for the WordprocessingML the protocol needs: A4 with the margins of Russian
/// office documents, Times New Roman, a handful of paragraph styles, bordered and borderless tables.
/// </summary>
internal static class WordElements
{
    /// <summary>A4 width less the 30 mm left and 15 mm right margins, in twentieths of a point.</summary>
    public const int TextWidth = 11906 - 1701 - 850;

    public static Styles Styles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman", EastAsia = "Times New Roman" },
                new FontSize { Val = "26" },
                new FontSizeComplexScript { Val = "26" },
                new Languages { Val = "ru-RU" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }))),
        Style(ProtocolStyle.Heading, new Justification { Val = JustificationValues.Center }, bold: true, size: 32, spaceBefore: 0, spaceAfter: 60),
        Style(ProtocolStyle.Subheading, new Justification { Val = JustificationValues.Center }, bold: false, size: 26, spaceBefore: 0, spaceAfter: 120),
        Style(ProtocolStyle.Section, new Justification { Val = JustificationValues.Left }, bold: true, size: 26, spaceBefore: 240, spaceAfter: 120),
        Style(ProtocolStyle.Lead, new Justification { Val = JustificationValues.Left }, bold: false, size: 26, spaceBefore: 160, spaceAfter: 80),
        Style(ProtocolStyle.Field, new Justification { Val = JustificationValues.Left }, bold: false, size: 26, spaceBefore: 0, spaceAfter: 40),
        Style(ProtocolStyle.Body, new Justification { Val = JustificationValues.Both }, bold: false, size: 26, spaceBefore: 0, spaceAfter: 80),
        Style(ProtocolStyle.Detail, new Justification { Val = JustificationValues.Left }, bold: false, size: 22, spaceBefore: 0, spaceAfter: 80),
        Style(ProtocolStyle.Cell, new Justification { Val = JustificationValues.Left }, bold: false, size: 22, spaceBefore: 20, spaceAfter: 20),
        Style(ProtocolStyle.CellHeader, new Justification { Val = JustificationValues.Center }, bold: true, size: 22, spaceBefore: 20, spaceAfter: 20));

    public static Paragraph Paragraph(ProtocolStyle style, params OpenXmlElement[] content) =>
        new([new ParagraphProperties(new ParagraphStyleId { Val = style.ToString() }), .. content]);

    public static Paragraph Paragraph(ProtocolStyle style, string text) => Paragraph(style, Run(text));

    public static Run Run(string text, bool bold = false, bool italic = false)
    {
        var properties = new RunProperties();
        if (bold)
        {
            properties.Append(new Bold());
        }

        if (italic)
        {
            properties.Append(new Italic());
        }

        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    /// <summary>A link to <paramref name="relationshipId"/>, a hyperlink relationship of the main part.</summary>
    public static Hyperlink Link(string relationshipId, Uri target) =>
        new(new Run(
            new RunProperties(new Color { Val = "0563C1" }, new Underline { Val = UnderlineValues.Single }),
            new Text(target.AbsoluteUri)))
        { Id = relationshipId };

    /// <summary>A table of <paramref name="widths"/> (in twentieths of a point) with a repeated header row.</summary>
    public static Table Table(IReadOnlyList<int> widths, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = Invariant(widths.Sum()), Type = TableWidthUnitValues.Dxa },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 },
                    new LeftBorder { Val = BorderValues.Single, Size = 4 },
                    new BottomBorder { Val = BorderValues.Single, Size = 4 },
                    new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableCellMarginDefault(
                    new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa })),
            Grid(widths));
        table.Append(Row(widths, header, ProtocolStyle.CellHeader, isHeader: true));
        foreach (var row in rows)
        {
            table.Append(Row(widths, row, ProtocolStyle.Cell, isHeader: false));
        }

        return table;
    }

    /// <summary>A borderless layout table, for the signature block.</summary>
    public static Table Layout(IReadOnlyList<int> widths, IEnumerable<IReadOnlyList<OpenXmlElement>> rows)
    {
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = Invariant(widths.Sum()), Type = TableWidthUnitValues.Dxa },
                new TableLayout { Type = TableLayoutValues.Fixed }),
            Grid(widths));
        foreach (var cells in rows)
        {
            var row = new TableRow(new TableRowProperties(new CantSplit()));
            for (var i = 0; i < widths.Count; i++)
            {
                row.Append(new TableCell(
                    new TableCellProperties(
                        new TableCellWidth { Width = Invariant(widths[i]), Type = TableWidthUnitValues.Dxa },
                        new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Bottom }),
                    cells[i]));
            }

            table.Append(row);
        }

        return table;
    }

    private static Style Style(ProtocolStyle id, Justification justification, bool bold, int size, int spaceBefore, int spaceAfter)
    {
        var run = new StyleRunProperties(new FontSize { Val = Invariant(size) }, new FontSizeComplexScript { Val = Invariant(size) });
        if (bold)
        {
            run.PrependChild(new Bold());
        }

        return new Style(
            new StyleName { Val = id.ToString() },
            new StyleParagraphProperties(
                new KeepNext { Val = id is ProtocolStyle.Heading or ProtocolStyle.Subheading or ProtocolStyle.Section or ProtocolStyle.Lead },
                new SpacingBetweenLines { Before = Invariant(spaceBefore), After = Invariant(spaceAfter) },
                justification),
            run)
        { Type = StyleValues.Paragraph, StyleId = id.ToString(), CustomStyle = true };
    }

    private static TableGrid Grid(IReadOnlyList<int> widths) =>
        new(widths.Select(w => new GridColumn { Width = Invariant(w) }));

    private static TableRow Row(IReadOnlyList<int> widths, IReadOnlyList<string> texts, ProtocolStyle style, bool isHeader)
    {
        var row = new TableRow(isHeader ? new TableRowProperties(new TableHeader(), new CantSplit()) : new TableRowProperties(new CantSplit()));
        for (var i = 0; i < widths.Count; i++)
        {
            row.Append(new TableCell(
                new TableCellProperties(new TableCellWidth { Width = Invariant(widths[i]), Type = TableWidthUnitValues.Dxa }),
                Paragraph(style, texts[i])));
        }

        return row;
    }

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
