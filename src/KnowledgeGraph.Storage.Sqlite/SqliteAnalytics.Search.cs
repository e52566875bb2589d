using System.Text.Json;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Search;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>Full-text search over the FTS5 index <c>search_text</c> (see Schema.sql).</summary>
public sealed partial class SqliteAnalytics
{
    /// <inheritdoc />
    public Task<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query, CancellationToken cancellationToken) =>
        SqliteGraphStore.GuardAsync(() => SearchCoreAsync(query, cancellationToken), cancellationToken);

    private async Task<IReadOnlyList<SearchHit>> SearchCoreAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var types = query.Types.Count == 0 ? SearchText.Searchable : query.Types;
        await using var connection = await _store.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Parameters.AddWithValue("@match", MatchExpression(query.Terms));
        command.Parameters.AddWithValue("@kinds", JsonSerializer.Serialize(types.Select(t => t.ToString())));
        command.Parameters.AddWithValue("@limit", query.Limit);

        // Each node's name when it matches, else its best entry (bm25: lower is better, so its
        // negation is the score), then the nodes best first; the node's key breaks ties, so equal
        // scores come in the same order on every run. bm25() and highlight() may not appear in a
        // window function's query, hence the materialised step.
        command.CommandText = """
            WITH matched AS MATERIALIZED (
                SELECT e.id AS id, e.kind AS kind, e.key AS key, e.field AS field, -bm25(search_text) AS score,
                       highlight(search_text, 0, char(57344), char(57345)) AS marked
                FROM search_text JOIN search_entry e ON e.id = search_text.rowid
                WHERE search_text MATCH @match AND e.kind IN (SELECT value FROM json_each(@kinds)))
            SELECT kind, key, field, score, marked FROM (
                SELECT *, row_number() OVER (PARTITION BY kind, key ORDER BY field = 'alias', score DESC, id) AS n FROM matched)
            WHERE n = 1
            ORDER BY score DESC, kind, key
            LIMIT @limit
            """;
        var hits = new List<SearchHit>();
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                hits.Add(new SearchHit(
                    new NodeId(Enum.Parse<NodeType>(reader.GetString(0)), reader.GetString(1)),
                    Math.Round(reader.GetDouble(3), 6),
                    Enum.Parse<SearchField>(reader.GetString(2), ignoreCase: true),
                    SearchText.Snippet(reader.GetString(4))));
            }
        }
        catch (SqliteException e) when (e.Message.Contains("fts5", StringComparison.OrdinalIgnoreCase))
        {
            throw new SearchQueryException("The search text could not be run as a full-text query: " + e.Message.Replace("SQLite Error 1: ", string.Empty, StringComparison.Ordinal), e);
        }

        return hits;
    }

    /// <summary>
    /// Every word as an FTS5 string (double quotes, inner quotes doubled), joined by spaces (all
    /// must match): a word is never read as FTS5 syntax (AND, NEAR, column filters, prefixes).
    /// </summary>
    internal static string MatchExpression(IReadOnlyList<string> terms) =>
        string.Join(' ', terms.Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
}
