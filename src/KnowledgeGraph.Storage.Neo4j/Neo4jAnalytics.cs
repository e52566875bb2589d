using System.Globalization;
using KnowledgeGraph.Domain.Analytics;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Ports;
using KnowledgeGraph.Domain.Query;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KnowledgeGraph.Storage.Neo4j;

/// <summary>Aggregates over Neo4j's HTTP Query API: one Cypher statement (aggregation) per call.</summary>
public sealed partial class Neo4jAnalytics : IGraphAnalytics
{
    private static readonly Binding Record = new("t");

    private readonly QueryApiClient _client;

    /// <summary>Creates the analytics over clients from <paramref name="httpClients"/> (named <see cref="Neo4jGraphStore.HttpClientName"/>).</summary>
    public Neo4jAnalytics(
        IHttpClientFactory httpClients,
        Neo4jStoreOptions options,
        RoundTripCounter counter,
        ILogger<Neo4jAnalytics>? logger = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(httpClients);
        _client = new QueryApiClient(
            () => httpClients.CreateClient(Neo4jGraphStore.HttpClientName),
            options,
            counter,
            timeProvider ?? TimeProvider.System,
            (ILogger?)logger ?? NullLogger.Instance);
    }

    /// <summary>Creates the analytics over one <see cref="HttpClient"/>.</summary>
    public Neo4jAnalytics(HttpClient httpClient, Neo4jStoreOptions options, RoundTripCounter counter)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        _client = new QueryApiClient(() => httpClient, options, counter, TimeProvider.System, NullLogger.Instance);
    }

    /// <inheritdoc />
    public async Task<Page<StatsRow>> StatementStatsAsync(StatsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var cypher = new CypherFilter();
        var statement = StatsCypher(query, cypher);
        using var result = await _client.RunAsync(statement, cypher.Parameters, cancellationToken);
        if (result.Rows.Count == 0)
        {
            return Page<StatsRow>.Empty(query.Page.IncludeTotalCount);
        }

        var total = checked((int)(QueryValues.Integer(result.Value(0, "total")) ?? 0));
        var low = checked((int)(QueryValues.Integer(result.Value(0, "low")) ?? 0));
        var rows = QueryValues.List(result.Value(0, "rows")).Select(row => new StatsRow(
                query.GroupBy.Select((_, i) => QueryValues.RequiredString(row, "d" + i.ToString(CultureInfo.InvariantCulture))).ToArray(),
                checked((int)(QueryValues.Integer(row, "n") ?? 0)),
                checked((int)(QueryValues.Integer(row, "speakers") ?? 0)),
                checked((int)(QueryValues.Integer(row, "articles") ?? 0)),
                QueryValues.Strings(row, "places").Order(StringComparer.Ordinal).ToArray()))
            .ToList();
        var offset = Math.Min(low, total);
        return new Page<StatsRow>(rows, offset, offset > 0, offset + rows.Count < total, query.Page.IncludeTotalCount ? total : null)
        {
            Positions = StatsPositions.Length(query.GroupBy, query.Order) is null ? null : [.. rows.Select(StatsPositions.Of)],
        };
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TimelineEvent>> TimelineAsync(NodeId subject, int limit, CancellationToken cancellationToken)
    {
        var statements = subject.Type switch
        {
            NodeType.Place => $"MATCH (:{Graph.Place} {{key: $subject}})<-[:{Graph.ContainedIn}*0..]-(:{Graph.Place})<-[:{Graph.About}]-(s:{Graph.Statement})",
            NodeType.Person => $"MATCH (:{Graph.Person} {{key: $subject}})<-[:{Graph.SaidBy}]-(s:{Graph.Statement})",
            NodeType.Organisation => $"MATCH (:{Graph.Organisation} {{key: $subject}})<-[:{Graph.SaidBy}]-(s:{Graph.Statement})",
            NodeType.Negotiation => $"MATCH (:{Graph.Negotiation} {{key: $subject}})<-[:{Graph.InNegotiation}]-(s:{Graph.Statement})",
            _ => throw new ArgumentOutOfRangeException(nameof(subject), subject.Type, "No timeline for this node type."),
        };
        var rounds = subject.Type switch
        {
            NodeType.Place => $"MATCH (:{Graph.Place} {{key: $subject}})<-[:{Graph.ContainedIn}*0..]-(:{Graph.Place})<-[:{Graph.HeldAt}]-(r:{Graph.NegotiationRound})<-[:{Graph.HasRound}]-(n:{Graph.Negotiation})",
            NodeType.Organisation => $"MATCH (:{Graph.Organisation} {{key: $subject}})<-[:{Graph.HasParty}]-(n:{Graph.Negotiation})-[:{Graph.HasRound}]->(r:{Graph.NegotiationRound})",
            NodeType.Negotiation => $"MATCH (n:{Graph.Negotiation} {{key: $subject}})-[:{Graph.HasRound}]->(r:{Graph.NegotiationRound})",
            _ => null,
        };
        var statement = "CALL () {\n"
            + $"  {statements}\n  WITH DISTINCT s WHERE NOT coalesce(s.retracted, false) OPTIONAL MATCH (s)-[:{Graph.RespondsTo}]->(answered:{Graph.Statement})\n"
            + "  RETURN s.date AS date, 0 AS round, s.key AS key, answered.key AS respondsTo, null AS number, null AS venue\n"
            + (rounds is null ? string.Empty
                : $"  UNION ALL\n  {rounds}\n  OPTIONAL MATCH (r)-[:{Graph.HeldAt}]->(v:{Graph.Place})\n"
                    + "  RETURN r.date AS date, 1 AS round, n.key AS key, null AS respondsTo, r.number AS number, v.key AS venue\n")
            + "}\nRETURN CASE WHEN date IS NULL THEN null ELSE toString(date) END AS date, round, key, respondsTo, number, venue\n"
            + "ORDER BY date IS NULL, date, round DESC, key, number LIMIT $limit";
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal) { ["subject"] = subject.Key, ["limit"] = (long)limit };
        using var result = await _client.RunAsync(statement, parameters, cancellationToken);
        var events = new List<TimelineEvent>(result.Rows.Count);
        for (var row = 0; row < result.Rows.Count; row++)
        {
            var dateText = QueryValues.String(result.Value(row, "date"));
            DateOnly? date = dateText is null ? null : TimeBuckets.Parse(dateText);
            var key = QueryValues.String(result.Value(row, "key"))!;
            events.Add(QueryValues.Integer(result.Value(row, "round")) == 0
                ? new TimelineEvent(date, key, QueryValues.String(result.Value(row, "respondsTo")), null, null)
                : new TimelineEvent(date, null, null, key, new NegotiationRound(
                    QueryValues.Integer(result.Value(row, "number")) is { } n ? checked((int)n) : null, date, QueryValues.String(result.Value(row, "venue")))));
        }

        return events;
    }

    private static string StatsCypher(StatsQuery query, CypherFilter cypher)
    {
        var where = new List<Filter>();
        if (query.Where is { } filter)
        {
            where.Add(filter);
        }

        if (query.From is { } from)
        {
            where.Add(new Compare(Fields.Date, CompareOp.Gte, from));
        }

        if (query.To is { } to)
        {
            where.Add(new Compare(Fields.Date, CompareOp.Lte, to));
        }

        var predicate = cypher.Where(where.Count == 0 ? null : new AllOf(where), RecordMaps.Statement, Record);
        var clauses = new List<string>();
        var keys = new List<string>();
        var places = "[]";
        for (var i = 0; i < query.GroupBy.Count; i++)
        {
            switch (query.GroupBy[i])
            {
                case StatDimension.Speaker:
                    predicate += " AND who IS NOT NULL";
                    keys.Add($"CASE WHEN who:{Graph.Person} THEN '{Graph.Person}:' + who.key ELSE '{Graph.Organisation}:' + who.key END");
                    break;
                case StatDimension.SpeakerOrganisation:
                    // An organisation speaks for itself; a person for each organisation they
                    // belong to, unless that affiliation is known to have ended.
                    clauses.Add($"CALL (t) {{\n  MATCH (t)-[:{Graph.SaidBy}]->(so:{Graph.Organisation}) RETURN so.key AS organisation\n"
                        + $"  UNION\n  MATCH (t)-[:{Graph.SaidBy}]->(:{Graph.Person})-[af:{Graph.AffiliatedWith}]->(so:{Graph.Organisation}) "
                        + "WHERE af.current IS NULL OR af.current = true RETURN so.key AS organisation\n}");
                    keys.Add("organisation");
                    break;
                case StatDimension.Place when query.PlaceLevel == PlaceLevel.AsStated:
                    clauses.Add($"MATCH (t)-[:{Graph.About}]->(pa:{Graph.Place})");
                    keys.Add("pa.key");
                    break;
                case StatDimension.Place:
                    var kind = EnumNames.ToWire(query.PlaceLevel == PlaceLevel.Region ? PlaceKind.Region : PlaceKind.Country);
                    clauses.Add($"CALL (t) {{\n  MATCH (t)-[:{Graph.About}]->(pa:{Graph.Place})-[:{Graph.ContainedIn}*0..]->(pr:{Graph.Place} {{kind: {cypher.Parameter("placeKind", kind)}}})\n"
                        + "  RETURN DISTINCT pa.key AS stated, pr.key AS rolledUp\n}");
                    keys.Add("rolledUp");
                    places = "collect(DISTINCT stated)";
                    break;
                case StatDimension.Kind:
                    keys.Add("t.kind");
                    break;
                case StatDimension.Negotiation:
                    clauses.Add($"MATCH (t)-[:{Graph.InNegotiation}]->(ng:{Graph.Negotiation})");
                    keys.Add("ng.key");
                    break;
                case StatDimension.Time:
                    predicate += " AND t.date IS NOT NULL";
                    keys.Add(query.Bucket switch
                    {
                        TimeBucket.Day => "toString(t.date)",
                        TimeBucket.Week => "toString(date.truncate('week', t.date))",
                        TimeBucket.Month => "toString(date.truncate('month', t.date))",
                        TimeBucket.Year => "toString(date.truncate('year', t.date))",
                        _ => throw new ArgumentOutOfRangeException(nameof(query), query.Bucket, null),
                    });
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(query), query.GroupBy[i], null);
            }
        }

        var d = Enumerable.Range(0, keys.Count).Select(i => "d" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        string Row(Func<string, string> key, string n, string speakers, string articles, string found) =>
            "{" + string.Join(", ", d.Select(name => $"{name}: {key(name)}")) + $", n: {n}, speakers: {speakers}, articles: {articles}, places: {found}}}";

        var text = $"MATCH (t:{Graph.Statement})\nOPTIONAL MATCH (t)-[:{Graph.SaidBy}]->(who)\nWITH t, who WHERE {predicate}\n"
            + string.Join("\n", clauses) + (clauses.Count == 0 ? string.Empty : "\n")
            + $"OPTIONAL MATCH (t)-[:{Graph.EvidencedBy}]->(ea:{Graph.Article})\n"
            + $"WITH {string.Join(", ", keys.Select((k, i) => $"{k} AS {d[i]}"))}, count(DISTINCT t) AS n, count(DISTINCT who) AS speakers, "
            + $"count(DISTINCT ea) AS articles, {places} AS places\n";

        var time = query.GroupBy.ToList().IndexOf(StatDimension.Time);
        if (time >= 0 && query.Buckets is { } buckets)
        {
            // Every series (combination of the other keys) gets every bucket of the range.
            var others = d.Where((_, i) => i != time).ToArray();
            var buck = cypher.Parameter("buckets", buckets.ToArray());
            text += $"WITH collect({Row(name => name, "n", "speakers", "articles", "places")}) AS found\n";
            if (others.Length > 0)
            {
                text += $"UNWIND found AS series\nWITH DISTINCT found, {string.Join(", ", others.Select(o => $"series.{o} AS {o}"))}\n";
            }

            var match = string.Join(" AND ", d.Select(name => name == d[time] ? $"x.{name} = bucket" : $"x.{name} = {name}"));
            text += $"UNWIND {buck} AS bucket\nWITH {string.Join(", ", others.Append("bucket"))}, [x IN found WHERE {match}] AS hit\n"
                + $"WITH {Row(name => name == d[time] ? "bucket" : name, "coalesce(hit[0].n, 0)", "coalesce(hit[0].speakers, 0)", "coalesce(hit[0].articles, 0)", "coalesce(hit[0].places, [])")} AS row\n";
        }
        else
        {
            text += $"WITH {Row(name => name, "n", "speakers", "articles", "places")} AS row\n";
        }

        if (query.Having.Count > 0)
        {
            text += $"WITH row WHERE {string.Join(" AND ", query.Having.Select(h => Having(h, cypher)))}\n";
        }

        var order = query.Order
            .Select(o => "row." + (o.Dimension is { } dim ? d[query.GroupBy.ToList().IndexOf(dim)] : "n") + (o.Descending ? " DESC" : string.Empty))
            .Concat(d.Select(name => "row." + name));
        text += $"WITH row ORDER BY {string.Join(", ", order)}\nWITH collect(row) AS rows\nWITH rows, size(rows) AS total\n";

        // Sorted by count, a cursor holds the group's count and keys, and the window's ends are
        // counts of the groups sorting before them (Neo4jKeyset); otherwise it is an index.
        var sortKeys = query.Order
            .Select(o => (Cypher: o.Dimension is { } dim ? $"r.{d[query.GroupBy.ToList().IndexOf(dim)]}" : "r.n", o.Descending))
            .Concat(d.Select(name => (Cypher: "r." + name, Descending: false)))
            .ToArray();
        SortPosition Aligned(SortPosition position) => new([.. sortKeys.Select(key => key.Cypher == "r.n"
            ? position.Values[0]
            : position.Values[1 + int.Parse(key.Cypher.AsSpan(3), CultureInfo.InvariantCulture)])]);
        var (start, end, low, high) = Neo4jKeyset.Window(query.Page, "total", cypher,
            (position, orAt) => $"size([r IN rows WHERE {Neo4jKeyset.Before(sortKeys, Aligned(position), cypher, orAt)}])");
        text += $"WITH rows, total, {start} AS kstart, {end} AS kend\n";
        return text + $"WITH rows, total, {low} AS low, {high} AS high\nRETURN total, low, rows[low..high] AS rows";
    }

    private static string Having(CountCondition condition, CypherFilter cypher)
    {
        var value = condition.Op is CompareOp.In or CompareOp.Nin
            ? cypher.Parameter(condition.Values.Select(v => (long)v).ToArray())
            : cypher.Parameter((long)condition.Values[0]);
        return condition.Op switch
        {
            CompareOp.Eq => $"row.n = {value}",
            CompareOp.Neq => $"row.n <> {value}",
            CompareOp.Gt => $"row.n > {value}",
            CompareOp.Gte => $"row.n >= {value}",
            CompareOp.Lt => $"row.n < {value}",
            CompareOp.Lte => $"row.n <= {value}",
            CompareOp.In => $"row.n IN {value}",
            CompareOp.Nin => $"NOT row.n IN {value}",
            _ => throw new NotSupportedException($"'{condition.Op}' does not apply to a count."),
        };
    }
}
