using System.Text;
using System.Text.Json;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Import;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Ports;
using KnowledgeGraph.Domain.Query;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KnowledgeGraph.Storage.Neo4j;

/// <summary>
/// The store port over Neo4j's HTTP Query API: one Cypher statement, one HTTP request, per port
/// call (plus retries of transient failures, each counted), with the SQLite store's semantics.
/// </summary>
public sealed partial class Neo4jGraphStore : IGraphStore, IGraphStoreAdmin
{
    /// <summary>The name of the <see cref="HttpClient"/> registered for the store.</summary>
    public const string HttpClientName = "KnowledgeGraph.Neo4j";

    // Each expandable relation: the MATCH from a parent (variable parent, key parentKey) to
    // the related records (variable t), and whether a record can be reached more than once.
    internal static readonly Dictionary<string, (RecordMap Target, string Match, bool Distinct)> Expansions = new(StringComparer.Ordinal)
    {
        [Relations.PersonStatements.Name] = (RecordMaps.Statement,
            $"MATCH (parent:{Graph.Person} {{key: parentKey}})<-[:{Graph.SaidBy}]-(t:{Graph.Statement})", false),
        [Relations.OrganisationStatements.Name] = (RecordMaps.Statement,
            $"MATCH (parent:{Graph.Organisation} {{key: parentKey}})<-[:{Graph.SaidBy}]-(t:{Graph.Statement})", false),
        [Relations.OrganisationMembers.Name] = (RecordMaps.Affiliation,
            $"MATCH (parent:{Graph.Organisation} {{key: parentKey}})<-[t:{Graph.AffiliatedWith}]-(pp:{Graph.Person})", false),
        [Relations.PlaceContains.Name] = (RecordMaps.Place,
            $"MATCH (parent:{Graph.Place} {{key: parentKey}})<-[:{Graph.ContainedIn}]-(t:{Graph.Place})", false),
        [Relations.PlaceStatementsAbout.Name] = (RecordMaps.Statement,
            $"MATCH (parent:{Graph.Place} {{key: parentKey}})<-[:{Graph.About}]-(t:{Graph.Statement})", false),

        // Containment to any depth, the parent included; a statement about several places
        // inside the parent is reached once per place, hence DISTINCT.
        [Relations.PlaceStatementsAboutWithin.Name] = (RecordMaps.Statement,
            $"MATCH (parent:{Graph.Place} {{key: parentKey}})<-[:{Graph.ContainedIn}*0..]-(:{Graph.Place})<-[:{Graph.About}]-(t:{Graph.Statement})", true),
        [Relations.StatementResponses.Name] = (RecordMaps.Statement,
            $"MATCH (parent:{Graph.Statement} {{key: parentKey}})<-[:{Graph.RespondsTo}]-(t:{Graph.Statement})", false),
        [Relations.NegotiationStatements.Name] = (RecordMaps.Statement,
            $"MATCH (parent:{Graph.Negotiation} {{key: parentKey}})<-[:{Graph.InNegotiation}]-(t:{Graph.Statement})", false),
        [Relations.ArticleStatements.Name] = (RecordMaps.Statement,
            $"MATCH (parent:{Graph.Article} {{key: parentKey}})<-[:{Graph.EvidencedBy}]-(t:{Graph.Statement})", false),
    };

    private static readonly Binding Record = new("t");
    internal static readonly Binding Member = new("t", PersonVar: "pp", OrganisationVar: "parent");

    private readonly QueryApiClient _client;

    /// <summary>Creates the store over clients from <paramref name="httpClients"/> (named <see cref="HttpClientName"/>).</summary>
    public Neo4jGraphStore(
        IHttpClientFactory httpClients,
        Neo4jStoreOptions options,
        RoundTripCounter counter,
        ILogger<Neo4jGraphStore>? logger = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(httpClients);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(counter);
        _client = new QueryApiClient(
            () => httpClients.CreateClient(HttpClientName),
            options,
            counter,
            timeProvider ?? TimeProvider.System,
            (ILogger?)logger ?? NullLogger.Instance);
    }

    /// <summary>Creates the store over one <see cref="HttpClient"/> (its timeout should be infinite: the store applies its own).</summary>
    public Neo4jGraphStore(
        HttpClient httpClient,
        Neo4jStoreOptions options,
        RoundTripCounter counter,
        ILogger<Neo4jGraphStore>? logger = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(counter);
        _client = new QueryApiClient(
            () => httpClient,
            options,
            counter,
            timeProvider ?? TimeProvider.System,
            (ILogger?)logger ?? NullLogger.Instance);
    }

    /// <summary>The Query API endpoint statements are sent to.</summary>
    public Uri Endpoint => _client.Endpoint;

    /// <inheritdoc />
    public async Task<IReadOnlyList<T>> GetAsync<T>(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
        where T : Node
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return [];
        }

        var map = RecordMaps.Of<T>();
        var cypher = new CypherFilter();
        var statement =
            $"MATCH (t:{map.Label}) WHERE t.key IN {cypher.Parameter("keys", keys.Distinct(StringComparer.Ordinal).ToArray())}\n"
            + $"RETURN {map.Projection!("t", RecordParts.All)} AS record ORDER BY t.key";
        using var result = await _client.RunAsync(statement, cypher.Parameters, cancellationToken);
        var items = new List<T>(result.Rows.Count);
        for (var row = 0; row < result.Rows.Count; row++)
        {
            items.Add((T)map.Read(result.Value(row, "record")));
        }

        return items;
    }

    /// <inheritdoc />
    public async Task<Page<T>> ListAsync<T>(Filter? where, IReadOnlyList<SortField> order, PageRequest page, CancellationToken cancellationToken)
        where T : Node
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(page);
        if (SortPosition.AppliesTo(order))
        {
            return await ListByPositionAsync<T>(where, order, page, cancellationToken);
        }

        var map = RecordMaps.Of<T>();
        FilterShape.EnsureTranslatable(where);
        var cypher = new CypherFilter();
        var match = $"MATCH (t:{map.Label}) WHERE {cypher.Where(where, map, Record)}";

        // "last" without "before" needs the count to place its window. Rather than collect the
        // whole list, read the tail in reverse order (the exact reverse: absent values first,
        // tie-breaker descending) and take at most "last" items.
        var known = PageWindow.WithoutTotal(page);
        var fromTail = known is null;
        var withTotal = page.IncludeTotalCount || fromTail;

        // The window [offset, offset + limit), where one row beyond the window tells whether a
        // next page exists.
        string window;
        if (known is not { } forward)
        {
            window = $"WITH t ORDER BY {CypherFilter.OrderBy(order, map, Record, reverse: true)} LIMIT {cypher.Parameter("limit", Math.Max(0, page.Last!.Value))}";
        }
        else
        {
            // As in SQLite, a negative offset counts as zero and a negative limit as no limit.
            var limit = forward.Size + 1;
            window = $"WITH t ORDER BY {CypherFilter.OrderBy(order, map, Record)} SKIP {cypher.Parameter("skip", Math.Max(0, forward.Offset))}"
                + (limit >= 0 ? $" LIMIT {cypher.Parameter("limit", limit)}" : string.Empty);
        }

        var records = $"{match}\n{window}\nWITH {map.Projection!("t", page.Parts)} AS record\nRETURN collect(record) AS records";
        var statement = withTotal
            ? $"CALL () {{\n{match}\nRETURN count(t) AS total\n}}\nCALL () {{\n{records}\n}}\nRETURN total, records"
            : records;

        using var result = await _client.RunAsync(statement, cypher.Parameters, cancellationToken);
        var rows = result.Rows.Count == 0
            ? []
            : QueryValues.List(result.Value(0, "records")).Select(r => (T)map.Read(r)).ToList();
        var total = withTotal && result.Rows.Count > 0 ? checked((int)(QueryValues.Integer(result.Value(0, "total")) ?? 0)) : 0;

        int? totalCount = page.IncludeTotalCount ? total : null;
        if (known is { } read)
        {
            return read.FromRowsWithOneMore(rows, totalCount);
        }

        // Forward index of the i-th reversed row is total - 1 - i.
        var tail = PageWindow.Within(page, total);
        var from = Math.Max(0, tail.Offset);
        var to = Math.Min(total, from + Math.Max(0, tail.Size) + 1);
        var items = rows.Where((_, i) => total - 1 - i >= from && total - 1 - i < to).Reverse().ToList();
        return tail.FromRowsWithOneMore(items, totalCount);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, Page<T>>> ExpandAsync<T>(
        Relation<T> relation,
        IReadOnlyCollection<string> parentKeys,
        Filter? where,
        IReadOnlyList<SortField> order,
        PageRequest page,
        CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(relation);
        ArgumentNullException.ThrowIfNull(parentKeys);
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(page);
        var result = Page<T>.EmptyFor(parentKeys, page.IncludeTotalCount);
        if (result.Count == 0)
        {
            return result;
        }

        var (map, match, distinct) = Expansions.TryGetValue(relation.Name, out var expansion)
            ? expansion
            : throw new NotSupportedException($"The relation {relation.Name} is not stored.");
        var members = map == RecordMaps.Affiliation;
        var binding = members ? Member : Record;
        FilterShape.EnsureTranslatable(where);
        var cypher = new CypherFilter();
        var parents = cypher.Parameter("parents", result.Keys.ToArray());
        var predicate = cypher.Where(where, map, binding);
        var projection = members
            ? "{person: pp.key, organisation: parent.key, role: t.role, current: t.current}"
            : map.Projection!("t", page.Parts);
        var carried = members ? "parent, pp, t" : "t";

        // The related records of the parent that match the filter, optionally only when
        // `condition` (on the parent's count) holds.
        string Rows(string? condition = null) => (distinct, condition) switch
        {
            (true, null) => $"{match}\nWITH DISTINCT t WHERE {predicate}",
            (true, _) => $"{match} WHERE {condition}\nWITH DISTINCT t WHERE {predicate}",
            (false, null) => $"{match}\nWHERE {predicate}",
            (false, _) => $"{match}\nWHERE {condition} AND {predicate}",
        };

        // Top n per parent: each parent's rows are ordered and cut inside its own subquery, so
        // a page reads at most its window (plus one row) of each parent, never the whole list.
        string Window(string order, string skipLimit, string column, string? condition = null) =>
            $"CALL (parentKey{(condition is null ? string.Empty : ", total")}) {{\n{Rows(condition)}\n"
            + $"WITH {carried} ORDER BY {order}{skipLimit}\nRETURN collect({projection}) AS {column}\n}}\n";

        var forward = CypherFilter.OrderBy(order, map, binding);
        var start = page.RangeStart;
        var statement = new StringBuilder($"UNWIND {parents} AS parentKey\n");
        if (page.Last is not { } last)
        {
            // First n after a cursor (and before one): the window's size is known without the
            // parent's total; the offset is the number of rows before the window, counted up
            // to the cursor only; the total only when asked for.
            var size = Math.Max(0, PageWindow.WithoutTotal(page)!.Value.Size);
            if (page.IncludeTotalCount)
            {
                statement.Append($"CALL (parentKey) {{\n{Rows()}\nRETURN count(t) AS total\n}}\n");
            }

            if (start > 0)
            {
                statement.Append($"CALL (parentKey) {{\n{Rows()}\nWITH t LIMIT {cypher.Parameter("start", start)}\nRETURN count(t) AS skipped\n}}\n");
            }

            statement.Append(Window(forward, (start > 0 ? " SKIP $start" : string.Empty) + $" LIMIT {cypher.Parameter("limit", size + 1)}", "records"));
            statement.Append("RETURN parentKey" + (page.IncludeTotalCount ? ", total" : string.Empty) + (start > 0 ? ", skipped" : string.Empty) + ", records");
        }
        else
        {
            // The last n: where the window ends depends on the parent's total, so it is counted
            // first. When the window ends at the end of the list, the tail is read in reverse
            // (the exact reverse order) and cut at n; when it ends at a cursor inside the list,
            // its bounds are known and it is read forward.
            statement.Append($"CALL (parentKey) {{\n{Rows()}\nRETURN count(t) AS total\n}}\n");
            statement.Append("WITH parentKey, total WHERE total > 0\n");
            var tailCondition = page.Before is { } before ? $"total <= {cypher.Parameter("before", before)}" : null;
            statement.Append(Window(CypherFilter.OrderBy(order, map, binding, reverse: true), $" LIMIT {cypher.Parameter("last", last)}", "tail", tailCondition));
            if (PageWindow.WithoutTotal(page) is { } inside)
            {
                statement.Append(Window(
                    forward,
                    $" SKIP {cypher.Parameter("low", inside.Offset)} LIMIT {cypher.Parameter("size", inside.Size)}",
                    "records",
                    "total > $before"));
            }

            statement.Append("RETURN parentKey, total, tail" + (page.Before is null ? string.Empty : ", records"));
        }

        using var rows = await _client.RunAsync(statement.ToString(), cypher.Parameters, cancellationToken);
        for (var row = 0; row < rows.Rows.Count; row++)
        {
            var key = QueryValues.String(rows.Value(row, "parentKey"))!;
            if (!result.ContainsKey(key))
            {
                continue;
            }

            T[] Read(string column) => QueryValues.List(rows.Value(row, column)).Select(r => (T)map.Read(r)).ToArray();
            int Count(string column) => checked((int)(QueryValues.Integer(rows.Value(row, column)) ?? 0));
            if (page.Last is null)
            {
                // The window's start is the number of rows before it, as counted up to the cursor.
                var window = PageWindow.WithoutTotal(page)!.Value with { Offset = start > 0 ? Count("skipped") : 0 };
                result[key] = window.FromRowsWithOneMore(Read("records"), page.IncludeTotalCount ? Count("total") : null);
            }
            else
            {
                var total = Count("total");
                var window = PageWindow.Within(page, total);
                T[] items;
                if (page.Before is null || total <= page.Before)
                {
                    // The i-th row of the reversed tail has the forward index total - 1 - i.
                    var tail = Read("tail");
                    items = tail.Where((_, i) => window.Contains(total - 1 - i)).Reverse().ToArray();
                }
                else
                {
                    items = Read("records");
                }

                result[key] = window.FromWindowOf(items, total, page.IncludeTotalCount);
            }
        }

        return result;
    }

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        // Schema commands cannot share a statement, so each is its own request.
        foreach (var statement in SchemaScripts.Statements())
        {
            using var result = await _client.RunAsync(statement, EmptyParameters, cancellationToken);
        }
    }

    /// <inheritdoc />
    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken)
    {
        using var result = await _client.RunAsync(
            $"RETURN NOT EXISTS {{ MATCH (:{Graph.Article}) }} AS empty",
            EmptyParameters,
            cancellationToken);
        return result.Rows.Count == 0 || result.Value(0, "empty").ValueKind != JsonValueKind.False;
    }

    /// <inheritdoc />
    public async Task<IReadOnlySet<NodeId>> ExistingAsync(IReadOnlyCollection<NodeId> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new HashSet<NodeId>();
        if (keys.Count == 0)
        {
            return found;
        }

        var cypher = new CypherFilter();
        var parts = keys.GroupBy(k => k.Type).OrderBy(g => g.Key).Select(g =>
            $"MATCH (t:{Graph.LabelOf(g.Key)}) WHERE t.key IN {cypher.Parameter(g.Select(k => k.Key).Distinct(StringComparer.Ordinal).ToArray())} "
            + $"RETURN '{g.Key}' AS type, t.key AS key");
        var statement = string.Join("\nUNION ALL\n", parts);
        using var result = await _client.RunAsync(statement, cypher.Parameters, cancellationToken);
        for (var row = 0; row < result.Rows.Count; row++)
        {
            found.Add(new NodeId(
                Enum.Parse<NodeType>(QueryValues.String(result.Value(row, "type"))!),
                QueryValues.String(result.Value(row, "key"))!));
        }

        return found;
    }

    /// <inheritdoc />
    public async Task ImportAsync(GraphBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        using var result = await _client.RunAsync(ImportStatement.Text, ImportStatement.Parameters(batch), cancellationToken);
    }

    private static readonly IReadOnlyDictionary<string, object?> EmptyParameters = new Dictionary<string, object?>();
}
