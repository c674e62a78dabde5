namespace AnnotationGate.Core.Configuration;

/// <summary>
/// Finds the first flow bracket (<c>{</c> or <c>[</c>) of a YAML text that is never closed, skipping
/// quoted scalars and comments. Used to place a parse error that the YAML parser reports without a
/// position.
/// </summary>
internal static class UnclosedBracket
{
    /// <summary>Returns the 1-based line and column of the unclosed bracket, or (1, 1, null) when every bracket closes.</summary>
    public static (int Line, int Column, char? Bracket) Find(string text)
    {
        var open = new Stack<(int Line, int Column, char Bracket)>();
        var line = 1;
        var column = 0;
        char? quote = null;
        var comment = false;
        var previous = '\n';
        foreach (var c in text)
        {
            column++;
            if (c == '\n')
            {
                line++;
                column = 0;
                comment = false;
                previous = c;
                continue;
            }

            if (comment)
            {
                continue;
            }

            if (quote is { } q)
            {
                if (c == q)
                {
                    quote = null;
                }
            }
            else if (c is '"' or '\'' && (open.Count > 0 || char.IsWhiteSpace(previous) || previous is ':' or '-' or ','))
            {
                quote = c;
            }
            else if (c == '#' && char.IsWhiteSpace(previous))
            {
                comment = true;
            }
            else if (c is '{' or '[')
            {
                open.Push((line, column, c));
            }
            else if (c is '}' or ']' && open.Count > 0)
            {
                open.Pop();
            }

            previous = c;
        }

        if (open.Count == 0)
        {
            return (1, 1, null);
        }

        var first = open.Last();
        return (first.Line, first.Column, first.Bracket);
    }
}
