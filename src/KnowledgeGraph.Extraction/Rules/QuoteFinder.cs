namespace KnowledgeGraph.Extraction.Rules;

/// <summary>
/// Finds quotations in every common style: “…”, "…", «…», ‘…’ and '…'. A quotation left open
/// at the end of a paragraph goes on when the next paragraph opens with the same mark (the
/// convention for quotes that span paragraphs); otherwise it ends with its paragraph.
/// </summary>
internal static class QuoteFinder
{
    public static List<Quote> Find(string text, IReadOnlyList<Paragraph> paragraphs)
    {
        var quotes = new List<Quote>();
        FindPaired(text, paragraphs, '“', '”', quotes);
        FindPaired(text, paragraphs, '«', '»', quotes);
        FindStraight(text, paragraphs, quotes);
        FindSingles(text, paragraphs, quotes);
        quotes.Sort((a, b) => a.Start.CompareTo(b.Start));
        return quotes;
    }

    private static void FindPaired(string text, IReadOnlyList<Paragraph> paragraphs, char open, char close, List<Quote> quotes)
    {
        for (var pi = 0; pi < paragraphs.Count; pi++)
        {
            var p = paragraphs[pi];
            var i = p.Start;
            while (i < p.End)
            {
                var o = text.IndexOf(open, i, p.End - i);
                if (o < 0)
                {
                    break;
                }

                var c = text.IndexOf(close, o + 1, p.End - o - 1);
                if (c >= 0)
                {
                    quotes.Add(new Quote(o, c + 1, o + 1, c, true));
                    i = c + 1;
                    continue;
                }

                // Open at the paragraph's end: continue into paragraphs that open with the same mark.
                var (end, innerEnd, closed, lastPara) = Continue(text, paragraphs, pi, open, close);
                quotes.Add(new Quote(o, end, o + 1, innerEnd, closed));
                pi = lastPara;
                break;
            }
        }
    }

    private static (int End, int InnerEnd, bool Closed, int LastParagraph) Continue(string text, IReadOnlyList<Paragraph> paragraphs, int pi, char open, char close)
    {
        var end = paragraphs[pi].End;
        var k = pi;
        while (k + 1 < paragraphs.Count && text[paragraphs[k + 1].Start] == open)
        {
            k++;
            var p = paragraphs[k];
            var c = text.IndexOf(close, p.Start + 1, p.End - p.Start - 1);
            if (c >= 0)
            {
                return (c + 1, c, true, k);
            }

            end = p.End;
        }

        return (end, end, false, k);
    }

    private static void FindStraight(string text, IReadOnlyList<Paragraph> paragraphs, List<Quote> quotes)
    {
        for (var pi = 0; pi < paragraphs.Count; pi++)
        {
            var p = paragraphs[pi];
            int? opened = null;
            for (var i = p.Start; i < p.End; i++)
            {
                if (text[i] != '"')
                {
                    continue;
                }

                if (opened is null)
                {
                    opened = i;
                }
                else
                {
                    quotes.Add(new Quote(opened.Value, i + 1, opened.Value + 1, i, true));
                    opened = null;
                }
            }

            if (opened is { } o)
            {
                var (end, innerEnd, closed, last) = Continue(text, paragraphs, pi, '"', '"');
                quotes.Add(new Quote(o, end, o + 1, innerEnd, closed));
                pi = last;
            }
        }
    }

    private static void FindSingles(string text, IReadOnlyList<Paragraph> paragraphs, List<Quote> quotes)
    {
        var doubles = quotes.ToList();
        foreach (var p in paragraphs)
        {
            int? opened = null;
            for (var i = p.Start; i < p.End; i++)
            {
                var ch = text[i];
                if (ch is not ('‘' or '’' or '\''))
                {
                    continue;
                }

                if (doubles.Any(q => i > q.Start && i < q.End))
                {
                    continue;
                }

                var before = i > p.Start ? text[i - 1] : ' ';
                var after = i + 1 < p.End ? text[i + 1] : ' ';
                if (opened is null)
                {
                    if ((ch is '‘' or '\'') && (char.IsWhiteSpace(before) || before is '(' or '—' or '-' || i == p.Start) && char.IsLetterOrDigit(after))
                    {
                        opened = i;
                    }
                }
                else if ((ch is '’' or '\'') && !char.IsLetter(after) && !char.IsWhiteSpace(before))
                {
                    quotes.Add(new Quote(opened.Value, i + 1, opened.Value + 1, i, true));
                    opened = null;
                }
            }
        }
    }
}
