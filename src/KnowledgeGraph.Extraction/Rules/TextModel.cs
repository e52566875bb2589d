namespace KnowledgeGraph.Extraction.Rules;

/// <summary>A word or punctuation mark at an exact UTF-16 range of the text.</summary>
internal sealed record Token(int Start, int End, string Text, bool IsWord)
{
    /// <summary>The word without a trailing possessive <c>'s</c>.</summary>
    public string Bare => Possessive ? Text[..^2] : Text;

    /// <summary>Whether the word ends in <c>'s</c> or <c>’s</c>.</summary>
    public bool Possessive => IsWord && Text.Length > 2 && Text[^1] == 's' && Text[^2] is '\'' or '’';

    /// <summary>The bare word in lower case.</summary>
    public string Lower { get; } = (IsWord && Text.Length > 2 && Text[^1] == 's' && Text[^2] is '\'' or '’' ? Text[..^2] : Text).ToLowerInvariant();

    /// <summary>Whether the word starts with a capital letter.</summary>
    public bool IsCapitalised => IsWord && char.IsUpper(Text[0]);
}

/// <summary>A paragraph: a run of text between line breaks.</summary>
internal sealed record Paragraph(int Index, int Start, int End, bool IsHeadline);

/// <summary>A sentence inside a paragraph, with its tokens.</summary>
internal sealed record Sentence(int Index, Paragraph Paragraph, int Start, int End, IReadOnlyList<Token> Tokens);

/// <summary>A quotation: the opening mark's offset and the offset just past the closing mark.</summary>
internal sealed record Quote(int Start, int End, int InnerStart, int InnerEnd, bool Closed);

/// <summary>The article cut into paragraphs, sentences, tokens and quotations.</summary>
internal sealed class TextModel
{
    public TextModel(string text)
    {
        Text = text;
        Paragraphs = CutParagraphs(text);
        Quotes = QuoteFinder.Find(text, Paragraphs);
        var sentences = new List<Sentence>();
        foreach (var p in Paragraphs)
        {
            foreach (var (s, e, toks) in CutSentences(text, p.Start, p.End))
            {
                sentences.Add(new Sentence(sentences.Count, p, s, e, toks));
            }
        }

        Sentences = sentences;
    }

    public string Text { get; }

    public IReadOnlyList<Paragraph> Paragraphs { get; }

    public IReadOnlyList<Sentence> Sentences { get; }

    public IReadOnlyList<Quote> Quotes { get; }

    public bool InQuote(int offset) => Quotes.Any(q => offset >= q.Start && offset < q.End);

    public Paragraph ParagraphAt(int offset) => Paragraphs.Last(p => p.Start <= offset);

    public Sentence? SentenceAt(int offset) => Sentences.FirstOrDefault(s => s.Start <= offset && offset < s.End);

    public static List<Token> Tokenise(string text, int start, int end)
    {
        var tokens = new List<Token>();
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                var j = i + 1;
                while (j < end)
                {
                    var d = text[j];
                    if (char.IsLetterOrDigit(d) || char.GetUnicodeCategory(d) == System.Globalization.UnicodeCategory.NonSpacingMark)
                    {
                        j++;
                    }
                    else if ((d is '\'' or '’') && j + 1 < end && char.IsLetter(text[j + 1]))
                    {
                        j++;
                    }
                    else if (d == ',' && char.IsDigit(text[j - 1]) && j + 1 < end && char.IsDigit(text[j + 1]))
                    {
                        j++;
                    }
                    else if (d == '.' && j + 1 < end && char.IsLetter(text[j + 1]) && IsInitialRun(text, i, j))
                    {
                        j++; // U.S., U.K.
                    }
                    else
                    {
                        break;
                    }
                }

                // Keep the dot of an abbreviation or an initial with its word.
                if (j < end && text[j] == '.')
                {
                    var word = text[i..j];
                    if (Lexicon.Abbreviations.Contains(word.ToLowerInvariant()) || (word.Length == 1 && char.IsUpper(word[0])) || word.Contains('.', StringComparison.Ordinal))
                    {
                        j++;
                    }
                }

                tokens.Add(new Token(i, j, text[i..j], true));
                i = j;
                continue;
            }

            tokens.Add(new Token(i, i + 1, text[i..(i + 1)], false));
            i++;
        }

        return tokens;
    }

    private static bool IsInitialRun(string text, int start, int dot)
    {
        // Letters separated by single dots: every segment one letter long.
        var seg = 0;
        for (var k = start; k < dot; k++)
        {
            if (text[k] == '.')
            {
                if (seg != 1)
                {
                    return false;
                }

                seg = 0;
            }
            else
            {
                seg++;
            }
        }

        return seg == 1 && char.IsUpper(text[start]);
    }

    private static List<Paragraph> CutParagraphs(string text)
    {
        var list = new List<Paragraph>();
        var i = 0;
        while (i < text.Length)
        {
            var nl = text.IndexOf('\n', i);
            var end = nl < 0 ? text.Length : nl;
            var s = i;
            var e = end;
            while (s < e && char.IsWhiteSpace(text[s]))
            {
                s++;
            }

            while (e > s && char.IsWhiteSpace(text[e - 1]))
            {
                e--;
            }

            if (e > s)
            {
                list.Add(new Paragraph(list.Count, s, e, IsHeadline(text, s, e)));
            }

            i = end + 1;
        }

        return list;
    }

    // A headline, a crosshead or a caption: a short line with no closing punctuation.
    private static bool IsHeadline(string text, int start, int end)
    {
        var last = text[end - 1];
        if (last is '.' or '!' or '?' or ':')
        {
            return false;
        }

        // A paragraph that ends with a quotation is a quoted sentence when the quote ends with punctuation.
        if (last is '”' or '"' or '’' or '»' or '\'' && end - start > 1 && text[end - 2] is '.' or '!' or '?' or ',' or '…')
        {
            return false;
        }

        var words = text[start..end].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return words <= 20;
    }

    private static IEnumerable<(int Start, int End, List<Token> Tokens)> CutSentences(string text, int start, int end)
    {
        var tokens = Tokenise(text, start, end);
        var from = 0;
        for (var k = 0; k < tokens.Count; k++)
        {
            var t = tokens[k];
            if (t.IsWord || t.Text is not ("." or "!" or "?"))
            {
                continue;
            }

            var last = k;
            while (last + 1 < tokens.Count && tokens[last + 1].Text is "”" or "\"" or "’" or "'" or "»" or ")")
            {
                last++;
            }

            var next = last + 1 < tokens.Count ? tokens[last + 1] : null;
            if (next is null || char.IsUpper(next.Text[0]) || next.Text is "“" or "\"" or "‘" or "«" or "(")
            {
                yield return (tokens[from].Start, tokens[last].End, tokens.GetRange(from, last - from + 1));
                from = last + 1;
                k = last;
            }
        }

        if (from < tokens.Count)
        {
            yield return (tokens[from].Start, tokens[^1].End, tokens.GetRange(from, tokens.Count - from));
        }
    }
}
