using System.Text.Json.Nodes;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Search;
using KnowledgeGraph.Storage.Neo4j.Tests.Doubles;

namespace KnowledgeGraph.Storage.Neo4j.Tests;

/// <summary>
/// The Neo4j side of <c>search</c> against the Query API double: the Lucene query it sends (words
/// quoted, never syntax), and how it turns rows into hits with the field that matched and a
/// snippet computed in the domain. (What Lucene ranks is covered by the contract suite on a real server.)
/// </summary>
public sealed class Neo4jSearchTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly string[] Fields = ["kind", "key", "score", "name", "aliases", "text", "title"];

    [Fact]
    public async Task Words_are_sent_as_quoted_Lucene_phrases_and_rows_become_hits_in_one_round_trip()
    {
        await using var h = await StoreHarness.StartAsync();
        h.Api.Responder = _ => Reply.Rows(Fields,
            [JsonValue.Create("Person"), JsonValue.Create("zoe-varkonyi"), JsonValue.Create(2.5), JsonValue.Create("Zoë Halász"), new JsonArray(JsonValue.Create("Várkonyi")), null, null],
            [JsonValue.Create("Statement"), JsonValue.Create("s1"), JsonValue.Create(1.25), null, null, JsonValue.Create("Várkonyi said the <dam> would hold."), null],
            [JsonValue.Create("Article"), JsonValue.Create("a1"), JsonValue.Create(0.5), null, null, null, JsonValue.Create("Várkonyi & the dam")]);

        var hits = await h.Analytics.SearchAsync(new SearchQuery(SearchText.Terms("VARKONYI (AND:* \"x"), [NodeType.Person, NodeType.Statement, NodeType.Article], 50), Cancel);

        var request = Assert.Single(h.Api.Requests);
        Assert.Equal("\"VARKONYI\" AND \"AND\" AND \"x\"", request.Parameters["query"]!.GetValue<string>());
        Assert.Equal("""["Person","Statement","Article"]""", request.Parameters["labels"]!.ToJsonString());
        Assert.Equal(50, request.Parameters["limit"]!.GetValue<int>());
        Assert.Contains("db.index.fulltext.queryNodes('search_names', $query)", request.Statement, StringComparison.Ordinal);
        Assert.Equal(
            [
                new SearchHit(new NodeId(NodeType.Person, "zoe-varkonyi"), 2.5, SearchField.Alias, "<em>Várkonyi</em>"),
                new SearchHit(new NodeId(NodeType.Statement, "s1"), 1.25, SearchField.Text, "<em>Várkonyi</em> said the &lt;dam&gt; would hold."),
                new SearchHit(new NodeId(NodeType.Article, "a1"), 0.5, SearchField.Title, "<em>Várkonyi</em> &amp; the dam"),
            ],
            hits);
    }

    [Fact]
    public async Task A_query_Lucene_refuses_is_a_search_error_not_a_store_failure()
    {
        await using var h = await StoreHarness.StartAsync();
        h.Api.Responder = _ => Reply.Error(400, "Neo.ClientError.Procedure.ProcedureCallFailed", "Failed to invoke procedure: Cannot parse query");

        var error = await Assert.ThrowsAsync<SearchQueryException>(() => h.Analytics.SearchAsync(new SearchQuery(["x"], [], 10), Cancel));
        Assert.Equal("The search text could not be run as a full-text query.", error.Message);
    }
}
