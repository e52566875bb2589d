using KnowledgeGraph.Domain.Model;

namespace KnowledgeGraph.Extraction.Rules;

internal sealed partial class ArticleReader
{
    private static readonly HashSet<string> OccasionWords = new(["talks", "round", "meeting", "summit", "conference", "briefing", "interview", "session", "hearing", "negotiations", "rally", "ceremony", "address", "speech"], StringComparer.Ordinal);
    private static readonly HashSet<string> EvidenceNouns = new(["photos", "photographs", "footage", "video", "videos", "images", "pictures", "satellite"], StringComparer.Ordinal);

    private void Add(Found f, Mention? mention)
    {
        _found.Add(f);
        if (f.Speaker is { } s)
        {
            _speakerTimeline.Add((f.Start, s));
            if (s.Type == SpeakerType.Person && mention is { Kind: MentionKind.Person })
            {
                _personMentions.Add(new PersonMention(mention.Start, mention.Name!, mention.Alias, s.Role, mention.OrganisationText, mention.CountryCode));
            }
        }
    }

    // ---- Direct quotes --------------------------------------------------------------------

    private void ReadQuotes()
    {
        var quotes = _model.Quotes;
        Found? previous = null;
        Quote? previousQuote = null;
        for (var i = 0; i < quotes.Count; i++)
        {
            var q = quotes[i];
            var para = _model.ParagraphAt(q.Start);
            if (para.IsHeadline || !IsRealQuote(q))
            {
                continue; // a headline's quote or a scare quote
            }

            // A quote split by its attribution: “…,” he said, “…”.
            var group = new List<Quote> { q };
            var post = PostAttribution(q, para);
            if (post is { } pa && i + 1 < quotes.Count)
            {
                // The next quote in the same paragraph, with only the attribution (and its apposition) between.
                var next = quotes[i + 1];
                var between = next.Start > pa.End && next.Start < para.End ? _text[pa.End..next.Start] : null;
                if (between is not null && between.Length <= 200 && !TextModel.Tokenise(between, 0, between.Length).Any(t => t.IsWord && Lexicon.ReportingVerbs.ContainsKey(t.Lower)))
                {
                    group.Add(next);
                    i++;
                }
            }

            var first = group[0];
            var last = group[^1];
            Found? f = null;
            if (post is { } attribution)
            {
                f = QuoteFound(first.Start, last.End, attribution.Kind, attribution.Mention, group.Count > 1 ? "quote.split-by-attribution" : "quote.attribution-after", 0.9);
                if (f is not null)
                {
                    f.ContextStart = q.End;
                    f.ContextEnd = Math.Max(attribution.End, _model.SentenceAt(attribution.End - 1)?.End ?? attribution.End);
                }
            }
            else if (PreAttribution(q, para) is { } pre)
            {
                f = QuoteFound(first.Start, last.End, pre.Kind, pre.Mention, pre.Rule, pre.Rule == "quote.introduced-by-colon" ? 0.85 : 0.9);
                if (f is not null)
                {
                    f.ContextStart = pre.Start;
                    f.ContextEnd = pre.End;
                }
            }
            else if (previous is not null && previousQuote is not null && ParagraphFollows(previousQuote, q) && _text[para.Start] == _text[q.Start])
            {
                f = new Found
                {
                    Start = first.Start, End = last.End, Direct = true, Kind = previous.Kind, Speaker = previous.Speaker,
                    Rule = "quote.continues-previous-speaker", Confidence = 0.6, ContextStart = q.Start, ContextEnd = q.Start,
                };
            }
            else
            {
                Decide("quote.unattributed", q.Start, "no speaker found before, after or in the paragraph before; not proposed");
            }

            if (f is not null)
            {
                // "X acknowledged that …. “…,” X said.": a quote right after X's stance goes on with it.
                var lead = f.Kind == StatementKind.Assessment && f.Speaker is { } who
                    ? _found.LastOrDefault(o => !o.Direct && o.End <= f.Start && o.Start >= para.Start && o.Speaker?.Key == who.Key
                                                && o.Kind is StatementKind.Acknowledgement or StatementKind.Denial or StatementKind.Rejection or StatementKind.Confirmation)
                    : null;
                if ((f.Kind == StatementKind.Assessment || f.Rule == "quote.continues-previous-speaker") && IsConditionalConsequence(first.InnerStart, last.InnerEnd))
                {
                    f.Kind = StatementKind.Warning;
                    f.Reasons.Add("kind.quote-conditional-consequence");
                }
                else if (lead is not null)
                {
                    f.Kind = lead.Kind;
                    f.Reasons.Add("kind.quote-follows-reported-stance");
                }

                Add(f, null);
                previous = f;
                previousQuote = last;
            }
        }
    }

    private Found? QuoteFound(int start, int end, StatementKind kind, Mention mention, string rule, double confidence)
    {
        var speaker = Resolve(mention, start, out var unnamed);
        if (speaker is null && !unnamed)
        {
            Decide("quote.speaker-unresolved", start, $"'{mention.Text}' points to no one; not proposed");
            return null;
        }

        var f = new Found
        {
            Start = start, End = end, Direct = true, Kind = kind, Speaker = speaker, Rule = rule, Confidence = confidence * (speaker is null ? 0.8 : 1),
            Unnamed = unnamed,
        };
        f.Reasons.Add(rule);
        f.Reasons.Add(speaker?.Rule ?? "speaker.unnamed-source");
        f.Reasons.Add("kind.verb");
        if (mention.Kind == MentionKind.Person && speaker is not null)
        {
            _personMentions.Add(new PersonMention(mention.Start, mention.Name!, mention.Alias, speaker.Role, mention.OrganisationText, mention.CountryCode));
        }

        return f;
    }

    // A quotation, not a scare quote: four words or more, or a sentence of its own (ending in punctuation).
    private bool IsRealQuote(Quote q) =>
        WordCount(q) >= 4 || q.InnerEnd > q.InnerStart && _text[q.InnerEnd - 1] is ',' or '.' or '!' or '?';

    private int WordCount(Quote q) => TextModel.Tokenise(_text, q.InnerStart, q.InnerEnd).Count(t => t.IsWord);

    private bool ParagraphFollows(Quote a, Quote b)
    {
        var pb = _model.ParagraphAt(b.Start);
        var lastOfA = _model.ParagraphAt(Math.Max(a.Start, a.End - 1));
        return pb.Index == lastOfA.Index + 1 && pb.Start == b.Start;
    }

    // "Those who …, will …", "If …, … will …": a warning whatever the verb that reported it.
    private bool IsConditionalConsequence(int start, int end)
    {
        var inner = _text[start..end].ToLowerInvariant();
        var will = inner.Contains(" will ", StringComparison.Ordinal) || inner.Contains(" would ", StringComparison.Ordinal);
        var sentenceIf = inner.Contains(". if ", StringComparison.Ordinal) || inner.Contains("? if ", StringComparison.Ordinal);
        return will && (inner.StartsWith("those who ", StringComparison.Ordinal) || inner.StartsWith("if ", StringComparison.Ordinal) || sentenceIf
                        || inner.StartsWith("anyone who ", StringComparison.Ordinal) || inner.Contains(" will pay", StringComparison.Ordinal)
                        || inner.Contains(" will face ", StringComparison.Ordinal));
    }

    // After the closing mark: “…,” he said / “…,” Budanov said / “…,” said the minister.
    private (StatementKind Kind, Mention Mention, int End)? PostAttribution(Quote q, Paragraph para)
    {
        if (q.End >= para.End)
        {
            return null;
        }

        var toks = TextModel.Tokenise(_text, q.End, para.End);
        var k = 0;
        if (k < toks.Count && toks[k].Text == ",")
        {
            k++;
        }

        // Verb first: "said Budanov", "said the commander".
        if (k < toks.Count && toks[k].IsWord && Lexicon.ReportingVerbs.TryGetValue(toks[k].Lower, out var kind1))
        {
            var j = k + 1;
            while (j < toks.Count && (toks[j].IsWord || toks[j].Text == "-") && j - k <= 6)
            {
                j++;
            }

            if (j > k + 1)
            {
                var phrase = toks.Skip(k + 1).Take(j - k - 1).ToList();
                List<Token>? apposition = null;
                if (j < toks.Count && toks[j].Text == ",")
                {
                    var m = j + 1;
                    while (m < toks.Count && toks[m].Text is not ("," or "." or "“" or "\""))
                    {
                        m++;
                    }

                    apposition = toks.Skip(j + 1).Take(m - j - 1).ToList();
                }

                if (Classify(phrase, apposition) is { } mention)
                {
                    return (kind1, mention, phrase[^1].End);
                }
            }
        }

        // Subject first: "he said", "Budanov told reporters".
        for (var v = k; v < toks.Count && v <= k + 7; v++)
        {
            if (!toks[v].IsWord)
            {
                break;
            }

            if (Lexicon.ReportingVerbs.TryGetValue(toks[v].Lower, out var kind2) && v > k)
            {
                var subject = SubjectBefore(toks, v);
                if (subject is { } sp && sp.Phrase[0].Start == toks[k].Start && Classify(sp.Phrase, sp.Apposition) is { } mention)
                {
                    return (kind2, mention, toks[v].End);
                }
            }
        }

        return null;
    }

    // Before the opening mark: "X said: “…”", "X said, “…”", or the paragraph before ends "X said …:".
    private (StatementKind Kind, Mention Mention, int Start, int End, string Rule)? PreAttribution(Quote q, Paragraph para)
    {
        if (q.Start > para.Start)
        {
            var sentence = _model.Sentences.LastOrDefault(s => s.Paragraph == para && s.Start < q.Start);
            if (sentence is not null)
            {
                var toks = sentence.Tokens.Where(t => t.End <= q.Start).ToList();
                if (toks.Count > 0 && toks[^1].Text is ":" or ",")
                {
                    if (FirstReportingClause(toks) is { } c)
                    {
                        return (c.Kind, c.Mention, sentence.Start, q.Start, "quote.attribution-before");
                    }
                }
            }

            return null;
        }

        if (para.Index == 0)
        {
            return null;
        }

        var before = _model.Paragraphs[para.Index - 1];
        if (_text[before.End - 1] != ':')
        {
            return null;
        }

        var intro = _model.Sentences.Last(s => s.Paragraph == before);
        if (FirstReportingClause(intro.Tokens) is { } clause)
        {
            return (clause.Kind, clause.Mention, intro.Start, intro.End, "quote.introduced-by-colon");
        }

        return null;
    }

    private (StatementKind Kind, Mention Mention)? FirstReportingClause(IReadOnlyList<Token> toks)
    {
        for (var v = 0; v < toks.Count; v++)
        {
            if (toks[v].IsWord && Lexicon.ReportingVerbs.TryGetValue(toks[v].Lower, out var kind) && !_model.InQuote(toks[v].Start)
                && SubjectBefore(toks, v) is { } sp && Classify(sp.Phrase, sp.Apposition) is { } mention)
            {
                return (kind, mention);
            }
        }

        return null;
    }

    // ---- Reported speech --------------------------------------------------------------------

    private void ReadReportedSpeech()
    {
        foreach (var s in _model.Sentences.Where(s => !s.Paragraph.IsHeadline))
        {
            var toks = s.Tokens;
            var inSentence = new List<Found>();
            for (var k = 0; k < toks.Count; k++)
            {
                var t = toks[k];
                if (!t.IsWord || t.IsCapitalised || _model.InQuote(t.Start))
                {
                    continue;
                }

                var released = t.Lower is "released" or "published" or "posted" or "showed" && k + 1 < toks.Count && EvidenceNouns.Contains(toks[k + 1].Lower);
                var calledFor = t.Lower is "called" or "calls" or "call" && k + 1 < toks.Count && toks[k + 1].Lower == "for";
                if (!Lexicon.ReportingVerbs.TryGetValue(t.Lower, out var kind) && !released && !calledFor)
                {
                    continue;
                }

                var kindRule = "kind.verb:" + t.Lower;
                if (released)
                {
                    kind = StatementKind.Claim;
                    kindRule = "kind.released-evidence";
                }
                else if (calledFor)
                {
                    kind = StatementKind.Appeal;
                    kindRule = "kind.called-for";
                }
                else if (Lexicon.NeutralVerbs.Contains(t.Lower))
                {
                    kind = StatementKind.Claim;
                    kindRule = "kind.reported-said-is-claim";
                }

                var prev = k > 0 ? toks[k - 1] : null;
                if (prev is { IsWord: true } && (Lexicon.Determiners.Contains(prev.Lower) || prev.Lower == "to"))
                {
                    continue; // a noun ("the claims") or an infinitive ("to warn")
                }

                if (inSentence.Any(o => o.Start <= t.Start && t.Start < o.End))
                {
                    continue; // a verb inside what someone else is reported to have said
                }

                if (_model.Quotes.Any(q => q.End <= t.Start && q.End > s.Start - 1 && WordCount(q) >= 4 && q.Start >= s.Paragraph.Start))
                {
                    continue; // the attribution of a quote ("…,” Budanov said on Sunday): the quote carries the statement
                }

                var clauseEnd = ClauseEnd(s, t.End);
                var contentWords = TextModel.Tokenise(_text, t.End, clauseEnd).Count(x => x.IsWord && !IsTimeWord(x));
                if (IsQuoteIntroduction(s, t.End))
                {
                    continue; // "X said:" introducing a quote, which carries the statement
                }

                Found? f;
                var subject = SubjectBefore(toks, k);
                var mention = subject is { } sp ? Classify(sp.Phrase, sp.Apposition) : null;
                var inverted = false;
                var afterVerb = _text[t.End..s.End].TrimStart();
                while (afterVerb.Length > 0 && TextModel.Tokenise(afterVerb, 0, afterVerb.Length) is [{ IsWord: true } w, ..] && IsTimeWord(w))
                {
                    afterVerb = afterVerb[w.End..].TrimStart();
                }

                if (contentWords < 2 || afterVerb.StartsWith(','))
                {
                    // "Rain cut off a dozen villages, the emergency service said yesterday": the clause before is what was said.
                    var commaBefore = subject is { } sp2 && sp2.Phrase[0].Start > s.Start ? toks.LastOrDefault(x => x.End <= sp2.Phrase[0].Start) : null;
                    if (mention is null || commaBefore?.Text != "," || _model.InQuote(s.Start) || _text[s.Start] is '“' or '"' or '‘' or '«' or '\'')
                    {
                        continue;
                    }

                    inverted = true;
                    var timeEnd = t.End;
                    foreach (var x in toks.Where(x => x.Start >= t.End))
                    {
                        if (!x.IsWord || !IsTimeWord(x))
                        {
                            break;
                        }

                        timeEnd = x.End;
                    }

                    clauseEnd = timeEnd;
                }

                if (mention is not null)
                {
                    var speaker = Resolve(mention, mention.Start, out var unnamed);
                    if (speaker is null && !unnamed)
                    {
                        Decide("reported.speaker-unresolved", mention.Start, $"'{mention.Text}' points to no one; not proposed");
                        continue;
                    }

                    var start = inverted ? s.Start : OccasionStart(s, mention.Start) ?? mention.Start;
                    f = new Found
                    {
                        Start = start, End = clauseEnd, Direct = false, Kind = kind, Speaker = speaker, Unnamed = unnamed,
                        Rule = released ? "reported.released-evidence" : inverted ? "reported.clause-then-attribution" : "reported.subject-verb",
                        Confidence = (speaker is null ? 0.7 : 0.8) * (inverted ? 0.9 : 1),
                        ContextStart = s.Start, ContextEnd = clauseEnd,
                    };
                    f.Reasons.Add(f.Rule);
                    if (start != mention.Start)
                    {
                        f.Reasons.Add("span.occasion-phrase");
                    }

                    f.Reasons.Add(speaker?.Rule ?? "speaker.unnamed-source");
                    Add(f, mention);
                }
                else if (prev is { IsWord: true, Lower: "and" } && inSentence.Count > 0)
                {
                    var main = inSentence[^1];
                    f = new Found
                    {
                        Start = t.Start, End = clauseEnd, Direct = false, Kind = kind, Speaker = main.Speaker, Unnamed = main.Unnamed,
                        Rule = "reported.coordinated-verb", Confidence = 0.7, ContextStart = s.Start, ContextEnd = clauseEnd,
                    };
                    f.Reasons.Add(f.Rule);
                    Add(f, null);
                }
                else
                {
                    continue;
                }

                f.ObjectText = inverted ? _text[s.Start..mention!.Start].Trim() : _text[t.End..clauseEnd].Trim();
                f.Reasons.Add(kindRule);
                inSentence.Add(f);

                // ", warning that …": a second statement by the same speaker.
                var part = ParticipleAt(s, clauseEnd);
                if (part is { } p)
                {
                    var pEnd = ClauseEnd(s, p.Token.End);
                    var second = new Found
                    {
                        Start = p.Token.Start, End = pEnd, Direct = false, Kind = p.Kind, Speaker = f.Speaker, Unnamed = f.Unnamed,
                        Rule = "reported.participle-that", Confidence = 0.7, Main = f, ContextStart = s.Start, ContextEnd = pEnd,
                    };
                    second.Reasons.Add(second.Rule);
                    second.ObjectText = _text[p.Token.End..pEnd].Trim();
                    Add(second, null);
                    inSentence.Add(second);
                }
            }
        }
    }

    private static bool IsTimeWord(Token t) =>
        t.Lower is "on" or "yesterday" or "today" or "earlier" or "later" or "late" or "last" or "night" or "week" or "this" or "morning" or "evening" or "afternoon"
        || Lexicon.Weekdays.ContainsKey(t.Lower);

    // "According to X, …" and "…, according to X": the clause is what X said.
    private void ReadAccordingTo()
    {
        foreach (var s in _model.Sentences.Where(s => !s.Paragraph.IsHeadline))
        {
            var toks = s.Tokens;
            for (var k = 0; k + 2 < toks.Count; k++)
            {
                if (toks[k].Lower != "according" || toks[k + 1].Lower != "to" || _model.InQuote(toks[k].Start))
                {
                    continue;
                }

                var j = k + 2;
                while (j < toks.Count && toks[j].Text is not ("," or "." or ";"))
                {
                    j++;
                }

                var phrase = toks.Skip(k + 2).Take(j - k - 2).ToList();
                // "diplomats close to the talks": the source is the noun phrase before any qualifier.
                var cut = phrase.FindIndex(t => t.IsWord && t.Lower is "close" or "familiar" or "who" or "with" or "in" or "at" or "from");
                if (cut > 0)
                {
                    phrase = phrase.Take(cut).ToList();
                }

                if (phrase.Count == 0 || Classify(phrase, null) is not { } mention)
                {
                    continue;
                }

                var speaker = Resolve(mention, mention.Start, out var unnamed);
                if (speaker is null && !unnamed)
                {
                    continue;
                }

                var end = ClauseEnd(s, k == 0 ? toks[Math.Min(j + 1, toks.Count - 1)].Start : s.Start);
                var clause = k == 0 ? toks.Where(t => t.Start > toks[j].Start && t.End <= end).ToList() : toks.Where(t => t.End <= toks[k].Start).ToList();
                var verb = clause.FirstOrDefault(t => t.IsWord && !t.IsCapitalised && Lexicon.ReportingVerbs.ContainsKey(t.Lower) && !Lexicon.NeutralVerbs.Contains(t.Lower));
                var kind = verb is null ? StatementKind.Report : Lexicon.ReportingVerbs[verb.Lower];
                var f = new Found
                {
                    Start = s.Start, End = end, Direct = false, Kind = kind, Speaker = speaker, Unnamed = unnamed,
                    Rule = "reported.according-to", Confidence = 0.75, ContextStart = s.Start, ContextEnd = end,
                };
                f.Reasons.Add(f.Rule);
                f.Reasons.Add(speaker?.Rule ?? "speaker.unnamed-source");
                f.Reasons.Add(verb is null ? "kind.according-to-is-report" : "kind.verb:" + verb.Lower);
                _found.RemoveAll(o => o.Start >= s.Start && o.End <= end && o.Rule is "reported.subject-verb" && o.Speaker is null && !o.Unnamed);
                Add(f, mention);
            }
        }
    }

    // "At the last round of talks on June 2, Moscow demanded …": the occasion belongs to the evidence.
    private static int? OccasionStart(Sentence s, int subjectStart)
    {
        var toks = s.Tokens;
        if (toks.Count == 0 || toks[0].Lower is not ("at" or "during" or "in" or "after"))
        {
            return null;
        }

        var lead = toks.TakeWhile(t => t.Start < subjectStart).ToList();
        if (lead.Count < 3 || lead[^1].Text != "," || lead.Count(t => t.Text == ",") != 1)
        {
            return null;
        }

        return lead.Any(t => OccasionWords.Contains(t.Lower)) ? toks[0].Start : null;
    }

    private bool IsQuoteIntroduction(Sentence s, int from)
    {
        var rest = _text[from..s.End].TrimEnd();
        if (!rest.EndsWith(':'))
        {
            return false;
        }

        var para = s.Paragraph;
        return s.End >= para.End - 1;
    }

    private static (Token Token, StatementKind Kind)? ParticipleAt(Sentence s, int clauseEnd)
    {
        var toks = s.Tokens;
        var i = toks.ToList().FindIndex(t => t.Start >= clauseEnd);
        if (i < 0 || toks[i].Text != "," || i + 2 >= toks.Count)
        {
            return null;
        }

        var p = toks[i + 1];
        return Lexicon.Participles.TryGetValue(p.Lower, out var kind) && toks[i + 2].Lower == "that" ? (p, kind) : null;
    }

    // Where a reported clause ends: the sentence's end, or before ", even as", "; ", a dash, a
    // ", warning that" or an ", and accused …" that opens another statement.
    private int ClauseEnd(Sentence s, int from)
    {
        var end = s.End;
        var text = _text;
        foreach (var brk in Lexicon.ClauseBreaks)
        {
            var i = text.IndexOf(brk, from, end - from, StringComparison.Ordinal);
            if (i >= 0)
            {
                end = i;
            }
        }

        for (var i = from; i < end; i++)
        {
            var c = text[i];
            // A real quotation opening (not a scare quote) ends the reported clause.
            if (c == ':' && (text.AsSpan(i + 1, end - i - 1).Trim().Length == 0 || _model.Quotes.Any(q => q.Start > i && q.Start <= i + 3))
                || ((c is '“' or '«' or '"' or '‘') && _model.Quotes.Any(q => q.Start == i && WordCount(q) >= 4)))
            {
                end = i;
                break;
            }

            // "Dnipropetrovsk-a major hub": a hyphen standing for a dash before an article or relative.
            if (c == '-' && i > from && char.IsLetter(text[i - 1]) && i + 1 < end)
            {
                var next = text.AsSpan(i + 1, Math.Min(7, end - i - 1));
                if (next.StartsWith("a ") || next.StartsWith("an ") || next.StartsWith("the ") || next.StartsWith("which ") || next.StartsWith("who "))
                {
                    end = i;
                    break;
                }
            }
        }

        var toks = s.Tokens;
        for (var k = 0; k + 2 < toks.Count; k++)
        {
            var t = toks[k];
            if (t.Start < from || t.Start >= end)
            {
                continue;
            }

            // ", warning that …"
            if (t.Text == "," && Lexicon.Participles.ContainsKey(toks[k + 1].Lower) && toks[k + 2].Lower == "that")
            {
                end = t.Start;
                break;
            }

            // ", and accused …" / " and accused …"
            if (t.Lower == "and" && Lexicon.ReportingVerbs.ContainsKey(toks[k + 1].Lower) && !toks[k + 1].IsCapitalised)
            {
                end = k > 0 && toks[k - 1].Text == "," ? toks[k - 1].Start : t.Start;
                break;
            }
        }

        // Never the closing punctuation or trailing space.
        while (end > from && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is '.' or ',' or ';' or '!' or '?' or ':'))
        {
            end--;
        }

        return end;
    }

    // ---- Calls supported by several, agreements ------------------------------------------------

    // "calls for a ceasefire supported by A, B and C": an appeal by each supporter, on one span.
    private void ReadAppealLists()
    {
        foreach (var s in _model.Sentences.Where(s => !s.Paragraph.IsHeadline))
        {
            var toks = s.Tokens;
            for (var k = 0; k + 1 < toks.Count; k++)
            {
                if (toks[k].Lower is not ("calls" or "call" or "appeals" or "demands") || toks[k + 1].Lower != "for" || _model.InQuote(toks[k].Start))
                {
                    continue;
                }

                var by = -1;
                for (var j = k + 2; j + 1 < toks.Count; j++)
                {
                    if (toks[j].Lower is "supported" or "backed" or "made" or "issued" or "voiced" && toks[j + 1].Lower == "by")
                    {
                        by = j + 1;
                        break;
                    }
                }

                if (by < 0)
                {
                    continue;
                }

                var end = ClauseEnd(s, toks[by].End);
                var items = SplitList(toks.Where(t => t.Start > toks[by].Start && t.End <= end).ToList());
                var kind = toks[k].Lower == "demands" ? StatementKind.Demand : StatementKind.Appeal;
                foreach (var item in items)
                {
                    var mention = Classify(item, null);
                    if (mention is null)
                    {
                        continue;
                    }

                    var speaker = Resolve(mention, mention.Start, out var unnamed);
                    if (speaker is null && !unnamed)
                    {
                        continue;
                    }

                    var f = new Found
                    {
                        Start = toks[k].Start, End = end, Direct = false, Kind = kind, Speaker = speaker, Unnamed = unnamed,
                        Rule = "reported.calls-supported-by", Confidence = 0.7, ContextStart = s.Start, ContextEnd = end,
                    };
                    f.Reasons.Add(f.Rule);
                    f.Reasons.Add(speaker?.Rule ?? "speaker.unnamed-source");
                    Add(f, mention);
                }
            }
        }
    }

    private static List<List<Token>> SplitList(List<Token> toks)
    {
        var items = new List<List<Token>>();
        var current = new List<Token>();
        foreach (var t in toks)
        {
            if (t.Text == "," || t.Lower is "and" or "or")
            {
                if (current.Count > 0)
                {
                    items.Add(current);
                }

                current = [];
                continue;
            }

            current.Add(t);
        }

        if (current.Count > 0)
        {
            items.Add(current);
        }

        return items;
    }

    // "an agreement on a prisoner exchange": an agreement of the parties, with no single speaker.
    private void ReadAgreements()
    {
        foreach (var s in _model.Sentences.Where(s => !s.Paragraph.IsHeadline))
        {
            var toks = s.Tokens;
            for (var k = 0; k + 2 < toks.Count; k++)
            {
                if (toks[k].Lower is not ("a" or "an" or "the") || toks[k + 1].Lower is not ("agreement" or "deal" or "accord")
                    || toks[k + 2].Lower is not ("for" or "on" or "to") || _model.InQuote(toks[k].Start))
                {
                    continue;
                }

                if (_found.Any(f => f.Start <= toks[k].Start && f.End >= toks[k].End))
                {
                    continue; // part of what someone said
                }

                var end = ClauseEnd(s, toks[k + 2].End);
                var f = new Found
                {
                    Start = toks[k].Start, End = end, Direct = false, Kind = StatementKind.Agreement, Speaker = null,
                    Rule = "reported.agreement-of-parties", Confidence = 0.6, ContextStart = s.Start, ContextEnd = end,
                };
                f.Reasons.Add(f.Rule);
                _found.Add(f);
            }
        }
    }
}
