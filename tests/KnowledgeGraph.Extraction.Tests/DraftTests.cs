using KnowledgeGraph.Domain.Ids;

namespace KnowledgeGraph.Extraction.Tests;

/// <summary>Every draft is a bundle the import would accept: keys are slugs, every reference names a record in it or a known one, every span is the text.</summary>
public sealed class DraftTests
{
    private static readonly IReadOnlyList<GoldArticle> Gold = GoldSet.Load();

    public static TheoryData<string, GoldMode> Cases =>
        [.. Gold.SelectMany(g => new[] { (g.Name, GoldMode.Hidden), (g.Name, GoldMode.Graph) })];

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_draft_refers_only_to_records_it_proposes_or_that_are_known(string name, GoldMode mode)
    {
        var g = Gold.Single(x => x.Name == name);
        var known = mode == GoldMode.Graph ? KnownEntities.FromBundle(g.Bundle) : KnownEntities.Empty;
        var result = ArticleExtractor.Extract(g.Input, known, GeoNamesFixture.Gazetteer);
        var d = result.Draft;

        HashSet<string> Keys(EntityType type, IEnumerable<string> proposed) => [.. proposed, .. known.OfType(type).Select(e => e.Key)];
        var places = Keys(EntityType.Place, d.Places.Select(p => p.Key));
        var orgs = Keys(EntityType.Organisation, d.Organisations.Select(o => o.Key));
        var people = Keys(EntityType.Person, d.People.Select(p => p.Key));
        var negotiations = Keys(EntityType.Negotiation, d.Negotiations.Select(n => n.Key));
        var statements = d.Statements.Select(s => s.Key).ToHashSet();

        Assert.Equal(d.Statements.Count, statements.Count);
        Assert.All(d.Places.Select(p => p.Key).Concat(d.Organisations.Select(o => o.Key)).Concat(d.People.Select(p => p.Key)).Concat(statements),
            k => Assert.True(Slug.IsValid(k), k));
        Assert.All(d.Places, p => Assert.True(p.ContainedIn is null || places.Contains(p.ContainedIn), p.Key));
        Assert.All(d.Organisations, o => Assert.True((o.Country is null || places.Contains(o.Country)) && (o.PartOf is null || orgs.Contains(o.PartOf)), o.Key));
        Assert.All(d.People.SelectMany(p => p.Affiliations), a => Assert.Contains(a.Organisation, orgs));
        Assert.All(d.Negotiations, n => Assert.True(n.Venue is null || places.Contains(n.Venue), n.Key));
        foreach (var s in d.Statements)
        {
            Assert.True(s.Speaker is null || (s.Speaker.Person is { } p ? people.Contains(p) : orgs.Contains(s.Speaker.Organisation!)), s.Key);
            Assert.All(s.About, p => Assert.Contains(p, places));
            Assert.True(s.SaidAt is null || places.Contains(s.SaidAt), s.Key);
            Assert.True(s.Negotiation is null || negotiations.Contains(s.Negotiation), s.Key);
            Assert.True(s.RespondsTo is null || statements.Contains(s.RespondsTo), s.Key);
            var e = Assert.Single(s.Evidence);
            Assert.Equal(g.Input.Key, e.Article);
            Assert.Equal(g.Text[e.Start..e.End], e.Text);
        }

        Assert.Equal(g.Input.Key, Assert.Single(d.Articles).Key);
        Assert.Equal(result.Statements.Count, d.Statements.Count);
        Assert.All(result.Statements, s => Assert.False(string.IsNullOrEmpty(s.Rule)));
        Assert.All(result.Statements, s => Assert.InRange(s.Confidence, 0.0, 1.0));
    }
}
