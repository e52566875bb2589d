using KnowledgeGraph.Domain.Import;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Query;
using KnowledgeGraph.Storage.Sqlite;
using KnowledgeGraph.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Tests.Stores;

/// <summary>
/// The SQLite store reads a record's costly parts (<see cref="RecordParts"/>) only when asked:
/// a part not asked for is empty, and the rest of the record is the same as when read whole.
/// On a real SQLite file with the seed article.
/// </summary>
public sealed class SqliteRecordPartsTests : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "kg-parts-" + Guid.NewGuid().ToString("N") + ".db");
    private SqliteGraphStore _store = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _store = new SqliteGraphStore(_path);
        await _store.InitializeAsync(Cancel);
        await new BundleImporter(_store, _store).ImportAsync("seed", Seed.BundleJson, Seed.ReadTextFile, Cancel);
    }

    public ValueTask DisposeAsync()
    {
        _store.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }

        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Statements_read_without_parts_have_no_places_or_evidence_and_are_otherwise_whole()
    {
        var whole = (await _store.ListAsync<Statement>(null, [], PageRequest.FirstItems(100), Cancel)).Items;
        var bare = (await _store.ListAsync<Statement>(null, [], PageRequest.FirstItems(100) with { Parts = RecordParts.None }, Cancel)).Items;
        Assert.Equal(21, whole.Count);
        Assert.Contains(whole, s => s.AboutKeys.Count > 0);
        Assert.All(whole, s => Assert.NotEmpty(s.Evidence));
        Assert.Equal(whole.Select(s => s with { AboutKeys = [], Evidence = [] }), bare, RecordComparer.Instance);

        var withEvidence = (await _store.ListAsync<Statement>(null, [], PageRequest.FirstItems(100) with { Parts = RecordParts.StatementEvidence }, Cancel)).Items;
        Assert.Equal(whole.Select(s => s with { AboutKeys = [] }), withEvidence, RecordComparer.Instance);
    }

    [Fact]
    public async Task Articles_people_and_negotiations_read_without_parts_leave_exactly_those_empty()
    {
        var articles = (await _store.ListAsync<Article>(null, [], PageRequest.FirstItems(10), Cancel)).Items;
        var bareArticle = Assert.Single((await _store.ResolveAsync<Article>([articles[0].Key], RecordParts.None, Cancel)).Values);
        Assert.Equal(Seed.ArticleText, Assert.Single(articles).Text);
        Assert.Equal(articles[0] with { Text = string.Empty, Agencies = [] }, bareArticle, RecordComparer.Instance);

        var people = (await _store.ListAsync<Person>(null, [], PageRequest.FirstItems(100), Cancel)).Items;
        var barePeople = await _store.ResolveAsync<Person>(people.Select(p => p.Key).ToArray(), RecordParts.None, Cancel);
        Assert.Contains(people, p => p.Affiliations.Count > 0);
        Assert.Contains(people, p => p.Aliases.Count > 0);
        Assert.Equal(people.Select(p => p with { Affiliations = [], Aliases = [] }), people.Select(p => barePeople[p.Key]), RecordComparer.Instance);

        var talks = (await _store.ListAsync<Negotiation>(null, [], PageRequest.FirstItems(10), Cancel)).Items;
        var bareTalks = (await _store.ListAsync<Negotiation>(null, [], PageRequest.FirstItems(10) with { Parts = RecordParts.ArticleText }, Cancel)).Items;
        Assert.Contains(talks, n => n.PartyKeys.Count > 0);
        Assert.Equal(talks.Select(n => n with { PartyKeys = [], Rounds = [], Aliases = [] }), bareTalks, RecordComparer.Instance);

        var places = (await _store.ListAsync<Place>(null, [], PageRequest.FirstItems(100), Cancel)).Items;
        var placesWithAliases = (await _store.ListAsync<Place>(null, [], PageRequest.FirstItems(100) with { Parts = RecordParts.Aliases }, Cancel)).Items;
        var barePlaces = (await _store.ListAsync<Place>(null, [], PageRequest.FirstItems(100) with { Parts = RecordParts.None }, Cancel)).Items;
        Assert.Contains(places, p => p.Aliases.Count > 0);
        Assert.Equal(places, placesWithAliases, RecordComparer.Instance);
        Assert.Equal(places.Select(p => p with { Aliases = [] }), barePlaces, RecordComparer.Instance);
    }

    [Fact]
    public async Task A_relation_page_without_parts_is_the_same_page()
    {
        var page = PageRequest.FirstItems(3, includeTotalCount: true);
        var whole = await _store.ExpandAsync(Relations.PlaceStatementsAboutWithin, ["donetsk-oblast"], null, [], page, Cancel);
        var bare = await _store.ExpandAsync(Relations.PlaceStatementsAboutWithin, ["donetsk-oblast"], null, [], page with { Parts = RecordParts.None }, Cancel);
        var (w, b) = (whole["donetsk-oblast"], bare["donetsk-oblast"]);
        Assert.Equal((5, true), (w.TotalCount!.Value, w.HasNextPage));
        Assert.Equal((w.Offset, w.HasPreviousPage, w.HasNextPage, w.TotalCount), (b.Offset, b.HasPreviousPage, b.HasNextPage, b.TotalCount));
        Assert.Equal(w.Items.Select(s => s with { AboutKeys = [], Evidence = [] }), b.Items, RecordComparer.Instance);
    }

    /// <summary>Records compared by value, their lists by their items.</summary>
    private sealed class RecordComparer : IEqualityComparer<Node>
    {
        public static readonly RecordComparer Instance = new();

        public bool Equals(Node? x, Node? y) => Text(x) == Text(y);

        public int GetHashCode(Node obj) => Text(obj).GetHashCode(StringComparison.Ordinal);

        private static string Text(Node? node) => System.Text.Json.JsonSerializer.Serialize<object?>(node);
    }
}
