using System.Text.Json;
using KnowledgeGraph.Domain.Changes;
using KnowledgeGraph.Domain.Editing;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Storage.Neo4j;

/// <summary>Editing beyond imports (<see cref="EditStatements"/>): each call is one statement, one transaction.</summary>
public sealed partial class Neo4jGraphStore
{
    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, T>> ResolveAsync<T>(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
        where T : Node =>
        ResolveAsync<T>(keys, RecordParts.All, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, T>> ResolveAsync<T>(IReadOnlyCollection<string> keys, RecordParts parts, CancellationToken cancellationToken)
        where T : Node
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new Dictionary<string, T>(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return found;
        }

        var map = RecordMaps.Of<T>();
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["keys"] = keys.Distinct(StringComparer.Ordinal).ToArray(),
            ["type"] = TypeOf(map).ToString(),
        };
        using var result = await _client.RunAsync(EditStatements.Resolve(map, parts), parameters, cancellationToken);
        for (var row = 0; row < result.Rows.Count; row++)
        {
            found[QueryValues.String(result.Value(row, "requested"))!] = (T)map.Read(result.Value(row, "record"));
        }

        return found;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<NodeId, string>> RedirectsAsync(IReadOnlyCollection<NodeId> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var found = new Dictionary<NodeId, string>();
        if (ids.Count == 0)
        {
            return found;
        }

        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["ids"] = ids.Distinct().Select(i => new Dictionary<string, object?>(StringComparer.Ordinal) { ["type"] = i.Type.ToString(), ["key"] = i.Key }).ToArray(),
        };
        using var result = await _client.RunAsync(EditStatements.Redirects, parameters, cancellationToken);
        for (var row = 0; row < result.Rows.Count; row++)
        {
            found[new NodeId(Enum.Parse<NodeType>(QueryValues.String(result.Value(row, "type"))!), QueryValues.String(result.Value(row, "key"))!)] =
                QueryValues.String(result.Value(row, "survivor"))!;
        }

        return found;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Domain.Import.Redirect>> ListRedirectsAsync(CancellationToken cancellationToken)
    {
        using var result = await _client.RunAsync(EditStatements.AllRedirects, new Dictionary<string, object?>(StringComparer.Ordinal), cancellationToken);
        var found = new List<Domain.Import.Redirect>();
        for (var row = 0; row < result.Rows.Count; row++)
        {
            found.Add(new Domain.Import.Redirect(
                Enum.Parse<NodeType>(QueryValues.String(result.Value(row, "type"))!),
                QueryValues.String(result.Value(row, "key"))!,
                QueryValues.String(result.Value(row, "survivor"))!));
        }

        return found;
    }

    /// <inheritdoc />
    public async Task<MergeOutcome> MergeAsync(NodeId survivor, NodeId duplicate, ChangeEntry? change, CancellationToken cancellationToken)
    {
        if (survivor.Type != duplicate.Type || survivor == duplicate || survivor.Type == NodeType.Article)
        {
            throw new ArgumentException("Only two different nodes of one type, not articles, can be merged.", nameof(duplicate));
        }

        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["survivor"] = survivor.Key,
            ["duplicate"] = duplicate.Key,
            ["type"] = survivor.Type.ToString(),
            ["changes"] = ImportStatement.Changes(change),
        };
        using var result = await _client.RunAsync(EditStatements.Merge(survivor.Type), parameters, cancellationToken);
        if (result.Rows.Count == 0 || !Flag(result.Value(0, "survivorFound")))
        {
            return MergeOutcome.SurvivorNotFound;
        }

        return !Flag(result.Value(0, "duplicateFound")) ? MergeOutcome.DuplicateNotFound
            : Flag(result.Value(0, "cycle")) ? MergeOutcome.Cycle
            : MergeOutcome.Merged;
    }

    /// <inheritdoc />
    public async Task<RetractOutcome> RetractAsync(string statementKey, string reason, DateTimeOffset at, ChangeEntry? change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statementKey);
        ArgumentNullException.ThrowIfNull(reason);
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["key"] = statementKey,
            ["reason"] = reason,
            ["at"] = InstantText.Write(at),
            ["changes"] = ImportStatement.Changes(change),
        };
        using var result = await _client.RunAsync(EditStatements.Retract, parameters, cancellationToken);
        if (result.Rows.Count == 0 || !Flag(result.Value(0, "found")))
        {
            return RetractOutcome.NotFound;
        }

        return Flag(result.Value(0, "already")) ? RetractOutcome.AlreadyRetracted : RetractOutcome.Retracted;
    }

    private static bool Flag(JsonElement value) => !QueryValues.IsNull(value) && QueryValues.Unwrap(value).ValueKind == JsonValueKind.True;

    private static NodeType TypeOf(RecordMap map) => Enum.Parse<NodeType>(map.Label!);
}
