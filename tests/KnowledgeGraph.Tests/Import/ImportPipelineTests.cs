using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Import;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Resolution;

namespace KnowledgeGraph.Tests.Import;

/// <summary>The one write path on a real SQLite file: summaries, idempotence, resolution, v2.</summary>
public sealed class ImportPipelineTests : IDisposable
{
    private readonly ImportStore _s = new();

    public void Dispose() => _s.Dispose();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Summary(ImportResult r) => string.Join("; ", r.Counts.Where(c => c.Value.Total > 0).Select(c =>
        $"{c.Key} +{c.Value.Created} ~{c.Value.Updated} ={c.Value.Unchanged} >{c.Value.Merged} x{c.Value.Rejected}"));

    [Fact]
    public async Task The_seed_is_created_and_a_second_import_changes_nothing()
    {
        var first = await _s.SeedAsync();
        Assert.True(first.Accepted);
        Assert.Equal("Person +4 ~0 =0 >0 x0; Organisation +12 ~0 =0 >0 x0; Place +16 ~0 =0 >0 x0; Statement +21 ~0 =0 >0 x0; Negotiation +1 ~0 =0 >0 x0; Article +1 ~0 =0 >0 x0", Summary(first));

        var second = await _s.SeedAsync();
        Assert.True(second.Accepted);
        Assert.Equal("Person +0 ~0 =4 >0 x0; Organisation +0 ~0 =12 >0 x0; Place +0 ~0 =16 >0 x0; Statement +0 ~0 =21 >0 x0; Negotiation +0 ~0 =1 >0 x0; Article +0 ~0 =1 >0 x0", Summary(second));
    }

    [Fact]
    public async Task A_second_outlet_carrying_the_same_quote_adds_evidence_to_the_existing_statement()
    {
        await _s.SeedAsync();
        var result = await _s.FixtureAsync("010_second-outlet.v2.json");

        Assert.True(result.Accepted, string.Join("\n", result.Problems));
        Assert.Equal("Person +0 ~0 =1 >0 x0; Place +0 ~0 =1 >0 x0; Statement +0 ~0 =0 >1 x0; Article +1 ~0 =0 >0 x0", Summary(result));
        var person = Assert.Single(result.Changes, c => c.Id.Type == NodeType.Person);
        Assert.Equal(new RecordChange(new NodeId(NodeType.Person, "dmitry-medvedev"), RecordOutcome.Unchanged, "$.people[0]", "medvedev", ResolutionRules.Alias, 0.95), person);
        var statement = Assert.Single(result.Changes, c => c.Id.Type == NodeType.Statement);
        Assert.Equal(
            new RecordChange(new NodeId(NodeType.Statement, "medvedev-new-realities-on-the-ground"), RecordOutcome.Merged, "$.statements[0]", "medvedev-those-who-do-not-want-to-recognise-the-realities-of", ResolutionRules.SameUtterance, 1.0),
            statement);

        var stored = Assert.Single(await _s.Store.GetAsync<Statement>(["medvedev-new-realities-on-the-ground"], Cancel));
        Assert.Equal(["000-7ec11662766b884c", "010-second-outlet"], stored.Evidence.Select(e => e.ArticleKey).Order(StringComparer.Ordinal));
        var added = stored.Evidence.Single(e => e.ArticleKey == "010-second-outlet");
        var article = Assert.Single(await _s.Store.GetAsync<Article>(["010-second-outlet"], Cancel));
        Assert.Equal(article.Text[added.Start..added.End], added.Text);
        Assert.Equal((127, 243), (added.Start, added.End));
        Assert.Empty(await _s.Store.GetAsync<Person>(["medvedev"], Cancel));

        var again = await _s.FixtureAsync("010_second-outlet.v2.json");
        Assert.Equal("Person +0 ~0 =1 >0 x0; Place +0 ~0 =1 >0 x0; Statement +0 ~0 =1 >0 x0; Article +0 ~0 =1 >0 x0", Summary(again));
    }

    [Fact]
    public async Task A_rank_and_a_reworded_quote_resolve_and_a_new_village_is_placed_in_its_town()
    {
        Assert.True((await _s.FixtureAsync("020_velmora.v1.json")).Accepted);
        var result = await _s.FixtureAsync("030_velmora-herald.v2.json");

        Assert.True(result.Accepted, string.Join("\n", result.Problems));
        Assert.Equal("Person +0 ~0 =0 >1 x0; Place +1 ~0 =1 >0 x0; Statement +0 ~0 =0 >1 x0; Article +1 ~0 =0 >0 x0", Summary(result));
        var person = Assert.Single(result.Changes, c => c.Id.Type == NodeType.Person);
        Assert.Equal(("ilse-fernwald", "mayor-fernwald", ResolutionRules.Honorific), (person.Id.Key, person.GivenKey, person.Rule));
        var statement = Assert.Single(result.Changes, c => c.Id.Type == NodeType.Statement);
        Assert.Equal(("fernwald-bridge-closed", ResolutionRules.NearUtterance), (statement.Id.Key, statement.Rule));

        var fernwald = Assert.Single(await _s.Store.GetAsync<Person>(["ilse-fernwald"], Cancel));
        Assert.Equal(("Ilse Fernwald", "Fernwald|Mayor Fernwald"), (fernwald.Name, string.Join('|', fernwald.Aliases)));
        var korrin = Assert.Single(await _s.Store.GetAsync<Place>(["korrin"], Cancel));
        Assert.Equal("velmora", korrin.ContainedInKey);
        var stored = Assert.Single(await _s.Store.GetAsync<Statement>(["fernwald-bridge-closed"], Cancel));
        Assert.Equal(("The old bridge is closed until the spring.", "velmora|korrin"), (stored.Text, string.Join('|', stored.AboutKeys)));
        Assert.Equal(2, stored.Evidence.Count);
    }

    [Fact]
    public async Task The_published_example_imports_into_an_empty_store_with_derived_keys_and_found_offsets()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schema", "examples", "hand-written.v2.json"));
        var result = await _s.JsonAsync(json);

        Assert.True(result.Accepted, string.Join("\n", result.Problems));
        Assert.Equal("Person +1 ~0 =0 >0 x0; Organisation +1 ~0 =0 >0 x0; Place +2 ~0 =0 >0 x0; Statement +1 ~0 =0 >0 x0; Article +1 ~0 =0 >0 x0", Summary(result));
        var statement = Assert.Single(await _s.Store.GetAsync<Statement>(["oskar-brandvik-the-harbour-stays-open-to-every-ship"], Cancel));
        Assert.Equal(new SpeakerRef(SpeakerType.Person, "oskar-brandvik"), statement.Speaker);
        var evidence = Assert.Single(statement.Evidence);
        Assert.Equal(("velmora-harbour-to-stay-open-says-mayor", 52, 90), (evidence.ArticleKey, evidence.Start, evidence.End));
        var velmora = Assert.Single(await _s.Store.GetAsync<Place>(["velmora"], Cancel));
        Assert.Equal("duchy-of-astrein", velmora.ContainedInKey);
    }

    [Fact]
    public async Task A_dry_run_reports_the_same_summary_and_writes_nothing()
    {
        var dry = await _s.SeedAsync(new ImportOptions(DryRun: true));
        Assert.True(dry.Accepted && dry.DryRun);
        Assert.Equal(55, dry.Changes.Count(c => c.Outcome == RecordOutcome.Created));
        Assert.True(await _s.Store.IsEmptyAsync(Cancel));
    }

    [Theory]
    [InlineData("the harbour", "$.statements[0].evidence[0].text: \"the harbour\" does not occur in the article text.")]
    [InlineData("a", "$.statements[0].evidence[0].text: \"a\" occurs 3 times in the article text ([1, 2), [4, 5), [7, 8)); give \"start\" and \"end\" to choose one.")]
    public async Task Evidence_given_by_text_alone_must_occur_exactly_once(string quoted, string expected)
    {
        var json = $$"""
            { "format": "knowledge-graph/v2",
              "articles": [{ "key": "t", "text": "xa xa xa" }],
              "people": [{ "name": "Tamsin Orly" }],
              "statements": [{ "text": "a", "kind": "CLAIM", "direct": true, "speaker": { "person": "Tamsin Orly" },
                               "evidence": [{ "article": "t", "text": {{System.Text.Json.JsonSerializer.Serialize(quoted)}} }] }] }
            """;
        var result = await _s.JsonAsync(json);
        Assert.False(result.Accepted);
        Assert.Equal([expected], result.Problems.Select(p => p.ToString()));
        Assert.Equal("Person +0 ~0 =0 >0 x1; Statement +0 ~0 =0 >0 x1; Article +0 ~0 =0 >0 x1", Summary(result));
        Assert.True(await _s.Store.IsEmptyAsync(Cancel));
    }

    [Fact]
    public async Task A_name_that_fits_two_stored_records_is_rejected_or_created_new_as_the_caller_chose()
    {
        Assert.True((await _s.JsonAsync("""
            { "format": "knowledge-graph/v2", "places": [
              { "key": "astrein-city", "name": "Astrein City", "kind": "CITY", "aliases": ["Astrein"] },
              { "key": "duchy-of-astrein", "name": "Duchy of Astrein", "kind": "COUNTRY", "aliases": ["Astrein"] } ] }
            """)).Accepted);
        const string doc = """{ "format": "knowledge-graph/v2", "places": [{ "name": "Astrein", "kind": "OTHER" }] }""";

        var rejected = await _s.JsonAsync(doc);
        Assert.False(rejected.Accepted);
        Assert.Equal(["$.places[0]: \"Astrein\" fits 2 stored records equally (alias): \"astrein-city\", \"duchy-of-astrein\"; give the key of the one meant."], rejected.Problems.Select(p => p.ToString()));
        Assert.Empty(await _s.Store.GetAsync<Place>(["astrein"], Cancel));

        var created = await _s.JsonAsync(doc, new ImportOptions(OnAmbiguity: AmbiguityPolicy.CreateNew));
        Assert.True(created.Accepted);
        Assert.Equal(new RecordChange(new NodeId(NodeType.Place, "astrein"), RecordOutcome.Created, "$.places[0]"), Assert.Single(created.Changes));
        Assert.Equal(["astrein-city", "duchy-of-astrein"], Assert.Single(created.Ambiguities).Candidates);
    }

    [Fact]
    public async Task An_article_cannot_change_its_text_once_evidence_rests_on_it()
    {
        await _s.JsonAsync("""{ "format": "knowledge-graph/v2", "articles": [{ "key": "t", "text": "one" }] }""");
        var result = await _s.JsonAsync("""{ "format": "knowledge-graph/v2", "articles": [{ "key": "t", "text": "two!" }] }""");
        Assert.Equal(["$.articles[0].text: The article \"t\" is stored with another text (3 characters, this one 4); evidence rests on the stored text, so it cannot change."], result.Problems.Select(p => p.ToString()));
        Assert.Equal("one", Assert.Single(await _s.Store.GetAsync<Article>(["t"], Cancel)).Text);
    }

    [Fact]
    public async Task A_document_of_the_wrong_shape_lists_every_problem_from_the_schema()
    {
        var result = await _s.JsonAsync("""
            { "format": "knowledge-graph/v1", "colour": "red",
              "places": [{ "key": "a", "name": 7, "kind": "PLANET" }] }
            """);
        Assert.False(result.Accepted);
        Assert.Contains(new ImportProblem("$.colour", "Unknown field: the format has no such field here."), result.Problems);
        Assert.Contains(result.Problems, p => p.Path == "$.places[0].name" && p.Message.Contains("(schema: type)", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Path == "$.places[0].kind" && p.Message.Contains("(schema: enum)", StringComparison.Ordinal));
    }
}
