using System.Text.Json;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Ports;
using KnowledgeGraph.Domain.Search;

namespace KnowledgeGraph.Storage.Neo4j;

/// <summary>Full-text search over the indexes of <c>schema/neo4j/005_search.cypher</c>.</summary>
public sealed partial class Neo4jAnalytics
{
    /// <summary>
    /// The three indexes queried in one statement; each node's best-matching text is found in
    /// the domain (Lucene does not say which property matched) and highlighted there.
    /// </summary>
    internal const string SearchStatement = """
        CALL () {
          CALL db.index.fulltext.queryNodes('search_names', $query) YIELD node, score RETURN node, score
          UNION ALL
          CALL db.index.fulltext.queryNodes('search_statements', $query) YIELD node, score RETURN node, score
          UNION ALL
          CALL db.index.fulltext.queryNodes('search_titles', $query) YIELD node, score RETURN node, score
        }
        WITH node, score, [label IN labels(node) WHERE label IN $labels][0] AS kind
        WHERE kind IS NOT NULL
        RETURN kind, node.key AS key, score, node.name AS name, node.aliases AS aliases,
               CASE WHEN node:Statement THEN node.text END AS text, node.title AS title
        ORDER BY score DESC, kind, key
        LIMIT $limit
        """;

    /// <inheritdoc />
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var types = query.Types.Count == 0 ? SearchText.Searchable : query.Types;
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["query"] = LuceneQuery(query.Terms),
            ["labels"] = types.Select(t => t.ToString()).ToArray(),
            ["limit"] = (long)query.Limit,
        };
        try
        {
            using var result = await _client.RunAsync(SearchStatement, parameters, cancellationToken);
            var hits = new List<SearchHit>(result.Rows.Count);
            for (var row = 0; row < result.Rows.Count; row++)
            {
                var kind = Enum.Parse<NodeType>(QueryValues.String(result.Value(row, "kind"))!);
                var (field, text) = BestField(
                    kind,
                    QueryValues.String(result.Value(row, "name")),
                    QueryValues.IsNull(result.Value(row, "aliases")) ? [] : QueryValues.List(result.Value(row, "aliases")).Select(a => QueryValues.String(a)!).ToArray(),
                    QueryValues.String(result.Value(row, "text")),
                    QueryValues.String(result.Value(row, "title")),
                    query.Terms);
                hits.Add(new SearchHit(
                    new NodeId(kind, QueryValues.String(result.Value(row, "key"))!),
                    Math.Round(Score(result.Value(row, "score")), 6),
                    field,
                    SearchText.Snippet(SearchText.Highlight(text, query.Terms))));
            }

            return hits;
        }
        catch (StoreException e) when (e.Message.Contains("Neo.ClientError.Procedure", StringComparison.Ordinal))
        {
            throw new SearchQueryException("The search text could not be run as a full-text query.", e);
        }
    }

    /// <summary>
    /// Every word as a Lucene phrase (quoted, with <c>\</c> and <c>"</c> escaped), all required:
    /// a word is never read as Lucene syntax (AND, wildcards, fields, ranges, fuzziness).
    /// </summary>
    internal static string LuceneQuery(IReadOnlyList<string> terms) =>
        string.Join(" AND ", terms.Select(t => "\"" + t.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\""));

    /// <summary>The node's text that holds the words: its name, else an alias, else its text or title.</summary>
    internal static (SearchField Field, string Text) BestField(NodeType kind, string? name, IReadOnlyList<string> aliases, string? text, string? title, IReadOnlyList<string> terms)
    {
        if (kind is NodeType.Statement)
        {
            return (SearchField.Text, text ?? string.Empty);
        }

        if (kind is NodeType.Article)
        {
            return (SearchField.Title, title ?? string.Empty);
        }

        if (SearchText.Matches(name, terms))
        {
            return (SearchField.Name, name!);
        }

        return aliases.FirstOrDefault(a => SearchText.Matches(a, terms)) is { } alias
            ? (SearchField.Alias, alias)
            : (SearchField.Name, name ?? string.Empty);
    }

    private static double Score(JsonElement value)
    {
        var unwrapped = QueryValues.Unwrap(value);
        return unwrapped.ValueKind == JsonValueKind.Number ? unwrapped.GetDouble() : double.Parse(unwrapped.GetString()!, System.Globalization.CultureInfo.InvariantCulture);
    }
}
