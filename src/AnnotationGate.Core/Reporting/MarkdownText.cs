using System.Text;

namespace AnnotationGate.Core.Reporting;

/// <summary>Escapes text for GitHub-flavoured Markdown and writes pipe tables.</summary>
public static class MarkdownText
{
    /// <summary>
    /// Escapes text for a table cell. Markdown punctuation that could start a link, emphasis or code
    /// gets a backslash, <c>|</c> becomes <c>\|</c>, and <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c>
    /// become entities. Line breaks become <c>&lt;br&gt;</c>, and <c>@</c> is followed by a
    /// zero-width space so that a GitHub comment mentions nobody.
    /// </summary>
    public static string Cell(string? text) => Escape(text, "<br>");

    /// <summary>Escapes text for a paragraph: like <see cref="Cell"/>, but line breaks become spaces.</summary>
    public static string Inline(string? text) => Escape(text, " ");

    /// <summary>Appends a pipe table; <paramref name="rightAligned"/> marks numeric columns by index.</summary>
    public static void AppendTable(
        StringBuilder builder,
        IReadOnlyList<string> columns,
        IEnumerable<IReadOnlyList<string>> rows,
        ISet<int>? rightAligned = null)
    {
        builder.Append('|');
        foreach (var column in columns)
        {
            builder.Append(' ').Append(Cell(column)).Append(" |");
        }

        builder.Append('\n').Append('|');
        for (var i = 0; i < columns.Count; i++)
        {
            builder.Append(rightAligned?.Contains(i) == true ? " ---: |" : " --- |");
        }

        builder.Append('\n');
        foreach (var row in rows)
        {
            AppendRow(builder, row, columns.Count);
        }
    }

    private static void AppendRow(StringBuilder builder, IReadOnlyList<string> row, int width)
    {
        builder.Append('|');
        for (var i = 0; i < width; i++)
        {
            var cell = i < row.Count ? row[i] : string.Empty;
            builder.Append(' ').Append(cell).Append(cell.Length == 0 ? "|" : " |");
        }

        builder.Append('\n');
    }

    private static string Escape(string? text, string lineBreak)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                builder.Append(lineBreak);
                i += i + 1 < text.Length && text[i + 1] == '\n' ? 1 : 0;
                continue;
            }

            builder.Append(EscapeChar(c, lineBreak));
        }

        return builder.ToString();
    }

    // A zero-width space after '@' keeps "@name" in a model output from notifying a GitHub user.
    private static string EscapeChar(char c, string lineBreak) => c switch
    {
        '@' => "@\u200B",
        '\n' => lineBreak,
        '\t' => " ",
        '<' => "&lt;",
        '>' => "&gt;",
        '&' => "&amp;",
        '\\' or '|' or '*' or '_' or '`' or '[' or ']' or '~' => "\\" + c,
        _ when char.IsControl(c) => " ",
        _ => c.ToString(),
    };
}
