using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Import;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Ports;
using KnowledgeGraph.Domain.Query;
using KnowledgeGraph.Tests.Infrastructure;

namespace KnowledgeGraph.Tests.Stores;

/// <summary>A store under test: the port and its admin side.</summary>
public sealed record StoreUnderTest(IGraphStore Store, IGraphStoreAdmin Admin);

/// <summary>
/// The store contract: every adapter must answer these exactly alike. Subclasses supply a store
/// seeded with the shipped articles (shared, read-only) and empty stores (one per call).
/// </summary>
public abstract partial class StoreContractTests
{
    private const string Article = "000-7ec11662766b884c";

    /// <summary>A store seeded with the shipped bundles; tests must not write to it.</summary>
    protected abstract Task<StoreUnderTest> SeededAsync();

    /// <summary>A new, initialised, empty store.</summary>
    protected abstract Task<StoreUnderTest> EmptyAsync();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly SortField[] ByKey = [];

    [Fact]
    public async Task Get_returns_every_field_of_a_statement_and_leaves_out_unknown_keys()
    {
        var s = await SeededAsync();
        var found = await s.Store.GetAsync<Statement>(["moscow-demands-recognition-of-five-regions", "no-such-statement"], Cancel);
        var statement = Assert.Single(found);
        Assert.Equal("Moscow demanded that Kyiv recognize its control over five Ukrainian regions: Donetsk, Lugansk, Zaporizhzhia, Kherson and Crimea.", statement.Text);
        Assert.Equal(StatementKind.Demand, statement.Kind);
        Assert.False(statement.Direct);
        Assert.Equal(new SpeakerRef(SpeakerType.Organisation, "government-of-russia"), statement.Speaker);
        Assert.Equal("istanbul", statement.SaidAtKey);
        Assert.Equal(new DateOnly(2025, 6, 2), statement.Date);
        Assert.Equal(["donetsk-oblast", "luhansk-oblast", "zaporizhzhia-oblast", "kherson-oblast", "crimea"], statement.AboutKeys);
        Assert.Equal("istanbul-peace-talks", statement.NegotiationKey);
        Assert.Null(statement.RespondsToKey);
        var evidence = Assert.Single(statement.Evidence);
        Assert.Equal(new Evidence(Article, 2441, 2601, Seed.ArticleText[2441..2601]), evidence);
        Assert.StartsWith("At the last round of talks on June 2, Moscow demanded", evidence.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_returns_people_organisations_places_negotiations_and_articles_whole()
    {
        var s = await SeededAsync();
        var medvedev = Assert.Single(await s.Store.GetAsync<Person>(["dmitry-medvedev"], Cancel));
        Assert.Equal("Dmitry Medvedev", medvedev.Name);
        Assert.Equal(
            [new Affiliation("dmitry-medvedev", "security-council-of-russia", "deputy chair", true), new Affiliation("dmitry-medvedev", "government-of-russia", "president", false)],
            medvedev.Affiliations);

        var ministry = Assert.Single(await s.Store.GetAsync<Organisation>(["ministry-of-defence-of-russia"], Cancel));
        Assert.Equal((OrganisationKind.Ministry, "russia", "government-of-russia"), (ministry.Kind, ministry.CountryKey, ministry.PartOfKey));

        var donetsk = Assert.Single(await s.Store.GetAsync<Place>(["donetsk-oblast"], Cancel));
        Assert.Equal(("Donetsk Oblast", PlaceKind.Region, "ukraine"), (donetsk.Name, donetsk.Kind, donetsk.ContainedInKey));
        Assert.Equal(["Donetsk", "Donetsk People's Republic"], donetsk.Aliases);

        var talks = Assert.Single(await s.Store.GetAsync<Negotiation>(["istanbul-peace-talks"], Cancel));
        Assert.Equal((NegotiationStatus.Stalled, "istanbul"), (talks.Status, talks.VenueKey));
        Assert.Equal(["government-of-russia", "government-of-ukraine"], talks.PartyKeys);
        Assert.Equal([new NegotiationRound(null, new DateOnly(2025, 6, 2), "istanbul")], talks.Rounds);

        var article = Assert.Single(await s.Store.GetAsync<Article>([Article], Cancel));
        Assert.Equal((null, null, "Live Mint", "MENAFN", null, "en"), (article.Title, article.Url, article.Publisher, article.Syndicator, article.PublishedAt, article.Language));
        Assert.Equal(["AFP"], article.Agencies);
        Assert.Equal(Seed.ArticleText, article.Text);
    }

    [Fact]
    public async Task List_pages_forwards_and_backwards_with_exact_page_info()
    {
        var s = await SeededAsync();
        SortField[] byName = [new(Fields.Name, false)];
        var first = await s.Store.ListAsync<Place>(null, byName, new PageRequest(5, null, null, null, true), Cancel);
        Assert.Equal(["Crimea", "Dnipro", "Dnipropetrovsk Oblast", "Donetsk Oblast", "Istanbul"], first.Items.Select(p => p.Name));
        Assert.Equal((0, false, true, (int?)16), (first.Offset, first.HasPreviousPage, first.HasNextPage, first.TotalCount));

        var second = await s.Store.ListAsync<Place>(null, byName, new PageRequest(5, null, 4, null, false), Cancel);
        Assert.Equal(["Kherson Oblast", "Kyiv", "Luhansk Oblast", "Mezhova", "Moscow"], second.Items.Select(p => p.Name));
        Assert.Equal((5, true, true, (int?)null), (second.Offset, second.HasPreviousPage, second.HasNextPage, second.TotalCount));

        var last = await s.Store.ListAsync<Place>(null, byName, new PageRequest(null, 3, null, null, false), Cancel);
        Assert.Equal(["United States", "Zaporizhzhia Oblast", "Zorya"], last.Items.Select(p => p.Name));
        Assert.Equal((13, true, false), (last.Offset, last.HasPreviousPage, last.HasNextPage));

        var beforeFive = await s.Store.ListAsync<Place>(null, byName, new PageRequest(null, 2, null, 5, true), Cancel);
        Assert.Equal(["Donetsk Oblast", "Istanbul"], beforeFive.Items.Select(p => p.Name));
        Assert.Equal((3, true, true, (int?)16), (beforeFive.Offset, beforeFive.HasPreviousPage, beforeFive.HasNextPage, beforeFive.TotalCount));

        var between = await s.Store.ListAsync<Place>(null, byName, new PageRequest(10, null, 1, 4, false), Cancel);
        Assert.Equal(["Dnipropetrovsk Oblast", "Donetsk Oblast"], between.Items.Select(p => p.Name));
        Assert.Equal((2, true, true), (between.Offset, between.HasPreviousPage, between.HasNextPage));

        var countOnly = await s.Store.ListAsync<Place>(null, byName, new PageRequest(0, null, null, null, true), Cancel);
        Assert.Empty(countOnly.Items);
        Assert.Equal((int?)16, countOnly.TotalCount);

        var pastTheEnd = await s.Store.ListAsync<Place>(null, byName, new PageRequest(5, null, 15, null, true), Cancel);
        Assert.Empty(pastTheEnd.Items);
        Assert.Equal((false, (int?)16), (pastTheEnd.HasNextPage, pastTheEnd.TotalCount));
    }

    [Theory]
    [InlineData("contains", "Oblast", new[] { "dnipropetrovsk-oblast", "donetsk-oblast", "kherson-oblast", "luhansk-oblast", "zaporizhzhia-oblast" })]
    [InlineData("contains", "oblast", new string[0])]
    [InlineData("startsWith", "Dnipro", new[] { "dnipro", "dnipropetrovsk-oblast" })]
    [InlineData("endsWith", "ia", new[] { "russia" })]
    [InlineData("eq", "Kyiv", new[] { "kyiv" })]
    [InlineData("neq", "Kyiv", null)]
    public async Task String_filters_are_ordinal_and_case_sensitive(string op, string value, string[]? expected)
    {
        var s = await SeededAsync();
        var compare = op switch
        {
            "contains" => CompareOp.Contains,
            "startsWith" => CompareOp.StartsWith,
            "endsWith" => CompareOp.EndsWith,
            "eq" => CompareOp.Eq,
            _ => CompareOp.Neq,
        };
        var page = await s.Store.ListAsync<Place>(new Compare(Fields.Name, compare, value), ByKey, PageRequest.FirstItems(100, true), Cancel);
        if (expected is null)
        {
            Assert.Equal(15, page.TotalCount);
            Assert.DoesNotContain(page.Items, p => p.Key == "kyiv");
        }
        else
        {
            Assert.Equal(expected, page.Items.Select(p => p.Key));
        }
    }

    [Fact]
    public async Task Enum_boolean_and_set_filters_match_exactly()
    {
        var s = await SeededAsync();
        async Task<string[]> Keys(Filter filter) =>
            (await s.Store.ListAsync<Statement>(filter, ByKey, PageRequest.FirstItems(100), Cancel)).Items.Select(x => x.Key).ToArray();

        Assert.Equal(
            ["budanov-everything-according-to-plan", "medvedev-new-realities-on-the-ground", "oleksandr-advancing-slowly", "southern-command-acknowledges-russian-intentions"],
            await Keys(new Compare(Fields.Direct, CompareOp.Eq, true)));
        Assert.Equal(
            ["moscow-demands-recognition-of-five-regions", "russia-accuses-ukraine-of-refusing-retrieval"],
            await Keys(new Compare(Fields.Kind, CompareOp.In, new object[] { StatementKind.Demand, StatementKind.Accusation })));
        Assert.Equal(17, (await Keys(new Compare(Fields.Direct, CompareOp.Neq, true))).Length);
        Assert.Equal(
            ["russia-refuses-unconditional-ceasefire", "ukraine-dismisses-russian-advance-claims", "ukraine-rejects-recognition-demand"],
            await Keys(new AllOf([new Compare(Fields.Kind, CompareOp.Eq, StatementKind.Rejection), new Compare(Fields.Direct, CompareOp.Eq, false)])));
        Assert.Equal(
            ["moscow-demands-recognition-of-five-regions", "prisoner-exchange-agreement"],
            await Keys(new AnyOf([new Compare(Fields.Kind, CompareOp.Eq, StatementKind.Demand), new Compare(Fields.Kind, CompareOp.Eq, StatementKind.Agreement)])));
    }

    [Fact]
    public async Task Absent_values_match_only_absence_tests_and_neq()
    {
        var s = await SeededAsync();
        async Task<int> Count(Filter filter) =>
            (await s.Store.ListAsync<Statement>(filter, ByKey, new PageRequest(0, null, null, null, true), Cancel)).TotalCount!.Value;

        Assert.Equal(19, await Count(new Compare(Fields.Date, CompareOp.Eq, null)));
        Assert.Equal(2, await Count(new Compare(Fields.Date, CompareOp.Neq, null)));
        Assert.Equal(20, await Count(new Compare(Fields.Date, CompareOp.Neq, new DateOnly(2025, 6, 8))));
        Assert.Equal(1, await Count(new Compare(Fields.Date, CompareOp.Gt, new DateOnly(2025, 6, 2))));
        Assert.Equal(2, await Count(new Compare(Fields.Date, CompareOp.Gte, new DateOnly(2025, 6, 2))));
        Assert.Equal(0, await Count(new Compare(Fields.Date, CompareOp.Lt, new DateOnly(2025, 6, 2))));
        Assert.Equal(20, await Count(new Compare(Fields.Date, CompareOp.Nin, new object[] { new DateOnly(2025, 6, 2) })));
    }

    [Fact]
    public async Task Relation_filters_follow_speakers_places_and_evidence()
    {
        var s = await SeededAsync();
        async Task<string[]> Keys(Filter filter) =>
            (await s.Store.ListAsync<Statement>(filter, ByKey, PageRequest.FirstItems(100), Cancel)).Items.Select(x => x.Key).ToArray();

        Assert.Equal(
            ["budanov-confirms-prisoner-exchange-preparations", "budanov-everything-according-to-plan"],
            await Keys(new Related(FilterRelations.SpeakerPerson, Quantifier.Is, new Compare(Fields.Name, CompareOp.Eq, "Kyrylo Budanov"))));
        Assert.Equal(
            ["moscow-demands-recognition-of-five-regions", "ukraine-rejects-recognition-demand", "ukraine-warns-recognition-would-embolden-aggression"],
            await Keys(new Related(FilterRelations.About, Quantifier.Some, new Compare(Fields.Key, CompareOp.Eq, "crimea"))));
        Assert.Equal(
            ["russian-forces-release-zorya-flag-photos"],
            await Keys(new Related(FilterRelations.About, Quantifier.Some, new Related(FilterRelations.ContainedIn, Quantifier.Is, new Compare(Fields.Name, CompareOp.Eq, "Donetsk Oblast")))));

        // "all" holds for a statement about no place at all; "none" excludes any match.
        var allRegions = await Keys(new Related(FilterRelations.About, Quantifier.All, new Compare(Fields.Kind, CompareOp.Eq, PlaceKind.Region)));
        Assert.Equal(13, allRegions.Length);
        Assert.Contains("prisoner-exchange-agreement", allRegions);
        Assert.DoesNotContain("oleksandr-advancing-slowly", allRegions);
        Assert.Equal(6, (await Keys(new Related(FilterRelations.About, Quantifier.None, new AllOf([])))).Length);

        Assert.Equal(
            ["moscow-demands-recognition-of-five-regions", "moscow-touts-significant-breakthrough", "russia-accuses-ukraine-of-refusing-retrieval", "russia-claims-1200-bodies-delivered", "russia-refuses-unconditional-ceasefire"],
            await Keys(new Related(FilterRelations.SpeakerOrganisation, Quantifier.Is, new Compare(Fields.Key, CompareOp.Eq, "government-of-russia"))));
        Assert.Equal(
            ["ukraine-rejects-recognition-demand", "ukraine-warns-recognition-would-embolden-aggression"],
            await Keys(new Related(FilterRelations.RespondsTo, Quantifier.Is, new Compare(Fields.Kind, CompareOp.Eq, StatementKind.Demand))));
        Assert.Equal(21, (await Keys(new Related(FilterRelations.EvidenceArticle, Quantifier.Some, new Compare(Fields.Publisher, CompareOp.Eq, "Live Mint")))).Length);
        Assert.Empty(await Keys(new Related(FilterRelations.EvidenceArticle, Quantifier.Some, new Compare(Fields.Publisher, CompareOp.Eq, "Reuters"))));

        var people = await s.Store.ListAsync<Person>(
            new Related(FilterRelations.Affiliations, Quantifier.Some, new AllOf([
                new Compare(Fields.Current, CompareOp.Eq, false),
                new Related(FilterRelations.Organisation, Quantifier.Is, new Compare(Fields.Kind, CompareOp.Eq, OrganisationKind.Government))])),
            ByKey, PageRequest.FirstItems(10), Cancel);
        Assert.Equal(["dmitry-medvedev"], people.Items.Select(p => p.Key));

        var talks = await s.Store.ListAsync<Negotiation>(
            new Related(FilterRelations.Parties, Quantifier.Some, new Compare(Fields.Key, CompareOp.Eq, "government-of-ukraine")), ByKey, PageRequest.FirstItems(10), Cancel);
        Assert.Equal(["istanbul-peace-talks"], talks.Items.Select(n => n.Key));
    }

    [Fact]
    public async Task Absent_values_sort_last_in_both_directions_then_by_key()
    {
        var s = await SeededAsync();
        var latest = await s.Store.ListAsync<Statement>(null, [new SortField(Fields.Date, true)], PageRequest.FirstItems(3), Cancel);
        Assert.Equal(["russian-defence-ministry-claims-offensive-into-dnipropetrovsk", "moscow-demands-recognition-of-five-regions", "budanov-confirms-prisoner-exchange-preparations"], latest.Items.Select(x => x.Key));
        var earliest = await s.Store.ListAsync<Statement>(null, [new SortField(Fields.Date, false)], PageRequest.FirstItems(3), Cancel);
        Assert.Equal(["moscow-demands-recognition-of-five-regions", "russian-defence-ministry-claims-offensive-into-dnipropetrovsk", "budanov-confirms-prisoner-exchange-preparations"], earliest.Items.Select(x => x.Key));
        var byKindThenDate = await s.Store.ListAsync<Statement>(null, [new SortField(Fields.Kind, false), new SortField(Fields.Date, true)], PageRequest.FirstItems(2), Cancel);
        // Enum values sort by their names, alphabetically, on every store.
        Assert.Equal(["russia-accuses-ukraine-of-refusing-retrieval", "southern-command-acknowledges-russian-intentions"], byKindThenDate.Items.Select(x => x.Key));
    }

    [Fact]
    public async Task Expand_gives_each_parent_its_own_window_and_count()
    {
        var s = await SeededAsync();
        var pages = await s.Store.ExpandAsync(
            Relations.PlaceStatementsAboutWithin, ["ukraine", "donetsk-oblast", "russia", "no-such-place"], null,
            [new SortField(Fields.Date, true)], PageRequest.FirstItems(2, includeTotalCount: true), Cancel);
        Assert.Equal(["donetsk-oblast", "no-such-place", "russia", "ukraine"], pages.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["russian-defence-ministry-claims-offensive-into-dnipropetrovsk", "moscow-demands-recognition-of-five-regions"], pages["ukraine"].Items.Select(x => x.Key));
        Assert.Equal((0, false, true, (int?)15), (pages["ukraine"].Offset, pages["ukraine"].HasPreviousPage, pages["ukraine"].HasNextPage, pages["ukraine"].TotalCount));
        Assert.Equal((int?)5, pages["donetsk-oblast"].TotalCount);
        Assert.Equal((0, false, false, (int?)0), (pages["russia"].Items.Count, pages["russia"].HasPreviousPage, pages["russia"].HasNextPage, pages["russia"].TotalCount));
        Assert.Empty(pages["no-such-place"].Items);

        var direct = await s.Store.ExpandAsync(Relations.PlaceStatementsAbout, ["donetsk-oblast", "zorya"], null, ByKey, PageRequest.FirstItems(10, true), Cancel);
        Assert.Equal((int?)4, direct["donetsk-oblast"].TotalCount);
        Assert.Equal(["russian-forces-release-zorya-flag-photos"], direct["zorya"].Items.Select(x => x.Key));

        var tail = await s.Store.ExpandAsync(Relations.PlaceStatementsAboutWithin, ["donetsk-oblast"], null, ByKey, new PageRequest(null, 2, null, null, false), Cancel);
        Assert.Equal(["ukraine-rejects-recognition-demand", "ukraine-warns-recognition-would-embolden-aggression"], tail["donetsk-oblast"].Items.Select(x => x.Key));
        Assert.Equal((3, true, false), (tail["donetsk-oblast"].Offset, tail["donetsk-oblast"].HasPreviousPage, tail["donetsk-oblast"].HasNextPage));

        var after = await s.Store.ExpandAsync(Relations.PlaceStatementsAboutWithin, ["donetsk-oblast"], null, ByKey, new PageRequest(2, null, 0, null, false), Cancel);
        Assert.Equal(["russian-defence-ministry-claims-offensive-into-dnipropetrovsk", "russian-forces-release-zorya-flag-photos"], after["donetsk-oblast"].Items.Select(x => x.Key));
        Assert.Equal((1, true, true), (after["donetsk-oblast"].Offset, after["donetsk-oblast"].HasPreviousPage, after["donetsk-oblast"].HasNextPage));

        var filtered = await s.Store.ExpandAsync(Relations.PlaceStatementsAboutWithin, ["ukraine"], new Compare(Fields.Kind, CompareOp.Eq, StatementKind.Appeal), ByKey, PageRequest.FirstItems(10, true), Cancel);
        Assert.Equal(["eu-calls-for-unconditional-ceasefire", "trump-calls-for-unconditional-ceasefire", "ukraine-calls-for-unconditional-ceasefire"], filtered["ukraine"].Items.Select(x => x.Key));
    }

    [Fact]
    public async Task Every_relation_expands_to_the_records_of_the_seed()
    {
        var s = await SeededAsync();
        var page = PageRequest.FirstItems(100, includeTotalCount: true);
        async Task<string[]> Statements(Relation<Statement> relation, string parent) =>
            (await s.Store.ExpandAsync(relation, [parent], null, ByKey, page, Cancel))[parent].Items.Select(x => x.Key).ToArray();

        Assert.Equal(["budanov-confirms-prisoner-exchange-preparations", "budanov-everything-according-to-plan"], await Statements(Relations.PersonStatements, "kyrylo-budanov"));
        Assert.Equal(["eu-calls-for-unconditional-ceasefire"], await Statements(Relations.OrganisationStatements, "european-union"));
        Assert.Equal(["ukraine-rejects-recognition-demand", "ukraine-warns-recognition-would-embolden-aggression"], await Statements(Relations.StatementResponses, "moscow-demands-recognition-of-five-regions"));
        Assert.Equal(
            ["eu-calls-for-unconditional-ceasefire", "medvedev-new-realities-on-the-ground", "moscow-demands-recognition-of-five-regions", "prisoner-exchange-agreement", "russia-refuses-unconditional-ceasefire",
             "trump-calls-for-unconditional-ceasefire", "ukraine-calls-for-unconditional-ceasefire", "ukraine-rejects-recognition-demand", "ukraine-warns-recognition-would-embolden-aggression"],
            await Statements(Relations.NegotiationStatements, "istanbul-peace-talks"));
        Assert.Equal(21, (await Statements(Relations.ArticleStatements, Article)).Length);

        var members = await s.Store.ExpandAsync(Relations.OrganisationMembers, ["security-council-of-russia", "government-of-russia"], null, ByKey, page, Cancel);
        Assert.Equal([new Affiliation("dmitry-medvedev", "security-council-of-russia", "deputy chair", true)], members["security-council-of-russia"].Items);
        Assert.Equal([new Affiliation("dmitry-medvedev", "government-of-russia", "president", false)], members["government-of-russia"].Items);

        var contains = await s.Store.ExpandAsync(Relations.PlaceContains, ["ukraine", "dnipropetrovsk-oblast"], null, [new SortField(Fields.Name, false)], page, Cancel);
        Assert.Equal(["Crimea", "Dnipropetrovsk Oblast", "Donetsk Oblast", "Kherson Oblast", "Kyiv", "Luhansk Oblast", "Zaporizhzhia Oblast"], contains["ukraine"].Items.Select(p => p.Name));
        Assert.Equal(["Dnipro", "Mezhova"], contains["dnipropetrovsk-oblast"].Items.Select(p => p.Name));
    }

    [Fact]
    public async Task Importing_a_bundle_twice_changes_nothing()
    {
        var s = await EmptyAsync();
        Assert.True(await s.Admin.IsEmptyAsync(Cancel));
        var importer = new BundleImporter(s.Store, s.Admin);
        await importer.ImportAsync("seed", Seed.BundleJson, Seed.ReadTextFile, Cancel);
        var once = await SnapshotAsync(s);
        await importer.ImportAsync("seed", Seed.BundleJson, Seed.ReadTextFile, Cancel);
        Assert.Equal(once, await SnapshotAsync(s));
        Assert.Equal((16, 12, 4, 1, 21, 1), (once.Places, once.Organisations, once.People, once.Negotiations, once.Statements, once.Articles));
        Assert.False(await s.Admin.IsEmptyAsync(Cancel));
    }

    [Fact]
    public async Task A_later_bundle_adds_evidence_and_knowledge_without_erasing_what_is_known()
    {
        var s = await EmptyAsync();
        var importer = new BundleImporter(s.Store, s.Admin);
        await importer.ImportAsync("seed", Seed.BundleJson, Seed.ReadTextFile, Cancel);
        const string secondText = "Medvedev said: “Those who do not want to recognise the realities of the war at negotiations will receive new realities on the ground.”";
        var start = secondText.IndexOf('“', StringComparison.Ordinal);
        var second = $$"""
            {
              "format": "knowledge-graph/v1",
              "articles": [{ "key": "second-article", "textFile": "second.txt", "publisher": "Example Wire", "publishedAt": "2025-06-09T08:00:00+03:00" }],
              "people": [{ "key": "dmitry-medvedev", "name": "Dmitry Medvedev", "aliases": ["D. Medvedev"] }],
              "statements": [{
                "key": "medvedev-new-realities-on-the-ground",
                "text": "Those who do not want to recognise the realities of the war at negotiations will receive new realities on the ground",
                "kind": "WARNING", "direct": true, "speaker": { "person": "dmitry-medvedev" },
                "date": "2025-06-08", "about": ["dnipropetrovsk-oblast"],
                "evidence": [{ "article": "second-article", "start": {{start}}, "end": {{secondText.Length}}, "text": {{System.Text.Json.JsonSerializer.Serialize(secondText[start..])}} }]
              }]
            }
            """;
        await importer.ImportAsync("second", second, name => name == "second.txt" ? secondText : null, Cancel);

        var statement = Assert.Single(await s.Store.GetAsync<Statement>(["medvedev-new-realities-on-the-ground"], Cancel));
        Assert.Equal([Article, "second-article"], statement.Evidence.Select(e => e.ArticleKey));
        Assert.Equal(new DateOnly(2025, 6, 8), statement.Date);
        Assert.Equal("istanbul-peace-talks", statement.NegotiationKey);
        Assert.Equal(["ukraine", "dnipropetrovsk-oblast"], statement.AboutKeys);

        var medvedev = Assert.Single(await s.Store.GetAsync<Person>(["dmitry-medvedev"], Cancel));
        Assert.Equal(["Medvedev", "D. Medvedev"], medvedev.Aliases);
        Assert.Equal(2, medvedev.Affiliations.Count);

        var article = Assert.Single(await s.Store.GetAsync<Article>(["second-article"], Cancel));
        Assert.Equal(new DateTimeOffset(2025, 6, 9, 8, 0, 0, TimeSpan.FromHours(3)), article.PublishedAt);
        Assert.Equal(TimeSpan.FromHours(3), article.PublishedAt!.Value.Offset);

        var fromSecond = await s.Store.ExpandAsync(Relations.ArticleStatements, ["second-article"], null, ByKey, PageRequest.FirstItems(10), Cancel);
        Assert.Equal(["medvedev-new-realities-on-the-ground"], fromSecond["second-article"].Items.Select(x => x.Key));
    }

    [Fact]
    public async Task A_rejected_bundle_writes_nothing()
    {
        var s = await EmptyAsync();
        var broken = Seed.BundleJson.Replace("\"start\": 2441", "\"start\": 2442", StringComparison.Ordinal);
        var importer = new BundleImporter(s.Store, s.Admin);
        var error = await Assert.ThrowsAsync<ImportException>(() => importer.ImportAsync("broken", broken, Seed.ReadTextFile, Cancel));
        var problem = Assert.Single(error.Problems);
        Assert.Equal("$.statements[13].evidence[0].text", problem.Path);
        Assert.StartsWith("Does not match the article at [2442, 2601), which reads \"t the last round", problem.Message, StringComparison.Ordinal);
        Assert.EndsWith("That text is found at [2441, 2601).", problem.Message, StringComparison.Ordinal);
        Assert.True(await s.Admin.IsEmptyAsync(Cancel));
        Assert.Equal(0, (await s.Store.ListAsync<Place>(null, ByKey, new PageRequest(0, null, null, null, true), Cancel)).TotalCount);
    }

    [Fact]
    public async Task Existing_reports_exactly_the_stored_keys_per_type()
    {
        var s = await SeededAsync();
        var existing = await s.Admin.ExistingAsync(
            [new NodeId(NodeType.Place, "ukraine"), new NodeId(NodeType.Person, "ukraine"), new NodeId(NodeType.Person, "donald-trump"), new NodeId(NodeType.Article, Article), new NodeId(NodeType.Statement, "nope")],
            Cancel);
        Assert.Equal(
            [new NodeId(NodeType.Article, Article), new NodeId(NodeType.Person, "donald-trump"), new NodeId(NodeType.Place, "ukraine")],
            existing.OrderBy(k => k.ToString(), StringComparer.Ordinal));
    }

    private static async Task<Snapshot> SnapshotAsync(StoreUnderTest s)
    {
        var all = PageRequest.FirstItems(100, includeTotalCount: true);
        var places = await s.Store.ListAsync<Place>(null, ByKey, all, Cancel);
        var organisations = await s.Store.ListAsync<Organisation>(null, ByKey, all, Cancel);
        var people = await s.Store.ListAsync<Person>(null, ByKey, all, Cancel);
        var negotiations = await s.Store.ListAsync<Negotiation>(null, ByKey, all, Cancel);
        var statements = await s.Store.ListAsync<Statement>(null, ByKey, all, Cancel);
        var articles = await s.Store.ListAsync<Article>(null, ByKey, all, Cancel);
        var text = string.Join("\n", places.Items.Select(Describe).Concat(organisations.Items.Select(Describe)).Concat(people.Items.Select(Describe))
            .Concat(negotiations.Items.Select(Describe)).Concat(statements.Items.Select(Describe)).Concat(articles.Items.Select(a => a.Key + a.Text.Length)));
        return new Snapshot(places.TotalCount!.Value, organisations.TotalCount!.Value, people.TotalCount!.Value, negotiations.TotalCount!.Value, statements.TotalCount!.Value, articles.TotalCount!.Value, text);
    }

    // Records hold lists, which compare by reference: describe them by content instead.
    private static string Describe(Node node) => node switch
    {
        Person p => $"{p.Key}|{p.Name}|{string.Join(",", p.Aliases)}|{string.Join(",", p.Affiliations)}",
        Place p => $"{p.Key}|{p.Name}|{p.Kind}|{string.Join(",", p.Aliases)}|{p.ContainedInKey}",
        Organisation o => $"{o.Key}|{o.Name}|{o.Kind}|{string.Join(",", o.Aliases)}|{o.CountryKey}|{o.PartOfKey}",
        Negotiation n => $"{n.Key}|{n.Status}|{string.Join(",", n.PartyKeys)}|{string.Join(",", n.Rounds)}",
        Statement s => $"{s.Key}|{s.Text}|{s.Kind}|{s.Speaker}|{s.Date}|{string.Join(",", s.AboutKeys)}|{s.RespondsToKey}|{string.Join(",", s.Evidence)}",
        _ => node.Key,
    };

    private sealed record Snapshot(int Places, int Organisations, int People, int Negotiations, int Statements, int Articles, string Records);
}
