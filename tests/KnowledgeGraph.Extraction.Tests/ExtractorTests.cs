using KnowledgeGraph.Domain.Model;

namespace KnowledgeGraph.Extraction.Tests;

/// <summary>The rules on small texts of our own, with a small gazetteer made here (no files).</summary>
public sealed class ExtractorTests
{
    private static readonly DateTimeOffset Published = new(2031, 3, 9, 12, 0, 0, TimeSpan.Zero); // a Sunday

    private static readonly Gazetteer Small = new(
        [
            new GazetteerCountry("XA", "Norvania", ["Republic of Norvania"], "Haldport", "Norvanian"),
            new GazetteerCountry("XB", "Kestria", [], "Vorn", "Kestrian"),
        ],
        [new GazetteerRegion("XA", "01", "Amber Coast"), new GazetteerRegion("XB", "02", "Tolvar Oblast")],
        [new GazetteerCity("XA", "01", "Haldport"), new GazetteerCity("XB", "02", "Brask"), new GazetteerCity("XB", "02", "Vorn")]);

    private static ExtractionResult Read(string text, KnownEntities? known = null, DateTimeOffset? published = null) =>
        ArticleExtractor.Extract(new ArticleInput("t", text, PublishedAt: published ?? Published), known ?? KnownEntities.Empty, Small);

    private static void AssertSpansExact(string text, ExtractionResult r)
    {
        foreach (var s in r.Statements)
        {
            Assert.Equal(text[s.Start..s.End], s.SpanText);
            var e = Assert.Single(r.Draft.Statements.Single(d => d.Key == s.Key).Evidence);
            Assert.Equal(text[e.Start..e.End], e.Text);
        }
    }

    [Theory]
    [InlineData("“We will hold the line at any cost,” Mayor Ada Brenn said.", "“We will hold the line at any cost,”")]
    [InlineData("\"We will hold the line at any cost,\" Mayor Ada Brenn said.", "\"We will hold the line at any cost,\"")]
    [InlineData("«We will hold the line at any cost,» Mayor Ada Brenn said.", "«We will hold the line at any cost,»")]
    [InlineData("‘We will hold the line at any cost,’ Mayor Ada Brenn said.", "‘We will hold the line at any cost,’")]
    [InlineData("'We will hold the line at any cost,' Mayor Ada Brenn said.", "'We will hold the line at any cost,'")]
    public void A_quote_in_every_common_style_is_one_direct_statement_with_its_exact_span(string text, string span)
    {
        var r = Read(text);
        var s = Assert.Single(r.Statements);
        Assert.True(s.Direct);
        Assert.Equal(span, s.SpanText);
        Assert.Equal(0, s.Start);
        Assert.Equal("We will hold the line at any cost", s.Text);
        Assert.Equal("Ada Brenn", s.Speaker!.Name);
        Assert.True(s.Speaker.IsNew);
        Assert.Equal(StatementKind.Assessment, s.Kind);
        Assert.Contains("quote.attribution-after", s.Reasons);
        var person = Assert.Single(r.Draft.People);
        Assert.Equal(["Mayor Ada Brenn", "Brenn"], person.Aliases);
        AssertSpansExact(text, r);
    }

    [Fact]
    public void A_quote_split_by_its_attribution_is_one_statement_from_the_first_mark_to_the_last()
    {
        const string text = "Mayor Ada Brenn spoke in Haldport.\n\n“The bridge is closed,” she said, “and it will stay closed until spring.”";
        var s = Assert.Single(Read(text).Statements);
        Assert.Equal(text.IndexOf('“', StringComparison.Ordinal), s.Start);
        Assert.Equal(text.Length, s.End);
        Assert.Equal("The bridge is closed and it will stay closed until spring.", s.Text);
        Assert.Equal("Ada Brenn", s.Speaker!.Name);
        Assert.StartsWith("speaker.pronoun", s.Speaker.Rule, StringComparison.Ordinal);
        Assert.Equal("quote.split-by-attribution", s.Rule);
    }

    [Fact]
    public void A_quote_spanning_paragraphs_is_one_statement_introduced_by_its_colon()
    {
        const string text = "Interior Minister Olek Dansk said in Vorn:\n\n“The border stays open for trade.\n\n“We expect the first convoys within a week.”";
        var r = Read(text);
        var s = Assert.Single(r.Statements);
        Assert.Equal(text.IndexOf('“', StringComparison.Ordinal), s.Start);
        Assert.Equal(text.Length, s.End);
        Assert.Equal("quote.introduced-by-colon", s.Rule);
        Assert.Equal("Olek Dansk", s.Speaker!.Name);
        Assert.Equal("vorn", s.SaidAt);
        AssertSpansExact(text, r);
    }

    [Fact]
    public void Reported_speech_takes_its_kind_from_the_verb_and_its_span_from_subject_to_clause_end()
    {
        const string text = "Kestria denied that its troops had crossed into the Amber Coast. Norvania's defence ministry warned that any incursion would be met with force, while observers waited.";
        var r = Read(text);
        Assert.Collection(r.Statements,
            s =>
            {
                Assert.Equal(StatementKind.Denial, s.Kind);
                Assert.Equal("Kestria denied that its troops had crossed into the Amber Coast", s.SpanText);
                Assert.Equal("Government of Kestria", s.Speaker!.Name);
                Assert.Equal(["amber-coast-region"], s.About);
            },
            s =>
            {
                Assert.Equal(StatementKind.Warning, s.Kind);
                Assert.Equal("Norvania's defence ministry warned that any incursion would be met with force", s.SpanText);
                Assert.Equal("Norvania's defence ministry", s.Speaker!.Name);
            });
        var ministry = r.Draft.Organisations.Single(o => o.Name == "Norvania's defence ministry");
        Assert.Equal(("MINISTRY", "norvania"), (ministry.Kind, ministry.Country));
        AssertSpansExact(text, r);
    }

    [Fact]
    public void A_rejection_of_the_demand_answers_the_demand_and_a_that_participle_is_a_second_statement()
    {
        const string text = "At the talks in Haldport on Friday, Vorn demanded that Norvania withdraw from Brask. Norvania rejected the demand, warning that such a withdrawal would leave the Amber Coast exposed.";
        var r = Read(text);
        Assert.Equal(3, r.Statements.Count);
        var demand = r.Statements[0];
        Assert.Equal(StatementKind.Demand, demand.Kind);
        Assert.StartsWith("At the talks in Haldport on Friday, Vorn demanded", demand.SpanText, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2031, 3, 7), demand.Date);
        Assert.Equal("Government of Kestria", demand.Speaker!.Name);
        var rejection = r.Statements[1];
        Assert.Equal(("Norvania rejected the demand", StatementKind.Rejection, demand.Key), (rejection.SpanText, rejection.Kind, rejection.RespondsTo));
        var warning = r.Statements[2];
        Assert.Equal(("warning that such a withdrawal would leave the Amber Coast exposed", StatementKind.Warning, demand.Key), (warning.SpanText, warning.Kind, warning.RespondsTo));
        Assert.Equal(rejection.Speaker!.Key, warning.Speaker!.Key);
        Assert.NotNull(demand.Negotiation);
        Assert.Equal(demand.Negotiation, rejection.Negotiation);
        Assert.Equal("haldport-talks", demand.Negotiation);
        AssertSpansExact(text, r);
    }

    [Fact]
    public void Unnamed_sources_stay_unnamed_and_according_to_names_its_source()
    {
        const string text = "Officials said the road to Brask had reopened. According to the Kestrian rail operator, trains will run again on Monday.";
        var r = Read(text);
        Assert.Equal(2, r.Statements.Count);
        Assert.Null(r.Statements[0].Speaker);
        Assert.Equal(StatementKind.Claim, r.Statements[0].Kind);
        Assert.Equal("reported.according-to", r.Statements[1].Rule);
        Assert.Equal(StatementKind.Report, r.Statements[1].Kind);
        Assert.Equal("Kestrian rail operator", r.Statements[1].Speaker!.Name);
        Assert.Empty(r.Draft.People);
    }

    [Fact]
    public void A_known_speaker_is_resolved_by_the_imports_rules_not_proposed()
    {
        var known = new KnownEntities(
        [
            new KnownEntity(EntityType.Person, "ada-brenn", "Ada Brenn", ["Mayor Brenn"]),
            new KnownEntity(EntityType.Organisation, "government-of-kestria", "Government of Kestria", ["Vorn", "Kestria"]),
        ]);
        const string text = "Brenn called for calm. Vorn claimed that the Amber Coast was quiet.";
        var r = Read(text, known);
        Assert.Equal(("ada-brenn", false, StatementKind.Appeal), (r.Statements[0].Speaker!.Key, r.Statements[0].Speaker!.IsNew, r.Statements[0].Kind));
        // The import's resolver: "Brenn" is the alias "Mayor Brenn" without its title.
        Assert.Equal("speaker.person;resolve.honorific", r.Statements[0].Speaker!.Rule);
        Assert.Equal(("government-of-kestria", false), (r.Statements[1].Speaker!.Key, r.Statements[1].Speaker!.IsNew));
        Assert.Empty(r.Draft.People);
        Assert.Empty(r.Draft.Organisations);
    }

    [Theory]
    [InlineData("Mayor Ada Brenn said on Saturday that the port had reopened.", "2031-03-08")]
    [InlineData("Mayor Ada Brenn said on 2 March 2031 that the port had reopened.", "2031-03-02")]
    [InlineData("Mayor Ada Brenn said on March 4 that the port had reopened.", "2031-03-04")]
    [InlineData("Mayor Ada Brenn said yesterday that the port had reopened.", "2031-03-08")]
    [InlineData("Mayor Ada Brenn said that the port would reopen next Friday.", null)]
    [InlineData("Mayor Ada Brenn said last week that the port had reopened.", null)]
    public void Dates_are_absolute_or_counted_back_from_publication_and_null_when_unsure(string text, string? date)
    {
        var s = Assert.Single(Read(text).Statements);
        Assert.Equal(date, s.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Without_a_publication_date_a_weekday_stays_unknown()
    {
        var r = ArticleExtractor.Extract(new ArticleInput("t", "Mayor Ada Brenn said on Saturday that the port had reopened."), KnownEntities.Empty, Small);
        Assert.Null(Assert.Single(r.Statements).Date);
    }

    [Fact]
    public void A_village_the_gazetteer_lacks_is_proposed_inside_the_region_the_text_names()
    {
        const string text = "Kestrian forces released photos showing troops in the village of Ostrel in Tolvar Oblast.";
        var r = Read(text);
        var s = Assert.Single(r.Statements);
        Assert.Equal(["ostrel"], s.About);
        var village = r.Draft.Places.Single(p => p.Key == "ostrel");
        Assert.Equal(("VILLAGE", "tolvar-oblast"), (village.Kind, village.ContainedIn));
        Assert.Equal("kestria", r.Draft.Places.Single(p => p.Key == "tolvar-oblast").ContainedIn);
    }

    [Fact]
    public void The_same_input_gives_the_same_draft()
    {
        const string text = "Kestria denied that its troops had crossed into the Amber Coast. “We are not there,” a Kestrian army spokesman said.";
        Assert.Equal(Bundles.DraftBundleJson.Write(Read(text).Draft), Bundles.DraftBundleJson.Write(Read(text).Draft));
    }

    [Fact]
    public void Headlines_and_scare_quotes_make_no_statement()
    {
        const string text = "Brenn: 'We will hold the line'\n\nThe mayor's 'plan' was discussed in Haldport.";
        var r = Read(text);
        Assert.Empty(r.Statements);
    }
}
