using System.Text.Json.Nodes;
using KnowledgeGraph.Tests.Infrastructure;
using KnowledgeGraph.Tests.Protocol;

namespace KnowledgeGraph.Tests.Filtering;

/// <summary>
/// HotChocolate's negated comparisons <c>ngt</c>, <c>ngte</c>, <c>nlt</c>, <c>nlte</c> over HTTP of the
/// real host on the seed and the test article: <c>ngt: v</c> is <c>not (value &gt; v)</c>, so a value that
/// is not known matches, as it matches <c>neq</c>.
/// </summary>
public sealed class NegatedComparisonTests(TwoArticlesFixture api) : IClassFixture<TwoArticlesFixture>
{
    private static string[] Keys(JsonNode? connection) =>
        [.. connection!["nodes"]!.AsArray().Select(n => n!["key"]!.GetValue<string>())];

    [Fact]
    public async Task Negated_date_comparisons_keep_statements_whose_date_is_not_known()
    {
        const string query = """
            {
              all: statements { totalCount }
              unknown: statements(where: { date: { eq: null } }) { totalCount }
              ngt: statements(where: { date: { ngt: "2031-03-03", neq: null } }, order: [{ date: ASC }]) { totalCount nodes { key } }
              ngte: statements(where: { date: { ngte: "2031-03-03", neq: null } }, order: [{ date: ASC }]) { totalCount nodes { key } }
              nlt: statements(where: { date: { nlt: "2031-03-17", neq: null } }, order: [{ date: ASC }]) { totalCount nodes { key } }
              nlte: statements(where: { date: { nlte: "2031-03-17", neq: null } }, order: [{ date: ASC }]) { totalCount nodes { key } }
              ngtAll: statements(where: { date: { ngt: "2031-03-03" } }) { totalCount }
              nlteAll: statements(where: { date: { nlte: "2031-03-17" } }) { totalCount }
              neqAll: statements(where: { date: { neq: "2031-03-03" } }) { totalCount }
            }
            """;
        var data = (await GraphQLWire.QueryAsync(api.Http, query)).EnsureNoErrors().Data;
        Assert.Equal(27, data["all"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(20, data["unknown"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(
            ["moscow-demands-recognition-of-five-regions", "russian-defence-ministry-claims-offensive-into-dnipropetrovsk", "ministry-announces-kessel-rationing", "marsk-demands-compensation"],
            Keys(data["ngt"]));
        Assert.Equal(
            ["moscow-demands-recognition-of-five-regions", "russian-defence-ministry-claims-offensive-into-dnipropetrovsk", "ministry-announces-kessel-rationing"],
            Keys(data["ngte"]));
        Assert.Equal(["brandvold-claims-reservoirs-full", "union-denies-reservoir-claim"], Keys(data["nlt"]));
        Assert.Equal(["union-denies-reservoir-claim"], Keys(data["nlte"]));

        // With the unknown dates: 20 of them, as many as 'neq' keeps beside its known matches.
        Assert.Equal(24, data["ngtAll"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(21, data["nlteAll"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(26, data["neqAll"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Negated_date_time_comparisons_compare_instants_and_keep_unknown_publication_times()
    {
        // The test article was published at 2031-03-19T08:00:00Z; the seed's publication time is not known.
        const string query = """
            {
              ngt: articles(where: { publishedAt: { ngt: "2031-03-19T09:00:00+01:00" } }, order: [{ title: ASC }]) { nodes { key } }
              ngte: articles(where: { publishedAt: { ngte: "2031-03-19T08:00:00Z" } }) { nodes { key } }
              nlt: articles(where: { publishedAt: { nlt: "2031-03-19T08:00:00Z" } }, order: [{ title: ASC }]) { nodes { key } }
              nlte: articles(where: { publishedAt: { nlte: "2031-03-19T08:00:00Z" } }) { nodes { key } }
              before: articles(where: { publishedAt: { ngte: "2031-03-19T08:00:01Z", neq: null } }) { nodes { key } }
            }
            """;
        var data = (await GraphQLWire.QueryAsync(api.Http, query)).EnsureNoErrors().Data;
        Assert.Equal(["000-7ec11662766b884c", "test-valdoria-water-talks"], Keys(data["ngt"]).Order(StringComparer.Ordinal));
        Assert.Equal(["000-7ec11662766b884c"], Keys(data["ngte"]));
        Assert.Equal(["000-7ec11662766b884c", "test-valdoria-water-talks"], Keys(data["nlt"]).Order(StringComparer.Ordinal));
        Assert.Equal(["000-7ec11662766b884c"], Keys(data["nlte"]));
        Assert.Equal(["test-valdoria-water-talks"], Keys(data["before"]));
    }

    [Fact]
    public async Task Negated_count_comparisons_in_having()
    {
        var query = $$"""
            {
              ngt: statementStats(groupBy: [KIND], having: { count: { ngt: 1 } }, order: [{ kind: ASC }]) { nodes { kind count } }
              nlte: statementStats(groupBy: [KIND], having: { count: { nlte: 3 } }, order: [{ kind: ASC }]) { nodes { kind count } }
              both: statementStats(groupBy: [KIND], having: { count: { nlt: 3, ngte: 4 } }, order: [{ kind: ASC }]) { nodes { kind count } }
            }
            """;
        var data = (await GraphQLWire.QueryAsync(api.Http, query)).EnsureNoErrors().Data;
        string[] Rows(string alias) => [.. data[alias]!["nodes"]!.AsArray().Select(n => $"{n!["kind"]} {n["count"]}")];
        Assert.Equal(["ACCUSATION 1", "ACKNOWLEDGEMENT 1", "AGREEMENT 1", "ANNOUNCEMENT 1", "CONFIRMATION 1", "DENIAL 1"], Rows("ngt"));
        Assert.Equal(["CLAIM 5", "REJECTION 4", "WARNING 4"], Rows("nlte"));
        Assert.Equal(["APPEAL 3", "ASSESSMENT 3"], Rows("both"));
    }
}
