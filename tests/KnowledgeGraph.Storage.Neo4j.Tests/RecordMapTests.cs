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
}
