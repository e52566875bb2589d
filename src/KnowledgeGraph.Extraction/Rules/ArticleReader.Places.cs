using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Extraction.Bundles;

namespace KnowledgeGraph.Extraction.Rules;

/// <summary>A place named in the text.</summary>
/// <param name="Start">Where the name starts.</param>
/// <param name="End">Where it ends.</param>
/// <param name="Key">The place's key (known or proposed).</param>
/// <param name="Kind">What kind of place it is.</param>
/// <param name="Rule">The rule that found it.</param>
/// <param name="Actor">A country or capital acting ("Russia claimed", "demanded Kyiv …"): a government, not a territory.</param>
/// <param name="Modifier">A place used as a modifier of a border or front line ("the X border"): where, not what about.</param>
/// <param name="Container">The "Y" of "X in Y": only locates X.</param>
/// <param name="Headline">Named in a headline or crosshead.</param>
internal sealed record PlaceMention(int Start, int End, string Key, PlaceKind Kind, string Rule, bool Actor, bool Modifier, bool Container, bool Headline);

internal sealed partial class ArticleReader
{
    private static readonly HashSet<string> PlaceNouns = new(["town", "city", "village", "port", "capital", "settlement", "hamlet", "district", "province", "region"], StringComparer.Ordinal);
    private static readonly HashSet<string> RegionWords = new(["region", "oblast", "province", "governorate", "state", "krai", "prefecture", "county"], StringComparer.Ordinal);
    private static readonly HashSet<string> ModifiedNouns = new(["border", "borders", "frontier", "front", "line"], StringComparer.Ordinal);

    private static readonly string[] RegionAnaphors = ["the region", "the province", "the oblast", "the state"];

    private readonly List<PlaceMention> _places = [];
    private readonly HashSet<string> _countriesInArticle = new(StringComparer.Ordinal);

    private void FindPlaces()
    {
        // Countries named or implied by a demonym anywhere: they decide between same-named towns.
        foreach (var t in _model.Sentences.SelectMany(s => s.Tokens).Where(t => t.IsCapitalised))
        {
            if (_gazetteer.CountryOfDemonym(t.Bare) is { } d)
            {
                _countriesInArticle.Add(d.Code);
            }

            if (_gazetteer.Lookup(t.Bare).FirstOrDefault(e => e.Level == GazetteerLevel.Country) is { } c)
            {
                _countriesInArticle.Add(c.CountryCode);
            }
        }

        foreach (var s in _model.Sentences)
        {
            var toks = s.Tokens;
            for (var k = 0; k < toks.Count; k++)
            {
                if (!toks[k].IsCapitalised || Lexicon.NotNames.Contains(toks[k].Lower))
                {
                    continue;
                }

                var matched = MatchPlaceAt(s, k);
                if (matched is { } m)
                {
                    _places.Add(m.Mention);
                    k = m.LastToken;
                }
            }
        }
    }

    private (PlaceMention Mention, int LastToken)? MatchPlaceAt(Sentence s, int k)
    {
        var toks = s.Tokens;
        // Longest first: up to four words joined by spaces or hyphens.
        for (var len = Math.Min(4, toks.Count - k); len >= 1; len--)
        {
            var run = toks.Skip(k).Take(len).ToList();
            if (!run.All(t => t.IsCapitalised) || !Adjacent(run) || (len > 1 && run.Take(len - 1).Any(t => t.Possessive)))
            {
                continue;
            }

            var last = run[^1];
            var name = string.Join(' ', run.Select(t => t.Bare));
            var nextIndex = k + len;
            var next = nextIndex < toks.Count ? toks[nextIndex] : null;
            var prev = k > 0 ? toks[k - 1] : null;
            var prev2 = k > 1 ? toks[k - 2] : null;
            var locative = prev is { IsWord: true } && Lexicon.Locatives.Contains(prev.Lower);
            var placeNoun = prev is { IsWord: true } && prev.Lower == "of" && prev2 is { IsWord: true } && PlaceNouns.Contains(prev2.Lower);
            var regionWord = next is { IsWord: true } && RegionWords.Contains(next.Lower) && !last.Possessive;
            var end = regionWord ? next!.End : (last.Possessive ? last.End - 2 : last.End);
            var modifier = next is { IsWord: true } && ModifiedNouns.Contains(next.Lower) || regionWord && nextIndex + 1 < toks.Count && ModifiedNouns.Contains(toks[nextIndex + 1].Lower)
                           || next is { IsCapitalised: true } && Lexicon.Titles.Contains(next.Lower);
            var actor = !locative && !placeNoun && (IsActorPosition(toks, k, nextIndex) || last.Possessive && !regionWord && IsOrganisationAfter(toks, nextIndex));
            var inAt = prev?.Lower == "in" ? k - 1 : prev?.Lower == "the" && prev2?.Lower == "in" ? k - 2 : -1;
            var container = inAt > 0 && toks[inAt - 1].IsWord && _places.Count > 0 && _places[^1].End >= toks[inAt - 1].Start - 1;
            var headline = s.Paragraph.IsHeadline;

            // 1. The graph's own places, by name or alias.
            var known = _resolver.Resolve(EntityType.Place, regionWord ? [name + " " + next!.Text, name] : [name]);
            if (known.Key is { } key)
            {
                var rec = _known.All.First(e => e.Type == EntityType.Place && e.Key == key);
                var kind = Enum.TryParse<PlaceKind>(rec.Kind?.Replace("_", "", StringComparison.Ordinal), true, out var pk) ? pk : PlaceKind.Other;
                return (new PlaceMention(run[0].Start, end, key, kind, "place.known;" + known.Rule, actor && IsCountryOrCapital(rec.Name, kind), modifier, container, headline), regionWord ? nextIndex : nextIndex - 1);
            }

            var entries = _gazetteer.Lookup(name);
            if (entries.Count == 0 && !headline && (regionWord || len > 1 && RegionWords.Contains(last.Lower) && last.IsCapitalised))
            {
                // "the Ardenreach province", "Tarn Province": a region the data set does not know, named as one.
                var regionName = _text[run[0].Start..end];
                var newKey = ProposePlace(regionName, PlaceKind.Region, null);
                return (new PlaceMention(run[0].Start, end, newKey, PlaceKind.Region, "place.new-named-as-region", false, modifier, container, headline), regionWord ? nextIndex : nextIndex - 1);
            }

            if (entries.Count == 0)
            {
                // A town the data set does not know, named as one: "the village of X in Y".
                if (placeNoun && len == 1 && !headline)
                {
                    var kind = prev2!.Lower switch { "village" or "hamlet" or "settlement" => PlaceKind.Village, "town" => PlaceKind.Town, _ => PlaceKind.City };
                    var parent = ContainerAfter(s, nextIndex);
                    var newKey = ProposePlace(name, kind, parent);
                    return (new PlaceMention(run[0].Start, end, newKey, kind, "place.new-named-as-place", false, modifier, container, headline), nextIndex - 1);
                }

                continue;
            }

            // 2. A country: always a place, unless it acts.
            if (entries.FirstOrDefault(e => e.Level == GazetteerLevel.Country) is { } country)
            {
                var key2 = CountryPlace(country.CountryCode);
                return (new PlaceMention(run[0].Start, end, key2, PlaceKind.Country, "place.country", actor, modifier, container, headline), nextIndex - 1);
            }

            // 3. A first-level region of a country the article is about, or one named as a region.
            // A capital's bare name is the city ("Moscow"), not the region named after it.
            var isCapital = !regionWord && _gazetteer.CountryOfCapital(name) is not null;
            var region = entries.Where(e => e.Level == GazetteerLevel.Region && !isCapital)
                .OrderByDescending(e => _countriesInArticle.Contains(e.CountryCode)).ToList();
            if (region.Count > 0 && (regionWord || _countriesInArticle.Contains(region[0].CountryCode)))
            {
                var best = region[0];
                var key3 = RegionPlace(best.CountryCode, best.RegionCode!);
                return (new PlaceMention(run[0].Start, end, key3, PlaceKind.Region, regionWord ? "place.region-named-as-region" : "place.region-of-country-in-article", false, modifier, container, headline), regionWord ? nextIndex : nextIndex - 1);
            }

            // 4. A city, when the text names it as a place and it can be told apart from its namesakes.
            var cities = entries.Where(e => e.Level == GazetteerLevel.City).ToList();
            if (cities.Count > 0 && (locative || placeNoun || _gazetteer.CountryOfCapital(name) is not null))
            {
                var parent = ContainerAfter(s, nextIndex);
                var inCountry = cities.Where(c => _countriesInArticle.Contains(c.CountryCode)).ToList();
                if (parent is not null)
                {
                    var within = inCountry.Where(c => parent == RegionPlaceKeyOrNull(c.CountryCode, c.RegionCode)).ToList();
                    if (within.Count == 0 && placeNoun)
                    {
                        // The data set's namesakes lie elsewhere: this one is new, inside the named region.
                        var kind = prev2!.Lower switch { "village" or "hamlet" or "settlement" => PlaceKind.Village, "town" => PlaceKind.Town, _ => PlaceKind.City };
                        var newKey = ProposePlace(name, kind, parent);
                        return (new PlaceMention(run[0].Start, end, newKey, kind, "place.new-in-named-region", false, modifier, container, headline), nextIndex - 1);
                    }

                    inCountry = within.Count > 0 ? within : inCountry;
                }

                var capital = _gazetteer.CountryOfCapital(name);
                var pick = capital is not null ? cities.FirstOrDefault(c => c.CountryCode == capital.Code) : null;
                pick ??= inCountry.Select(c => (c.CountryCode, c.RegionCode)).Distinct().Count() == 1 ? inCountry[0] : null;
                pick ??= cities.Select(c => (c.CountryCode, c.RegionCode)).Distinct().Count() == 1 ? cities[0] : null;
                if (pick is null)
                {
                    Decide("place.ambiguous", run[0].Start, $"'{name}' names {cities.Count} places in the data set; none chosen");
                    continue;
                }

                var kind2 = prev2?.Lower switch { "village" or "hamlet" or "settlement" => PlaceKind.Village, "town" => PlaceKind.Town, _ => PlaceKind.City };
                var key4 = CityPlace(pick, kind2);
                return (new PlaceMention(run[0].Start, end, key4, kind2, "place.city", actor && capital is not null, modifier, container, headline), nextIndex - 1);
            }
        }

        return null;
    }

    private static bool Adjacent(List<Token> run)
    {
        for (var i = 1; i < run.Count; i++)
        {
            var gap = run[i].Start - run[i - 1].End;
            if (gap != 1)
            {
                return false;
            }
        }

        return true;
    }

    private bool IsCountryOrCapital(string name, PlaceKind kind) =>
        kind == PlaceKind.Country || _gazetteer.CountryOfCapital(name) is not null;

    // Subject before a verb, or object right after a verb: a country acting or acted upon.
    private static bool IsActorPosition(IReadOnlyList<Token> toks, int start, int next)
    {
        var after = next < toks.Count ? toks[next] : null;
        var before = start > 0 ? toks[start - 1] : null;
        if (after is { IsWord: true } && !after.IsCapitalised && (Lexicon.IsVerbLike(after.Lower) || Lexicon.BetweenSubjectAndVerb.Contains(after.Lower)))
        {
            return true;
        }

        // The subject of a that-clause: "demanded that Kyiv recognize …".
        if (before is { IsWord: true, Lower: "that" } && after is { IsWord: true, IsCapitalised: false } && !Lexicon.Locatives.Contains(after.Lower))
        {
            return true;
        }

        return before is { IsWord: true } && (Lexicon.IsVerbLike(before.Lower) || before.Lower is "by" or "against");
    }

    private static bool IsOrganisationAfter(IReadOnlyList<Token> toks, int next)
    {
        for (var i = next; i < toks.Count && i < next + 4 && toks[i].IsWord; i++)
        {
            if (Lexicon.OrganisationHeads.ContainsKey(toks[i].Lower))
            {
                return true;
            }
        }

        return false;
    }

    // "X in Y": the place Y, when the sentence goes on so.
    private string? ContainerAfter(Sentence s, int index)
    {
        var toks = s.Tokens;
        if (index + 1 < toks.Count && toks[index].Lower == "in" && toks[index + 1].Lower == "the")
        {
            index++;
        }

        if (index + 1 >= toks.Count || toks[index].Lower is not ("in" or "the") || !toks[index + 1].IsCapitalised)
        {
            return null;
        }

        var name = toks[index + 1].Bare;
        var known = _resolver.Resolve(EntityType.Place, [name]);
        if (known.Key is not null)
        {
            return known.Key;
        }

        var region = _gazetteer.Lookup(name).Where(e => e.Level == GazetteerLevel.Region).OrderByDescending(e => _countriesInArticle.Contains(e.CountryCode)).FirstOrDefault();
        return region is null ? null : RegionPlace(region.CountryCode, region.RegionCode!);
    }

    private string? RegionPlaceKeyOrNull(string countryCode, string? regionCode)
    {
        if (_gazetteer.Region(countryCode, regionCode) is not { } r)
        {
            return null;
        }

        return RegionPlace(r.CountryCode, r.Code);
    }

    private string CountryPlace(string code)
    {
        var c = _gazetteer.Country(code);
        var name = c?.Name ?? code;
        var names = new List<string> { name };
        if (c is not null)
        {
            names.AddRange(c.OtherNames);
        }

        var known = _resolver.Resolve(EntityType.Place, names);
        if (known.Key is { } key)
        {
            return key;
        }

        var newKey = Names.Slug(name);
        _newPlaces.TryAdd(newKey, new DraftPlace { Key = newKey, Name = name, Kind = EnumText(PlaceKind.Country) });
        return newKey;
    }

    private string RegionPlace(string countryCode, string regionCode)
    {
        var r = _gazetteer.Region(countryCode, regionCode)!;
        var known = _resolver.Resolve(EntityType.Place, [r.Name]);
        if (known.Key is { } key)
        {
            return key;
        }

        var norm = Names.Normalise(r.Name);
        var newKey = Names.Slug(RegionWords.Any(w => norm.EndsWith(" " + w, StringComparison.Ordinal)) ? r.Name : r.Name + " region");
        _newPlaces.TryAdd(newKey, new DraftPlace { Key = newKey, Name = r.Name, Kind = EnumText(PlaceKind.Region), ContainedIn = CountryPlace(countryCode) });
        return newKey;
    }

    private string CityPlace(GazetteerEntry city, PlaceKind kind)
    {
        var known = _resolver.Resolve(EntityType.Place, [city.Name]);
        if (known.Key is { } key)
        {
            return key;
        }

        var parent = RegionPlaceKeyOrNull(city.CountryCode, city.RegionCode) ?? CountryPlace(city.CountryCode);
        var newKey = Names.Slug(city.Name);
        if (_newPlaces.TryGetValue(newKey, out var existing) && existing.ContainedIn != parent)
        {
            newKey = Names.Slug(city.Name + " " + city.CountryCode);
        }

        _newPlaces.TryAdd(newKey, new DraftPlace { Key = newKey, Name = city.Name, Kind = EnumText(kind), ContainedIn = parent });
        return newKey;
    }

    private string ProposePlace(string name, PlaceKind kind, string? parent)
    {
        var newKey = Names.Slug(name);
        if (_newPlaces.TryGetValue(newKey, out var existing) && existing.ContainedIn != parent)
        {
            newKey = Names.Slug(name + " " + (parent ?? "place"));
        }

        _newPlaces.TryAdd(newKey, new DraftPlace { Key = newKey, Name = name, Kind = EnumText(kind), ContainedIn = parent });
        return newKey;
    }

    // A statement is about the places named in its span (not those acting, used as modifiers or
    // only locating another), "the region" after naming one, and what the statement it answers is about.
    private void AssignPlaces(Found f)
    {
        // "X said from the frontline town of Y:": where it was said.
        if (f.SaidAt is null)
        {
            var lo = Math.Min(f.ContextStart, f.Start);
            var hi = Math.Max(f.ContextEnd, f.End);
            foreach (var p in _places.Where(p => p.Start >= lo && p.End <= hi && !_model.InQuote(p.Start) && (f.Direct || p.End <= f.Start || p.Start >= f.End)))
            {
                var lead = _text[Math.Max(lo, p.Start - 40)..p.Start];
                var from = Math.Max(lead.LastIndexOf(" from ", StringComparison.Ordinal), f.Direct ? lead.LastIndexOf(" in ", StringComparison.Ordinal) : -1);
                if (from >= 0 && !lead[from..].Contains(',', StringComparison.Ordinal) && !lead[from..].Contains('.', StringComparison.Ordinal))
                {
                    f.SaidAt = p.Key;
                    f.Reasons.Add("place.said-from");
                    break;
                }
            }
        }

        var about = new List<PlaceMention>();
        foreach (var p in _places.Where(p => p.Start >= f.Start && p.End <= f.End && !p.Headline && (!f.Direct || _model.InQuote(p.Start))))
        {
            if (p.Actor || p.Modifier || p.Container)
            {
                continue;
            }

            if (f.SaidAt == p.Key)
            {
                continue;
            }

            about.Add(p);
        }

        var keys = about.OrderBy(p => Specificity(p.Kind)).ThenBy(p => p.Start).Select(p => p.Key).Distinct(StringComparer.Ordinal).ToList();
        var span = _text[f.Start..f.End];
        var anaphor = RegionAnaphors.Select(w => span.IndexOf(w, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
        if (anaphor >= 0)
        {
            var at = f.Start + anaphor;
            var last = _places.LastOrDefault(p => p.End <= at && p.Kind == PlaceKind.Region);
            if (last is not null && !keys.Contains(last.Key))
            {
                keys.Insert(0, last.Key);
                f.Reasons.Add("place.anaphor-the-region");
            }
        }

        f.About = keys;
    }

    private static int Specificity(PlaceKind kind) => kind switch
    {
        PlaceKind.Village => 0,
        PlaceKind.Town => 1,
        PlaceKind.City => 2,
        PlaceKind.District => 3,
        PlaceKind.Region => 4,
        PlaceKind.Country => 5,
        _ => 6,
    };
}
