using KnowledgeGraph.Domain.Changes;
using KnowledgeGraph.Domain.Import;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Storage.Neo4j;

/// <summary>The change log: <c>:Change</c> nodes written with each write (<see cref="ImportStatement.ChangeLog"/>), read newest first in one statement.</summary>
public sealed partial class Neo4jGraphStore : IChangeLog
{
    // Every condition but the node is always present, and a null parameter switches it off, so
    // the statement has one of two shapes (and the linter sees every part of both). A node filter
    // starts from the node's :ChangeNode, found by its unique id (an index seek), and follows its
    // :TOUCHED relationships, rather than scanning every :Change for the id in a list.
    private const string ChangeConditions =
        "($keyName IS NULL OR c.keyName = $keyName) AND ($from IS NULL OR c.at >= $from) AND ($to IS NULL OR c.at < $to)";

    private static readonly string ChangeMatch = $"MATCH (c:{Graph.Change}) WHERE {ChangeConditions}";

    private static readonly string ChangeMatchByNode =
        $"MATCH (:{Graph.ChangeNode} {{id: $node}})<-[:{Graph.Touched}]-(c:{Graph.Change}) WHERE {ChangeConditions}";

    /// <inheritdoc />
    public async Task<Page<ChangeEntry>> ListChangesAsync(ChangeQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var window = ListWindow.Plan(page);
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["node"] = query.Node is { } node ? ChangeEntry.NodeText(node) : null,
            ["keyName"] = query.KeyName,
            ["from"] = query.From is { } from ? InstantText.Write(from) : null,
            ["to"] = query.To is { } to ? InstantText.Write(to) : null,
            ["skip"] = window.Skip,
            ["limit"] = window.Limit,
        };
        var match = query.Node is null ? ChangeMatch : ChangeMatchByNode;
        var order = window.FromTail ? "c.at ASC, c.id ASC" : "c.at DESC, c.id DESC";
        var changes =
            $"{match}\nWITH c ORDER BY {order} SKIP $skip LIMIT $limit\n"
            + "RETURN collect(c {.id, .at, .keyName, .operation, .nodes, .outcomes}) AS changes";
        var statement = window.NeedsTotal
            ? $"CALL () {{\n{match}\nRETURN count(c) AS total\n}}\nCALL () {{\n{changes}\n}}\nRETURN total, changes"
            : changes;

        using var result = await _client.RunAsync(statement, parameters, cancellationToken);
        var rows = new List<ChangeEntry>();
        var total = 0;
        if (result.Rows.Count > 0)
        {
            foreach (var c in QueryValues.List(result.Value(0, "changes")))
            {
                var nodes = QueryValues.Strings(c, "nodes");
                var outcomes = QueryValues.Strings(c, "outcomes");
                rows.Add(new ChangeEntry(
                    QueryValues.RequiredString(c, "id"),
                    InstantText.Read(QueryValues.RequiredString(c, "at"), 0),
                    QueryValues.RequiredString(c, "keyName"),
                    QueryValues.RequiredString(c, "operation"),
                    nodes.Select((n, i) => new ChangedNode(
                        ChangeEntry.ParseNode(n),
                        i < outcomes.Length && EnumNames.TryFromWire<RecordOutcome>(outcomes[i], out var outcome) ? outcome : RecordOutcome.Updated)).ToArray()));
            }

            total = window.NeedsTotal ? checked((int)(QueryValues.Integer(result.Value(0, "total")) ?? 0)) : 0;
        }

        return window.Cut(rows, total, page);
    }
}
