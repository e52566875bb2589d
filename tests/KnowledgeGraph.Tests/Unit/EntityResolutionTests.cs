using KnowledgeGraph.Domain.Resolution;

namespace KnowledgeGraph.Tests.Unit;

/// <summary>
/// Entity resolution on plain strings. The people, towns and bodies here are invented (Velmora,
/// the Duchy of Astrein, Oskar Brandvik …); real names appear only as spellings of a name.
/// </summary>
public sealed class EntityResolutionTests
{
    private static EntityCandidate C(string key, string name, params string[] aliases) => new(key, name, aliases);

    private static Resolution Resolve(EntityKind kind, string name, params EntityCandidate[] known) =>
        EntityResolver.Resolve(kind, new EntityCandidate("incoming", name, []), known);

    [Theory]
    [InlineData("Oskar Brandvik", "oskar brandvik")]
    [InlineData("  OSKAR   brandvik ", "oskar brandvik")]
    [InlineData("Marta Kővári-Szép", "marta kovari szep")]
    [InlineData("Jean-Luc d’Orvalle", "jean luc dorvalle")]
    [InlineData("Zoë Ångström", "zoe angstrom")]
    [InlineData("Le\u0301a Brandt", "lea brandt")] // a combining acute accent
    [InlineData("Velmora's Council", "velmoras council")]
    public void Names_normalise_case_diacritics_punctuation_and_spacing(string name, string expected) =>
        Assert.Equal(expected, NameNormalizer.Normalize(name));

    [Theory]
    [InlineData("Lt. Col. Oskar Brandvik", "oskar brandvik")]
    [InlineData("Gen. Ilse Fernwald", "ilse fernwald")]
    [InlineData("President Tamsin Orly", "tamsin orly")]
    [InlineData("Dr. Marta Kővári", "marta kovari")]
    [InlineData("Defence Minister Piet Rolland", "piet rolland")]
    [InlineData("Major", "major")] // a name is never stripped to nothing
    public void Honorifics_and_ranks_are_dropped_from_the_front(string name, string expected) =>
        Assert.Equal(expected, NameNormalizer.WithoutHonorifics(name));

    [Fact]
    public void The_same_name_in_another_case_and_accenting_resolves_with_the_strongest_rule()
    {
        var result = Resolve(EntityKind.Person, "marta kovari", C("marta-kovari", "Marta Kővári"), C("marta-kovacs", "Marta Kovács"));
        Assert.Equal(new Resolution(ResolutionOutcome.Matched, "marta-kovari", ResolutionRules.SameName, 1.0, []), result with { Tied = [] });
    }

    [Fact]
    public void A_known_alias_resolves_by_the_alias_rule()
    {
        var result = Resolve(EntityKind.Person, "Brandvik", C("oskar-brandvik", "Oskar Brandvik", "Brandvik"), C("ilse-fernwald", "Ilse Fernwald"));
        Assert.Equal((ResolutionOutcome.Matched, "oskar-brandvik", ResolutionRules.Alias, 0.95), (result.Outcome, result.Key, result.Rule, result.Score));
    }

    [Fact]
    public void A_rank_in_front_of_the_name_resolves_by_the_honorific_rule()
    {
        var result = Resolve(EntityKind.Person, "Lt. Col. Oskar Brandvik", C("oskar-brandvik", "Oskar Brandvik"));
        Assert.Equal((ResolutionOutcome.Matched, "oskar-brandvik", ResolutionRules.Honorific, 0.9), (result.Outcome, result.Key, result.Rule, result.Score));
    }

    [Theory]
    [InlineData("Zelensky", "Zelenskyy")]
    [InlineData("Umerov", "Umierov")]
    [InlineData("Kiev", "Kyiv")]
    [InlineData("Lugansk", "Luhansk")]
    [InlineData("Kharkov", "Kharkiv")]
    public void Transliteration_variants_fold_to_one_spelling(string a, string b) =>
        Assert.Equal(NameNormalizer.Transliterated(a), NameNormalizer.Transliterated(b));

    [Fact]
    public void A_place_spelled_another_way_resolves_by_the_transliteration_rule()
    {
        var result = Resolve(EntityKind.Place, "Lugansk Oblast", C("luhansk-oblast", "Luhansk Oblast", "Luhansk region"), C("kyiv", "Kyiv"));
        Assert.Equal((ResolutionOutcome.Matched, "luhansk-oblast", ResolutionRules.Transliteration, 0.85), (result.Outcome, result.Key, result.Rule, result.Score));
    }

    [Fact]
    public void A_rank_and_a_transliteration_together_still_resolve()
    {
        var result = Resolve(EntityKind.Person, "Lt. Col. Danylo Umierov", C("danylo-umerov", "Danylo Umerov"));
        Assert.Equal((ResolutionOutcome.Matched, ResolutionRules.Transliteration), (result.Outcome, result.Rule));
    }

    [Theory]
    [InlineData("Russia's defence ministry", "Russian Ministry of Defense")]
    [InlineData("Ministry of Defence of the Russian Federation", "Russian Ministry of Defense")]
    [InlineData("the Velmoran Trade Council", "Trade Council of the Velmoran")]
    public void Organisation_designations_compare_as_sets_of_words(string a, string b) =>
        Assert.Equal(NameNormalizer.Designation(a), NameNormalizer.Designation(b));

    [Fact]
    public void An_organisation_designated_another_way_resolves_by_the_designation_rule()
    {
        var result = Resolve(
            EntityKind.Organisation,
            "Russia's defence ministry",
            C("ministry-of-defence-of-russia", "Ministry of Defence of the Russian Federation"),
            C("ministry-of-foreign-affairs-of-russia", "Ministry of Foreign Affairs of the Russian Federation"));
        Assert.Equal((ResolutionOutcome.Matched, "ministry-of-defence-of-russia", ResolutionRules.Designation, 0.8), (result.Outcome, result.Key, result.Rule, result.Score));
    }

    [Fact]
    public void A_surname_alone_resolves_weakly_to_the_only_person_who_bears_it()
    {
        var result = Resolve(EntityKind.Person, "Fernwald", C("ilse-fernwald", "Mayor Ilse Fernwald"), C("oskar-brandvik", "Oskar Brandvik"));
        Assert.Equal((ResolutionOutcome.Matched, "ilse-fernwald", ResolutionRules.Surname, 0.6), (result.Outcome, result.Key, result.Rule, result.Score));
    }

    [Fact]
    public void Two_people_with_the_same_surname_are_a_tie_and_nothing_is_guessed()
    {
        var result = Resolve(EntityKind.Person, "Lind", C("petra-lind", "Petra Lind"), C("jonas-lind", "Jonas Lind"));
        Assert.Equal((ResolutionOutcome.Ambiguous, (string?)null, ResolutionRules.Surname, 0.6), (result.Outcome, result.Key, result.Rule, result.Score));
        Assert.Equal(["jonas-lind", "petra-lind"], result.Tied);
    }

    [Fact]
    public void Two_places_sharing_an_alias_are_a_tie()
    {
        var result = Resolve(EntityKind.Place, "Astrein", C("astrein-city", "Astrein City", "Astrein"), C("duchy-of-astrein", "Duchy of Astrein", "Astrein"));
        Assert.Equal((ResolutionOutcome.Ambiguous, (string?)null, ResolutionRules.Alias), (result.Outcome, result.Key, result.Rule));
        Assert.Equal(["astrein-city", "duchy-of-astrein"], result.Tied);
    }

    [Fact]
    public void The_stronger_rule_wins_over_a_weaker_one()
    {
        // "Lind" is Petra's alias (0.95) and only Jonas's surname (0.6).
        var result = Resolve(EntityKind.Person, "Lind", C("petra-lind", "Petra Lind", "Lind"), C("jonas-lind", "Jonas Lind"));
        Assert.Equal((ResolutionOutcome.Matched, "petra-lind", ResolutionRules.Alias), (result.Outcome, result.Key, result.Rule));
    }

    [Fact]
    public void Different_names_do_not_match()
    {
        Assert.Equal(Resolution.None, Resolve(EntityKind.Person, "Tamsin Orly", C("oskar-brandvik", "Oskar Brandvik"), C("ilse-fernwald", "Ilse Fernwald")));
        Assert.Equal(Resolution.None, Resolve(EntityKind.Organisation, "Velmora Trade Council", C("velmora-port-authority", "Velmora Port Authority")));
    }

    [Fact]
    public void The_surname_rule_applies_to_people_only()
    {
        Assert.Equal(Resolution.None, Resolve(EntityKind.Place, "Oblast", C("velmora-oblast", "Velmora Oblast")));
    }

    [Theory]
    [InlineData("Oskar Brandvik", "oskar-brandvik")]
    [InlineData("Marta Kővári-Szép", "marta-kovari-szep")]
    [InlineData("Velmora's Council", "velmoras-council")]
    [InlineData("Дума", null)]
    [InlineData("!!!", null)]
    public void A_key_is_derived_from_a_name(string name, string? expected) =>
        Assert.Equal(expected, NameNormalizer.SlugOf(name));

    [Fact]
    public void The_same_quote_by_the_same_speaker_is_the_same_utterance_whatever_the_quotation_marks()
    {
        var known = new[]
        {
            new StatementCandidate("brandvik-harbour", "Person:oskar-brandvik", "“The harbour stays open to every ship.”"),
            new StatementCandidate("fernwald-harbour", "Person:ilse-fernwald", "The harbour stays open to every ship."),
        };
        var result = StatementMatcher.Match(new StatementCandidate("new", "Person:oskar-brandvik", "\"The harbour stays open to every ship\""), known);
        Assert.Equal((ResolutionOutcome.Matched, "brandvik-harbour", ResolutionRules.SameUtterance, 1.0), (result.Outcome, result.Key, result.Rule, result.Score));
    }

    [Fact]
    public void A_nearly_identical_quote_is_a_near_utterance_scored_by_its_similarity()
    {
        var known = new[] { new StatementCandidate("brandvik-harbour", "Person:oskar-brandvik", "The harbour stays open to every ship that asks.") };
        var result = StatementMatcher.Match(new StatementCandidate("new", "Person:oskar-brandvik", "The harbour stays open to every ship which asks."), known);
        Assert.Equal((ResolutionOutcome.Matched, "brandvik-harbour", ResolutionRules.NearUtterance), (result.Outcome, result.Key, result.Rule));
        Assert.InRange(result.Score, StatementMatcher.Threshold, 0.99);
    }

    [Fact]
    public void Another_speaker_or_other_words_or_no_speaker_never_match()
    {
        var known = new[] { new StatementCandidate("brandvik-harbour", "Person:oskar-brandvik", "The harbour stays open.") };
        Assert.Equal(Resolution.None, StatementMatcher.Match(new StatementCandidate("x", "Person:ilse-fernwald", "The harbour stays open."), known));
        Assert.Equal(Resolution.None, StatementMatcher.Match(new StatementCandidate("x", "Person:oskar-brandvik", "The harbour closes at dawn."), known));
        Assert.Equal(Resolution.None, StatementMatcher.Match(new StatementCandidate("x", null, "The harbour stays open."), [new StatementCandidate("y", null, "The harbour stays open.")]));
    }

    [Fact]
    public void Two_known_statements_with_the_same_words_are_a_tie()
    {
        var known = new[]
        {
            new StatementCandidate("b", "Organisation:velmora-council", "No ships."),
            new StatementCandidate("a", "Organisation:velmora-council", "No ships!"),
        };
        var result = StatementMatcher.Match(new StatementCandidate("x", "Organisation:velmora-council", "No ships"), known);
        Assert.Equal(ResolutionOutcome.Ambiguous, result.Outcome);
        Assert.Equal(["a", "b"], result.Tied);
    }

    [Theory]
    [InlineData("abc", "abc", 1.0)]
    [InlineData("abcdefghij", "abcdefghix", 0.9)]
    [InlineData("abcdefghij", "abcdefgxyz", 0.7)]
    [InlineData("abcdefghij", "abc", 0.0)] // lengths too far apart to reach the threshold: not compared
    public void Similarity_is_one_minus_the_relative_edit_distance(string a, string b, double expected) =>
        Assert.Equal(expected, StatementMatcher.Similarity(a, b), 6);
}
