using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Extraction.Bundles;

namespace KnowledgeGraph.Extraction.Rules;

/// <summary>What a speaker's noun phrase turned out to be.</summary>
internal enum MentionKind
{
    Person,
    Organisation,
    Government,
    Unnamed,
    Pronoun,
    RoleReference,
    OrganisationReference,
}

/// <summary>A speaker's noun phrase, read.</summary>
internal sealed record Mention(
    MentionKind Kind,
    int Start,
    int End,
    string Text,
    string? Name = null,
    string? Alias = null,
    string? Role = null,
    string? OrganisationText = null,
    string? CountryCode = null,
    OrganisationKind OrganisationKind = OrganisationKind.Other);

/// <summary>A person named somewhere in the article, for pronouns and surnames that point back.</summary>
internal sealed record PersonMention(int Position, string Name, string? Alias, string? Role, string? OrganisationText, string? CountryCode);

internal sealed partial class ArticleReader
{
    private readonly List<PersonMention> _personMentions = [];
    private readonly List<(int Position, Speaker Speaker)> _speakerTimeline = [];

    // Walks back from a reporting verb over auxiliaries, then over the speaker's noun phrase.
    // "X, commander of Y, said" reads X as the speaker and the part between commas as an apposition.
    private static (List<Token> Phrase, List<Token>? Apposition)? SubjectBefore(IReadOnlyList<Token> tokens, int verbIndex)
    {
        var k = verbIndex - 1;
        while (k >= 0 && tokens[k].IsWord && (Lexicon.BetweenSubjectAndVerb.Contains(tokens[k].Lower) || tokens[k].Lower is "on" or "not"))
        {
            k--;
        }

        // "X, however, warned": the aside is not the subject.
        if (k >= 2 && tokens[k].Text == "," && tokens[k - 1].Lower is "however" or "meanwhile" or "though" or "too" or "also" && tokens[k - 2].Text == ",")
        {
            k -= 3;
        }

        List<Token>? apposition = null;
        if (k >= 1 && tokens[k].Text == ",")
        {
            var m = k - 1;
            while (m >= 0 && tokens[m].Text != ",")
            {
                m--;
            }

            if (m > 0)
            {
                var app = tokens.Skip(m + 1).Take(k - m - 1).ToList();
                var first = app.FirstOrDefault(t => t.Lower is not ("the" or "a" or "an"));
                if (first is not null && (Lexicon.Roles.Contains(first.Lower) || Lexicon.NounPhraseWords.Contains(first.Lower) || app.Any(t => Lexicon.Roles.Contains(t.Lower))))
                {
                    apposition = app;
                    k = m - 1;
                }
                else if (app.Count is >= 1 and <= 3 && app.All(t => t.IsCapitalised && !Lexicon.NotNames.Contains(t.Lower)) && m > 0 && tokens[m - 1].IsWord
                         && Lexicon.Roles.Contains(tokens[m - 1].Lower))
                {
                    // "Estmark's chief negotiator, Tomas Vell, warned": the name in apposition to a role.
                    var before = SubjectBefore([.. tokens.Take(m), tokens[verbIndex]], m);
                    return ([.. before?.Phrase ?? [], .. app], null);
                }
            }
        }

        var end = k;
        while (k >= 0)
        {
            var t = tokens[k];
            if (!t.IsWord)
            {
                // A plural possessive ("Dockers' Union") belongs to the name.
                if (t.Text is "'" or "’" && k > 0 && tokens[k - 1].IsWord && tokens[k - 1].End == t.Start)
                {
                    k--;
                    continue;
                }

                // A hyphen or dot inside a name ("Jean-Luc", "U.S.") belongs to it.
                if (t.Text == "-" && k > 0 && tokens[k - 1].IsWord && tokens[k - 1].End == t.Start && t.End == tokens[k + 1].Start)
                {
                    k--;
                    continue;
                }

                break;
            }

            var lower = t.Lower;
            if (k == end && Lexicon.PersonPronouns.Contains(lower))
            {
                return ([t], null);
            }

            if (lower is "the" || lower is "a" or "an" && k < end)
            {
                k--;
                if (k >= 0 && tokens[k].Lower == "of")
                {
                    continue; // "residents of the border town of X"
                }

                break;
            }

            if (t.IsCapitalised)
            {
                if (Lexicon.NotNames.Contains(lower) || Lexicon.ClauseOpeners.Contains(lower))
                {
                    break;
                }
            }
            else if (!(Lexicon.NounPhraseWords.Contains(lower) || Lexicon.UnnamedSources.Contains(lower)) || lower is "and" or "of" && k == end)
            {
                break;
            }

            k--;
        }

        var start = k + 1;
        while (start <= end && tokens[start].Lower is "and" or "of")
        {
            start++;
        }

        if (start > end)
        {
            return null;
        }

        return ([.. tokens.Skip(start).Take(end - start + 1)], apposition);
    }

    private Mention? Classify(List<Token> phrase, List<Token>? apposition)
    {
        var start = phrase[0].Start;
        var end = phrase[^1].End;
        var text = _text[start..end];
        var words = phrase.Where(t => t.IsWord).ToList();
        if (words.Count == 0)
        {
            return null;
        }

        var head = words[^1];
        var bare = words.Where(t => t.Lower is not ("the" or "a" or "an")).ToList();
        if (bare.Count == 0)
        {
            return null;
        }

        var bareText = _text[bare[0].Start..bare[^1].End];
        if (words.Count == 1 && Lexicon.PersonPronouns.Contains(head.Lower))
        {
            return new Mention(MentionKind.Pronoun, start, end, text);
        }

        if (Lexicon.UnnamedSources.Contains(head.Lower) || Lexicon.UnnamedSources.Contains(bare[0].Lower) && bare.Count > 1 && bare[1].Lower == "of"
            || bare.Count == 2 && Lexicon.UnnamedSources.Contains(head.Lower))
        {
            return new Mention(MentionKind.Unnamed, start, end, text);
        }

        if (words[0].Lower == "the" && bare.Count == 1 && Lexicon.Roles.Contains(head.Lower))
        {
            return new Mention(MentionKind.RoleReference, start, end, text, Role: head.Lower);
        }

        // "the ministry said", "the company said": the organisation named before.
        if (bare.Count == 1 && !head.IsCapitalised && (Lexicon.OrganisationHeads.ContainsKey(head.Lower) || Lexicon.OrganisationDescriptors.Contains(head.Lower)))
        {
            return new Mention(MentionKind.OrganisationReference, start, end, text, Role: head.Lower);
        }

        // "Harbour operator Greyline Ports": a descriptor, then the organisation's name.
        var descriptor = bare.FindLastIndex(t => !t.IsCapitalised && Lexicon.OrganisationDescriptors.Contains(t.Lower));
        if (descriptor >= 0 && descriptor < bare.Count - 1 && bare.Skip(descriptor + 1).All(t => t.IsCapitalised))
        {
            var orgName = _text[bare[descriptor + 1].Start..bare[^1].End];
            return new Mention(MentionKind.Organisation, start, end, text, Name: orgName, CountryCode: CountryOfModifiers(bare.Take(descriptor)));
        }

        // "A Dovrian army spokesman", "a ministry official": the organisation speaks through an unnamed voice.
        if (!head.IsCapitalised && Lexicon.Roles.Contains(head.Lower) && bare.Count >= 2 && !Lexicon.Titles.Contains(bare[^2].Lower))
        {
            var orgTokens = bare.Take(bare.Count - 1).ToList();
            if (orgTokens.Count > 0 && Lexicon.OrganisationHeads.TryGetValue(orgTokens[^1].Lower, out var spokenFor))
            {
                var orgName = _text[orgTokens[0].Start..orgTokens[^1].End];
                return new Mention(MentionKind.Organisation, start, end, text, Name: orgName, CountryCode: CountryOfModifiers(orgTokens), OrganisationKind: spokenFor);
            }
        }

        if (Lexicon.SeatsOfGovernment.TryGetValue(Names.Normalise(text), out var seat))
        {
            return new Mention(MentionKind.Government, start, end, text, CountryCode: seat);
        }

        // A known organisation named as written ("Moscow", "the EU", "Russia's defense ministry").
        if (_resolver.Resolve(EntityType.Organisation, [bareText]).Key is not null)
        {
            return new Mention(MentionKind.Organisation, start, end, text, Name: bareText);
        }

        if (bare.Count <= 3 && CountryActing(bareText) is { } country)
        {
            return new Mention(MentionKind.Government, start, end, text, CountryCode: country);
        }

        if (Lexicon.OrganisationHeads.TryGetValue(head.Lower, out var orgKind) && !head.IsCapitalised || IsAcronym(head) && bare.Count == 1)
        {
            return new Mention(MentionKind.Organisation, start, end, text, Name: bareText, CountryCode: CountryOfModifiers(bare), OrganisationKind: orgKind);
        }

        if (head.IsCapitalised && Lexicon.OrganisationHeads.TryGetValue(head.Lower, out orgKind) && bare.Count > 1)
        {
            // "Defence Ministry", "Southern Command": capitalised organisation names.
            return new Mention(MentionKind.Organisation, start, end, text, Name: bareText, CountryCode: CountryOfModifiers(bare), OrganisationKind: orgKind);
        }

        // A person: the trailing run of capitalised words, after any titles, roles and organisation words.
        var nameStart = bare.Count;
        while (nameStart > 0 && bare[nameStart - 1].IsCapitalised && !Lexicon.Titles.Contains(bare[nameStart - 1].Lower)
               && !Lexicon.OrganisationHeads.ContainsKey(bare[nameStart - 1].Lower) && !bare[nameStart - 1].Possessive)
        {
            nameStart--;
        }

        if (nameStart == bare.Count)
        {
            return null;
        }

        var nameTokens = bare.Skip(nameStart).ToList();
        var name = _text[nameTokens[0].Start..nameTokens[^1].End];
        if (IsPlaceName(name) || _places.Any(p => p.Start == nameTokens[0].Start) || nameTokens.All(t => _gazetteer.CountryOfDemonym(t.Text) is not null))
        {
            return null;
        }

        var before = bare.Take(nameStart).ToList();
        var titleStart = before.Count;
        while (titleStart > 0 && before[titleStart - 1].IsCapitalised && Lexicon.Titles.Contains(before[titleStart - 1].Lower))
        {
            titleStart--;
        }

        string? alias = titleStart < before.Count ? _text[before[titleStart].Start..nameTokens[^1].End] : null;
        string? role = null;
        string? orgText = null;
        var roleIndex = before.FindLastIndex(t => Lexicon.Roles.Contains(t.Lower));
        if (roleIndex >= 0)
        {
            role = string.Join(' ', before.Skip(roleIndex).Take(titleStart > roleIndex ? titleStart - roleIndex : 1).Select(t => t.Lower));
            if (roleIndex > 0)
            {
                orgText = _text[before[0].Start..before[roleIndex - 1].End];
            }
        }

        // "Lt. Col. Oleksandr, commander of Ukraine's southern front": role and organisation from the apposition.
        if (apposition is { Count: > 0 })
        {
            var words2 = apposition.Where(t => t.IsWord).ToList();
            var r = words2.FindIndex(t => Lexicon.Roles.Contains(t.Lower));
            if (r >= 0)
            {
                role ??= words2[r].Lower;
                var of = words2.FindIndex(r, t => t.Lower is "of" or "at");
                if (of >= 0 && of + 1 < words2.Count)
                {
                    orgText = _text[words2[of + 1].Start..words2[^1].End];
                    if (orgText.StartsWith("the ", StringComparison.Ordinal))
                    {
                        orgText = orgText[4..];
                    }
                }
                else if (r > 0)
                {
                    orgText = _text[words2[0].Start..words2[r - 1].End];
                }
            }
        }

        return new Mention(MentionKind.Person, start, end, text, Name: name, Alias: alias, Role: role, OrganisationText: orgText, CountryCode: CountryOfModifiers(before));
    }

    private bool IsDemonymOrCountry(Token t) =>
        _gazetteer.CountryOfDemonym(t.Bare) is not null || _gazetteer.Lookup(t.Bare).Any(e => e.Level == GazetteerLevel.Country);

    private static bool IsAcronym(Token t) => t.Text.Length is >= 2 and <= 6 && t.Text.All(c => char.IsUpper(c) || c == '.');

    // A country acting: "Ukraine", "Russia", "the U.S.", or its capital ("Moscow", "Kyiv").
    private string? CountryActing(string text)
    {
        var entries = _gazetteer.Lookup(text);
        if (entries.FirstOrDefault(e => e.Level == GazetteerLevel.Country) is { } c)
        {
            return c.CountryCode;
        }

        if (_gazetteer.CountryOfCapital(text) is { } cap)
        {
            return cap.Code;
        }

        // A known place that is a country or a capital in the graph.
        var known = _resolver.Resolve(EntityType.Place, [text]);
        if (known.Key is { } key && _known.All.FirstOrDefault(e => e.Type == EntityType.Place && e.Key == key) is { } place
            && (place.Kind is "COUNTRY" || _gazetteer.CountryOfCapital(place.Name) is not null))
        {
            return _gazetteer.CountryOfCapital(place.Name)?.Code ?? _gazetteer.Lookup(place.Name).FirstOrDefault(e => e.Level == GazetteerLevel.Country)?.CountryCode;
        }

        return null;
    }

    private string? CountryOfModifiers(IEnumerable<Token> tokens)
    {
        foreach (var t in tokens)
        {
            if (_gazetteer.CountryOfDemonym(t.Bare) is { } d)
            {
                return d.Code;
            }

            if (_gazetteer.Lookup(t.Bare).FirstOrDefault(e => e.Level == GazetteerLevel.Country) is { } c)
            {
                return c.CountryCode;
            }
        }

        return null;
    }

    private bool IsPlaceName(string name) =>
        _gazetteer.Lookup(name).Any(e => e.Level != GazetteerLevel.City) || _gazetteer.CountryOfCapital(name) is not null
        || _resolver.Resolve(EntityType.Place, [name]).Key is not null;

    /// <summary>Turns a mention into a speaker: resolved, pointed back, or proposed. Null for unnamed sources.</summary>
    private Speaker? Resolve(Mention m, int position, out bool unnamed)
    {
        unnamed = false;
        switch (m.Kind)
        {
            case MentionKind.Unnamed:
                unnamed = true;
                return null;
            case MentionKind.Pronoun:
                return PointBack(position, role: null, "speaker.pronoun");
            case MentionKind.RoleReference:
                return PointBack(position, m.Role, "speaker.role-reference");
            case MentionKind.OrganisationReference:
                return OrganisationBack(position, m.Role!);
            case MentionKind.Government:
                return Government(m.CountryCode!, m.Text);
            case MentionKind.Organisation:
                return Organisation(m.Name!, m.OrganisationKind, m.CountryCode, "speaker.organisation");
            case MentionKind.Person:
                if (m.Alias is null && m.Role is null && !m.Name!.Contains(' ', StringComparison.Ordinal) && !IsKnownOrNamedPerson(m.Name, position))
                {
                    // A lone capitalised word that is nobody's name so far: a body ("Valdoria rejected …").
                    return Organisation(m.Name, OrganisationKind.Other, null, "speaker.unknown-single-name-as-organisation");
                }

                return Person(new PersonMention(position, m.Name!, m.Alias, m.Role, m.OrganisationText, m.CountryCode), "speaker.person");
            default:
                return null;
        }
    }

    private Speaker? PointBack(int position, string? role, string rule)
    {
        // The last person named before this point (as speaker or mention) who fits the role.
        var candidates = _personMentions.Where(p => p.Position < position && (role is null || p.Role is { } r && r.Split(' ').Contains(role)))
            .Select(p => (p.Position, Mention: p)).OrderBy(p => p.Position).ToList();
        var lastSpeaker = _speakerTimeline.Where(s => s.Position < position && s.Speaker.Type == SpeakerType.Person && (role is null || s.Speaker.Role is { } r && r.Split(' ').Contains(role)))
            .Select(s => (s.Position, s.Speaker)).OrderBy(s => s.Position).LastOrDefault();
        var lastMention = candidates.LastOrDefault();
        if (lastMention.Mention is not null && (lastSpeaker.Speaker is null || lastMention.Position > lastSpeaker.Position))
        {
            var s = Person(lastMention.Mention, rule);
            return s with { Rule = rule + "+" + s.Rule };
        }

        return lastSpeaker.Speaker is { } sp ? sp with { Rule = rule } : null;
    }

    private bool IsKnownOrNamedPerson(string name, int position)
    {
        if (_resolver.Resolve(EntityType.Person, [name]).Key is not null)
        {
            return true;
        }

        var norm = Names.Normalise(name);
        return _personMentions.Any(p => p.Position < position && Names.Normalise(p.Name).Split(' ')[^1] == norm)
               || _newPeople.Values.Any(p => Names.Normalise(p.Name).Split(' ')[^1] == norm);
    }

    // The last organisation that spoke before, preferring one whose name carries the noun.
    private Speaker? OrganisationBack(int position, string noun)
    {
        var orgs = _speakerTimeline.Where(s => s.Position < position && s.Speaker.Type == SpeakerType.Organisation).OrderBy(s => s.Position).ToList();
        var fitting = orgs.LastOrDefault(s => s.Speaker.Name.Split(' ').Any(w => string.Equals(w, noun, StringComparison.OrdinalIgnoreCase)));
        var chosen = fitting.Speaker ?? (Lexicon.OrganisationDescriptors.Contains(noun) ? orgs.LastOrDefault().Speaker : null);
        return chosen is null ? null : chosen with { Rule = "speaker.organisation-reference" };
    }

    private Speaker Person(PersonMention p, string rule)
    {
        var names = new List<string> { p.Name };
        if (p.Alias is { } a)
        {
            names.Add(a);
        }

        var known = _resolver.Resolve(EntityType.Person, names);
        if (known.Key is { } key)
        {
            var rec = _known.All.First(e => e.Type == EntityType.Person && e.Key == key);
            return new Speaker(SpeakerType.Person, key, rec.Name, false, rule + ";" + known.Rule, p.CountryCode, p.Role);
        }

        // Already proposed in this article, by full name or by surname.
        var norm = Names.Normalise(p.Name);
        var local = _newPeople.Values.FirstOrDefault(x => Names.Normalise(x.Name) == norm || x.Aliases.Any(al => Names.Normalise(al) == norm));
        local ??= norm.Contains(' ', StringComparison.Ordinal) ? null
            : _newPeople.Values.Where(x => Names.Normalise(x.Name).Split(' ')[^1] == norm).Take(2).ToList() is [var only] ? only : null;
        if (local is null && !norm.Contains(' ', StringComparison.Ordinal))
        {
            // A surname alone: a person named in full earlier in the article.
            var earlier = _personMentions.Where(x => x.Position < p.Position && Names.Normalise(x.Name).Split(' ')[^1] == norm)
                .Select(x => x.Name).Distinct(StringComparer.Ordinal).ToList();
            if (earlier.Count == 1)
            {
                var full = _personMentions.Last(x => x.Name == earlier[0]);
                return Person(full, rule + ";resolve.surname-in-article");
            }
        }

        if (local is not null)
        {
            return new Speaker(SpeakerType.Person, local.Key, local.Name, true, rule + ";resolve.in-article", p.CountryCode, p.Role);
        }

        var newKey = UniqueKey(Names.Slug(p.Name), _newPeople.ContainsKey);
        var affiliations = new List<DraftAffiliation>();
        if (p.OrganisationText is { } orgText)
        {
            var org = Organisation(orgText, OrganisationKindOf(orgText), CountryOfText(orgText), "speaker.affiliation");
            affiliations.Add(new DraftAffiliation { Organisation = org.Key, Role = p.Role, Current = true });
        }
        else if (p.CountryCode is { } cc && p.Role is not null)
        {
            var gov = Government(cc, null);
            affiliations.Add(new DraftAffiliation { Organisation = gov.Key, Role = p.Role, Current = true });
        }

        var aliases = new List<string>();
        if (p.Alias is { } alias2 && alias2 != p.Name)
        {
            aliases.Add(alias2);
        }

        var parts = p.Name.Split(' ');
        if (parts.Length > 1)
        {
            aliases.Add(parts[^1]);
        }

        _newPeople[newKey] = new DraftPerson
        {
            Key = newKey,
            Name = p.Name,
            Aliases = aliases,
            Affiliations = affiliations,
        };
        return new Speaker(SpeakerType.Person, newKey, p.Name, true, rule + ";resolve.new", p.CountryCode, p.Role);
    }

    private static OrganisationKind OrganisationKindOf(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = words.Length - 1; i >= 0; i--)
        {
            if (Lexicon.OrganisationHeads.TryGetValue(words[i].ToLowerInvariant(), out var kind))
            {
                return kind;
            }
        }

        return OrganisationKind.Other;
    }

    private string? CountryOfText(string text) =>
        CountryOfModifiers(TextModel.Tokenise(text, 0, text.Length).Where(t => t.IsWord));

    // "Ukraine's southern army command" and "Ukrainian southern army command" name the same body.
    private string? DemonymVariant(string name)
    {
        var space = name.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
        {
            return null;
        }

        var first = name[..space];
        var rest = name[space..];
        if (first.EndsWith("'s", StringComparison.Ordinal) || first.EndsWith("’s", StringComparison.Ordinal))
        {
            var country = _gazetteer.Lookup(first[..^2]).FirstOrDefault(e => e.Level == GazetteerLevel.Country);
            return country is not null && _gazetteer.Country(country.CountryCode)?.Demonym is { } d ? d + rest : null;
        }

        return _gazetteer.CountryOfDemonym(first) is { } c ? c.Name + "'s" + rest : null;
    }

    private Speaker Organisation(string name, OrganisationKind kind, string? countryCode, string rule)
    {
        var variant = DemonymVariant(name);
        var known = _resolver.Resolve(EntityType.Organisation, variant is null ? [name] : [name, variant]);
        if (known.Key is { } key)
        {
            var rec = _known.All.First(e => e.Type == EntityType.Organisation && e.Key == key);
            return new Speaker(SpeakerType.Organisation, key, rec.Name, false, rule + ";" + known.Rule, countryCode, null);
        }

        var norm = Names.Normalise(name);
        var local = _newOrganisations.Values.FirstOrDefault(o => Names.Normalise(o.Name) == norm || o.Aliases.Any(a => Names.Normalise(a) == norm));
        if (local is null && variant is not null)
        {
            var vnorm = Names.Normalise(variant);
            local = _newOrganisations.Values.FirstOrDefault(o => Names.Normalise(o.Name) == vnorm || o.Aliases.Any(a => Names.Normalise(a) == vnorm));
        }
        if (local is not null)
        {
            return new Speaker(SpeakerType.Organisation, local.Key, local.Name, true, rule + ";resolve.in-article", countryCode, null);
        }

        var newKey = UniqueKey(Names.Slug(name), k => _newOrganisations.ContainsKey(k));
        _newOrganisations[newKey] = new DraftOrganisation
        {
            Key = newKey,
            Name = name,
            Kind = EnumText(kind),
            Aliases = variant is null ? [] : [variant],
            Country = countryCode is null ? null : CountryPlace(countryCode),
        };
        return new Speaker(SpeakerType.Organisation, newKey, name, true, rule + ";resolve.new", countryCode, null);
    }

    // A country acting is its government: resolved by the mention itself ("Moscow" as a known
    // alias), by "Government of X", or proposed as such.
    private Speaker Government(string countryCode, string? mention)
    {
        var country = _gazetteer.Country(countryCode);
        var countryName = country?.Name ?? countryCode;
        var name = "Government of " + countryName;
        var names = new List<string> { name };
        if (mention is not null)
        {
            names.Insert(0, mention.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? mention[4..] : mention);
        }

        var known = _resolver.Resolve(EntityType.Organisation, names);
        if (known.Key is { } key)
        {
            var rec = _known.All.First(e => e.Type == EntityType.Organisation && e.Key == key);
            return new Speaker(SpeakerType.Organisation, key, rec.Name, false, "speaker.government;" + known.Rule, countryCode, null);
        }

        var newKey = Names.Slug(name);
        if (!_newOrganisations.TryGetValue(newKey, out var org))
        {
            org = new DraftOrganisation
            {
                Key = newKey,
                Name = name,
                Kind = EnumText(OrganisationKind.Government),
                Aliases = mention is null ? [] : [names[0]],
                Country = CountryPlace(countryCode),
            };
        }
        else if (mention is not null && !org.Aliases.Contains(names[0]))
        {
            org = org with { Aliases = [.. org.Aliases, names[0]] };
        }

        _newOrganisations[newKey] = org;
        return new Speaker(SpeakerType.Organisation, newKey, name, true, "speaker.government;resolve.new", countryCode, null);
    }

    private static string UniqueKey(string baseKey, Func<string, bool> taken)
    {
        var key = baseKey;
        for (var n = 2; taken(key); n++)
        {
            key = baseKey + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return key;
    }

    // People named in the text ("Dmitry Medvedev framed …", "President Jane Doe"), so that a later
    // "he said" or "Medvedev said" can point back to them.
    private void FindPersonMentions()
    {
        foreach (var s in _model.Sentences.Where(s => !s.Paragraph.IsHeadline))
        {
            var toks = s.Tokens;
            for (var k = 0; k < toks.Count; k++)
            {
                if (!toks[k].IsCapitalised || _model.InQuote(toks[k].Start))
                {
                    continue;
                }

                var j = k;
                while (j < toks.Count && toks[j].IsCapitalised && !toks[j].Possessive && !Lexicon.NotNames.Contains(toks[j].Lower)
                       && (j == k || toks[j - 1].End + 1 == toks[j].Start))
                {
                    j++;
                }

                var run = toks.Skip(k).Take(j - k).ToList();
                var titles = run.FindLastIndex(t => Lexicon.Titles.Contains(t.Lower)) + 1;
                var name = run.Skip(titles).ToList();
                if (name.Count is >= 1 and <= 3 && (name.Count >= 2 || titles > 0))
                {
                    var follows = j < toks.Count ? toks[j] : null;
                    var fits = titles > 0 || follows is null || follows.Text == "," || follows.IsWord && !follows.IsCapitalised && Lexicon.IsVerbLike(follows.Lower);
                    var nameText = _text[name[0].Start..name[^1].End];
                    if (fits && !name.Any(t => Lexicon.OrganisationHeads.ContainsKey(t.Lower) || _gazetteer.CountryOfDemonym(t.Text) is not null)
                        && !IsPlaceName(nameText) && !name.Any(t => IsPlaceName(t.Text) && _gazetteer.Lookup(t.Text).Any(e => e.Level == GazetteerLevel.Country)))
                    {
                        var alias = titles > 0 ? _text[run[0].Start..name[^1].End] : null;
                        _personMentions.Add(new PersonMention(run[0].Start, nameText, alias, null, null, null));
                    }
                }

                k = Math.Max(k, j - 1);
            }
        }
    }
}
