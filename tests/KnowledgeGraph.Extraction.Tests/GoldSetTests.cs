using KnowledgeGraph.Extraction.Bundles;

namespace KnowledgeGraph.Extraction.Tests;

/// <summary>The gold set itself: every hand-made span is the text at its offsets, every reference names a record.</summary>
public sealed class GoldSetTests
{
    private static readonly IReadOnlyList<GoldArticle> Gold = GoldSet.Load();

    public static TheoryData<string> Names => [.. Gold.Select(g => g.Name)];

    [Fact]
    public void The_gold_set_holds_the_seed_and_six_articles_of_our_own_two_of_them_on_the_seeds_events()
    {
        Assert.Equal(7, Gold.Count);
        Assert.Single(Gold, g => g.Name.StartsWith("seed", StringComparison.Ordinal));
        Assert.Equal(2, Gold.Count(g => g.Name.StartsWith('1')));
        Assert.Equal(4, Gold.Count(g => g.Name.StartsWith('2')));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_gold_span_is_the_article_text_at_its_offsets(string name)
    {
        var g = Gold.Single(x => x.Name == name);
        Assert.NotEmpty(g.Bundle.Statements);
        foreach (var s in g.Bundle.Statements)
        {
            var e = Assert.Single(s.Evidence);
            Assert.Equal(g.ArticleKey, e.Article);
            Assert.InRange(e.Start, 0, g.Text.Length - 1);
            Assert.InRange(e.End, e.Start + 1, g.Text.Length);
            Assert.Equal(g.Text[e.Start..e.End], e.Text);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_gold_reference_names_a_record_of_the_bundle(string name)
    {
        var b = Gold.Single(x => x.Name == name).Bundle;
        var places = b.Places.Select(p => p.Key).ToHashSet();
        var orgs = b.Organisations.Select(o => o.Key).ToHashSet();
        var people = b.People.Select(p => p.Key).ToHashSet();
        var statements = b.Statements.Select(s => s.Key).ToList();
        Assert.Equal(statements.Count, statements.Distinct().Count());
        foreach (var s in b.Statements)
        {
            Assert.True(Enum.TryParse<KnowledgeGraph.Domain.Model.StatementKind>(s.Kind.Replace("_", "", StringComparison.Ordinal), true, out _), s.Kind);
            if (s.Speaker is { } sp)
            {
                Assert.True(sp.Person is null != (sp.Organisation is null), s.Key);
                Assert.True(sp.Person is null ? orgs.Contains(sp.Organisation!) : people.Contains(sp.Person), s.Key);
            }

            Assert.All(s.About, p => Assert.Contains(p, places));
            Assert.True(s.SaidAt is null || places.Contains(s.SaidAt), s.Key);
            Assert.True(s.RespondsTo is null || statements.Contains(s.RespondsTo), s.Key);
            Assert.True(s.Negotiation is null || b.Negotiations.Any(n => n.Key == s.Negotiation), s.Key);
        }

        Assert.All(b.Places, p => Assert.True(p.ContainedIn is null || places.Contains(p.ContainedIn), p.Key));
        Assert.All(b.People.SelectMany(p => p.Affiliations), a => Assert.Contains(a.Organisation, orgs));
    }

    [Fact]
    public void A_bundle_written_and_read_again_is_the_same()
    {
        var b = Gold[0].Bundle;
        var again = DraftBundleJson.Read(DraftBundleJson.Write(b));
        Assert.Equal(DraftBundleJson.Write(b), DraftBundleJson.Write(again));
        Assert.Equal(b.Statements.Count, again.Statements.Count);
    }
}
