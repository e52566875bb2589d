using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Extraction.Bundles;

namespace KnowledgeGraph.Extraction.Rules;

internal sealed partial class ArticleReader
{
    // ---- Dates ------------------------------------------------------------------------------

    // The date a statement was made, from the words around it (never from inside a quote): an
    // absolute date, or a weekday, "yesterday" or "today" counted back from publication. Vague or
    // future expressions ("last week", "next week") leave it null.
    private void AssignDate(Found f)
    {
        var from = Math.Min(f.ContextStart, f.Start);
        var to = Math.Max(f.ContextEnd, f.Direct ? f.Start : f.End);
        var sentence = _model.SentenceAt(f.Start);
        if (!f.Direct && sentence is not null)
        {
            from = Math.Min(from, sentence.Start);
        }

        var toks = TextModel.Tokenise(_text, from, Math.Max(from, to)).Where(t => !_model.InQuote(t.Start)).ToList();
        for (var k = 0; k < toks.Count; k++)
        {
            var date = DateAt(toks, k, out var rule);
            if (rule is not null)
            {
                f.Date = date;
                f.Reasons.Add(rule);
                return;
            }
        }
    }

    private DateOnly? DateAt(List<Token> toks, int k, out string? rule)
    {
        rule = null;
        var t = toks[k];
        var prev = k > 0 ? toks[k - 1].Lower : "";
        if (prev is "next" or "coming" or "until" or "by")
        {
            return null;
        }

        // "June 2", "June 2, 2025"
        if (Lexicon.Months.TryGetValue(t.Lower.TrimEnd('.'), out var month) && t.IsCapitalised && k + 1 < toks.Count && int.TryParse(toks[k + 1].Text, out var day) && day is >= 1 and <= 31)
        {
            int? year = k + 3 < toks.Count && toks[k + 2].Text == "," && int.TryParse(toks[k + 3].Text, out var y) && y > 1900 ? y : null;
            return Absolute(year, month, day, out rule);
        }

        // "2 June", "2 June 2025"
        if (int.TryParse(t.Text, out var day2) && day2 is >= 1 and <= 31 && k + 1 < toks.Count && toks[k + 1].IsCapitalised && Lexicon.Months.TryGetValue(toks[k + 1].Lower, out var month2))
        {
            int? year = k + 2 < toks.Count && int.TryParse(toks[k + 2].Text, out var y) && y > 1900 ? y : null;
            return Absolute(year, month2, day2, out rule);
        }

        if (_published is not { } pub)
        {
            return null;
        }

        if (t.IsCapitalised && Lexicon.Weekdays.TryGetValue(t.Lower, out var weekday))
        {
            var back = ((int)pub.DayOfWeek - (int)weekday + 7) % 7;
            if (prev == "last" && back == 0)
            {
                back = 7;
            }

            rule = "date.weekday-before-publication";
            return pub.AddDays(-back);
        }

        if (t.Lower == "yesterday")
        {
            rule = "date.yesterday";
            return pub.AddDays(-1);
        }

        if (t.Lower == "today")
        {
            rule = "date.today";
            return pub;
        }

        if (t.Lower == "week" && prev is "last" or "this")
        {
            rule = "date.vague-week";
            return null;
        }

        return null;
    }

    private DateOnly? Absolute(int? year, int month, int day, out string? rule)
    {
        if (year is { } y)
        {
            var valid = DateOnly.TryParse($"{y:D4}-{month:D2}-{day:D2}", System.Globalization.CultureInfo.InvariantCulture, out var d);
            rule = valid && (_published is null || d <= _published) ? "date.absolute" : "date.future-event";
            return rule == "date.absolute" ? d : null;
        }

        if (_published is not { } pub)
        {
            rule = "date.no-year-no-publication";
            return null;
        }

        // No year: the publication's. A date after publication is an event to come, not when it was said.
        var candidate = new DateOnly(pub.Year, month, Math.Min(day, DateTime.DaysInMonth(pub.Year, month)));
        if (candidate > pub)
        {
            rule = "date.future-event";
            return null;
        }

        rule = "date.month-day-in-publication-year";
        return candidate;
    }

    // ---- Responses --------------------------------------------------------------------------

    // A rejection or denial answers the demand, call or claim its object names.
    private void AssignResponses()
    {
        foreach (var f in _found)
        {
            if (f.Main is { } main)
            {
                continue;
            }

            if (f.Kind is not (StatementKind.Rejection or StatementKind.Denial) || f.ObjectText.Length == 0)
            {
                continue;
            }

            var obj = f.ObjectText.ToLowerInvariant();
            var firstWords = obj.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Found? target = null;
            string? rule = null;
            if (firstWords.Take(3).Any(w => w.StartsWith("demand", StringComparison.Ordinal)))
            {
                target = _found.LastOrDefault(o => o.Start < f.Start && o.Kind == StatementKind.Demand && o.Speaker?.Key != f.Speaker?.Key);
                rule = "responds.rejects-demand";
            }
            else if (firstWords.Take(3).Any(w => w.StartsWith("call", StringComparison.Ordinal) || w.StartsWith("appeal", StringComparison.Ordinal)))
            {
                target = _found.FirstOrDefault(o => o != f && o.Kind == StatementKind.Appeal && o.Speaker?.Key != f.Speaker?.Key
                                                    && _model.SentenceAt(o.Start)?.Index <= _model.SentenceAt(f.Start)?.Index);
                rule = "responds.rejects-call";
            }
            else if (firstWords.Take(3).Any(w => w.StartsWith("claim", StringComparison.Ordinal) || w.StartsWith("allegation", StringComparison.Ordinal) || w.StartsWith("report", StringComparison.Ordinal)))
            {
                // "Russian claims": claims by a speaker of that country, told elsewhere in the article.
                var demonym = firstWords.TakeWhile(w => !w.StartsWith("claim", StringComparison.Ordinal)).Select(w => _gazetteer.CountryOfDemonym(w)?.Code).FirstOrDefault(c => c is not null);
                var sentence = _model.SentenceAt(f.Start)?.Index;
                target = _found.Where(o => o != f && o.Kind == StatementKind.Claim && o.Speaker?.Key != f.Speaker?.Key
                                           && _model.SentenceAt(o.Start)?.Index != sentence
                                           && (demonym is null || o.Speaker?.CountryCode == demonym))
                    .OrderByDescending(o => PlaceOverlap(o, f)).ThenBy(o => o.Start).FirstOrDefault();
                rule = "responds.rejects-claim";
            }

            if (target is not null)
            {
                f.RespondsTo = target;
                f.Reasons.Add(rule!);
            }
        }

        foreach (var f in _found)
        {
            if (f.Main is { } main && main.RespondsTo is not null)
            {
                f.RespondsTo = main.RespondsTo;
                f.Reasons.Add("responds.shared-with-main-clause");
            }

            if (f.RespondsTo is { } answered && f.About.Count == 0 && answered.About.Count > 0)
            {
                f.About = [.. answered.About];
                f.Reasons.Add("place.inherited-from-answered");
            }
        }
    }

    private int PlaceOverlap(Found a, Found b) =>
        a.About.Intersect(b.About, StringComparer.Ordinal).Count() + _places.Count(p => p.Start >= a.Start && p.End <= a.End && b.About.Contains(p.Key));

    // ---- Negotiations -----------------------------------------------------------------------

    // Talks with a venue ("negotiations in Istanbul", "the Geneva talks") are a negotiation: the
    // known one with that venue, or a proposed one. A statement whose sentence, or the sentence
    // before it, speaks of talks, a ceasefire or a round belongs to it.
    private void AssignNegotiations()
    {
        var mentions = new List<(int Position, string Key)>();
        foreach (var s in _model.Sentences.Where(s => !s.Paragraph.IsHeadline))
        {
            var toks = s.Tokens;
            for (var k = 0; k < toks.Count; k++)
            {
                if (toks[k].Lower is not ("talks" or "negotiations") || _model.InQuote(toks[k].Start))
                {
                    continue;
                }

                var venue = _places.FirstOrDefault(p => p.Start > toks[k].End && p.Start <= toks[k].End + 4 && _text[toks[k].End..p.Start].Trim() == "in")
                            ?? _places.FirstOrDefault(p => p.End < toks[k].Start && p.End >= toks[k].Start - 8 && _text[p.End..toks[k].Start].Trim() is "" or "peace");
                if (venue is null)
                {
                    continue;
                }

                var key = NegotiationFor(venue, s, toks[k].Start);
                mentions.Add((toks[k].Start, key));
            }
        }

        // A known negotiation named in full also counts.
        foreach (var n in _known.OfType(EntityType.Negotiation))
        {
            var i = _text.IndexOf(n.Name, StringComparison.OrdinalIgnoreCase);
            if (i >= 0)
            {
                mentions.Add((i, n.Key));
            }
        }

        if (mentions.Count == 0)
        {
            return;
        }

        mentions.Sort((a, b) => a.Position.CompareTo(b.Position));
        foreach (var f in _found)
        {
            var sentence = _model.SentenceAt(f.Start);
            if (sentence is null)
            {
                continue;
            }

            var previous = sentence.Index > 0 ? _model.Sentences[sentence.Index - 1] : null;
            var context = _text[Math.Min(f.Start, sentence.Start)..Math.Max(f.End, sentence.End)].ToLowerInvariant();
            var before = previous is null || previous.Paragraph.IsHeadline ? "" : _text[previous.Start..previous.End].ToLowerInvariant();
            var talks = HasTalksWord(context) || (f.Direct && HasTalksWord(before));
            if (talks)
            {
                var nearest = mentions.LastOrDefault(m => m.Position <= f.End);
                f.Negotiation = nearest.Key ?? mentions[0].Key;
                f.Reasons.Add("negotiation.talks-in-context");
            }
        }

        foreach (var f in _found.Where(f => f.Negotiation is null && f.RespondsTo?.Negotiation is not null))
        {
            f.Negotiation = f.RespondsTo!.Negotiation;
            f.Reasons.Add("negotiation.shared-with-answered");
        }

        // A round on a date ("the last round of talks on June 2") joins the proposed negotiation.
        foreach (var f in _found.Where(f => f.Negotiation is { } n && _newNegotiations.ContainsKey(n) && f.Date is not null))
        {
            var ctx = _text[Math.Min(f.ContextStart, f.Start)..f.End];
            if (ctx.Contains("round", StringComparison.OrdinalIgnoreCase))
            {
                var neg = _newNegotiations[f.Negotiation!];
                var date = f.Date!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                if (neg.Rounds.All(r => r.Date != date))
                {
                    _newNegotiations[neg.Key] = neg with { Rounds = [.. neg.Rounds, new DraftRound { Date = date, Venue = neg.Venue }] };
                }

                f.SaidAt ??= neg.Venue;
            }
        }
    }

    private static bool HasTalksWord(string lower) =>
        lower.Split([' ', ',', '.', ';', ':', '-', '“', '”', '"'], StringSplitOptions.RemoveEmptyEntries).Any(Lexicon.TalksWords.Contains);

    private string NegotiationFor(PlaceMention venue, Sentence s, int at)
    {
        var known = _known.OfType(EntityType.Negotiation).FirstOrDefault(n => n.Parent == venue.Key);
        if (known is not null)
        {
            return known.Key;
        }

        var venueName = _newPlaces.TryGetValue(venue.Key, out var vp) ? vp.Name
            : _known.All.FirstOrDefault(e => e.Type == EntityType.Place && e.Key == venue.Key)?.Name ?? venue.Key;
        var peace = _text.Contains("peace talks", StringComparison.OrdinalIgnoreCase);
        var name = venueName + (peace ? " peace talks" : " talks");
        var key = Names.Slug(name);
        if (!_newNegotiations.ContainsKey(key))
        {
            var lower = _text[s.Start..s.End].ToLowerInvariant() + " " + _text.ToLowerInvariant();
            var status = lower.Contains("stalled", StringComparison.Ordinal) || lower.Contains("little progress", StringComparison.Ordinal) ? NegotiationStatus.Stalled
                : lower.Contains("collapsed", StringComparison.Ordinal) ? NegotiationStatus.Collapsed : NegotiationStatus.Ongoing;
            _newNegotiations[key] = new DraftNegotiation { Key = key, Name = name, Status = EnumText(status), Venue = venue.Key };
            Decide("negotiation.proposed", at, $"talks in {venueName}: proposed '{name}'");
        }

        return key;
    }
}
