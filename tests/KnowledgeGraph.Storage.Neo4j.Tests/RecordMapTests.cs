using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Storage.Neo4j.Tests;

/// <summary>The graph model maps every field and relation the domain declares for a record, and nothing else.</summary>
public sealed class RecordMapTests
{
    [Fact]
    public void Each_record_map_names_a_property_for_every_domain_field_and_follows_every_domain_relation()
    {
        foreach (var (type, map) in RecordMaps.ByType)
        {
            var table = RecordFields.Of(type);
            Assert.Same(table, map.Record);
            Assert.Equal(table.Fields.Keys.Order(StringComparer.Ordinal), map.Fields.Keys.Order(StringComparer.Ordinal));
            Assert.Equal(table.Relations.Keys.Order(StringComparer.Ordinal), map.Relations.Keys.Order(StringComparer.Ordinal));
            foreach (var (name, relation) in map.Relations)
            {
                Assert.Equal(table.Relation(name).Target, relation.Target.Record.Record);
            }
        }

        Assert.Equal("publishedAt", RecordMaps.Article.Fields[Fields.PublishedAt]);
    }

    /// <summary>The pattern or property each costly part reads, by the record map that reads it.</summary>
    public static TheoryData<string, RecordParts, string> Parts => new()
    {
        { nameof(RecordMaps.Statement), RecordParts.StatementAbout, $"[pr:{Graph.About}]" },
        { nameof(RecordMaps.Statement), RecordParts.StatementEvidence, $"[pr:{Graph.EvidencedBy}]" },
        { nameof(RecordMaps.Article), RecordParts.ArticleText, ".text" },
        { nameof(RecordMaps.Person), RecordParts.PersonAffiliations, $"[pr:{Graph.AffiliatedWith}]" },
        { nameof(RecordMaps.Negotiation), RecordParts.NegotiationParties, $"[pr:{Graph.HasParty}]" },
        { nameof(RecordMaps.Negotiation), RecordParts.NegotiationParties, $"[:{Graph.HasRound}]" },
        { nameof(RecordMaps.Article), RecordParts.Aliases, ".agencies" },
        { nameof(RecordMaps.Place), RecordParts.Aliases, ".aliases" },
        { nameof(RecordMaps.Organisation), RecordParts.Aliases, ".aliases" },
        { nameof(RecordMaps.Person), RecordParts.Aliases, ".aliases" },
        { nameof(RecordMaps.Negotiation), RecordParts.Aliases, "coalesce(t.aliases" },
    };

    [Theory]
    [MemberData(nameof(Parts))]
    public void A_projection_reads_a_costly_part_only_when_asked_for_it(string record, RecordParts part, string reads)
    {
        var map = (RecordMap)typeof(RecordMaps).GetField(record)!.GetValue(null)!;
        Assert.Contains(reads, map.Projection!("t", RecordParts.All), StringComparison.Ordinal);
        Assert.Contains(reads, map.Projection!("t", part), StringComparison.Ordinal);
        Assert.DoesNotContain(reads, map.Projection!("t", RecordParts.All & ~part), StringComparison.Ordinal);
        Assert.DoesNotContain(reads, map.Projection!("t", RecordParts.None), StringComparison.Ordinal);
    }
}
