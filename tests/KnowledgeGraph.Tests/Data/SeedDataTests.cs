using System.Text.Json;
using KnowledgeGraph.Tests.Infrastructure;

namespace KnowledgeGraph.Tests.Data;

/// <summary>The shipped bundles, read as plain JSON: provenance must hold without trusting the importer.</summary>
public sealed class SeedDataTests
{
    [Fact]
    public void Every_evidence_span_equals_the_article_text_at_its_offsets()
    {
        using var bundle = JsonDocument.Parse(Seed.BundleJson);
        var text = Seed.ArticleText;
        var spans = 0;
        foreach (var statement in bundle.RootElement.GetProperty("statements").EnumerateArray())
        {
            foreach (var evidence in statement.GetProperty("evidence").EnumerateArray())
            {
                var (start, end) = (evidence.GetProperty("start").GetInt32(), evidence.GetProperty("end").GetInt32());
                Assert.Equal(evidence.GetProperty("text").GetString(), text[start..end]);
                spans++;
            }
        }

        Assert.Equal(21, spans);
    }

    [Fact]
    public void The_article_text_is_kept_byte_for_byte()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Seed.Directory, Seed.ArticleFile + ".txt"));
        Assert.Equal(3314, bytes.Length);
        Assert.Equal("34D5E78CCA64CC7ADA3AAA272789B410BCEAC335657DF0D282F94660074A9D04", Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes)));
        Assert.StartsWith("MENAFN - Live Mint) Ukraine has dismissed", Seed.ArticleText, StringComparison.Ordinal);
        Assert.EndsWith("in retaliation for Ukrainian strike, 3 dead", Seed.ArticleText, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', Seed.ArticleText);
    }

    [Fact]
    public void No_statement_rests_on_the_related_link_after_the_story()
    {
        using var bundle = JsonDocument.Parse(Seed.BundleJson);
        var linkStart = Seed.ArticleText.IndexOf("| Russia pounds Kharkiv", StringComparison.Ordinal);
        Assert.True(linkStart > 0);
        Assert.All(
            bundle.RootElement.GetProperty("statements").EnumerateArray().SelectMany(s => s.GetProperty("evidence").EnumerateArray()),
            e => Assert.True(e.GetProperty("end").GetInt32() <= linkStart));
    }
}
