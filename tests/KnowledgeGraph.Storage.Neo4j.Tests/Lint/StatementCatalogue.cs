using KnowledgeGraph.Domain.Changes;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Import;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Query;
using KnowledgeGraph.Storage.Neo4j.Tests.Doubles;

namespace KnowledgeGraph.Storage.Neo4j.Tests.Lint;

/// <summary>
/// Drives the real store through every statement shape it can emit: each port method, each
/// record type, each window shape, each expansion, the import and the schema; and within them
/// every field with every comparison, every sort key in both directions, and every relation
/// with every quantifier. A filter or sort fragment is translated the same wherever it appears,
/// so the fragments of one record type are gathered into a few statements (an <c>AllOf</c> of
/// every comparison, an <c>AnyOf</c> of every relation, one sort on every field): Neo4j's
/// analyser takes up to seconds per statement, and this keeps the run short without leaving
/// any fragment out.
/// </summary>
public sealed class StatementCatalogue(StoreHarness harness)
{
    private static readonly Quantifier[] Quantifiers = Enum.GetValues<Quantifier>();
    private static readonly CompareOp[] Ops = Enum.GetValues<CompareOp>();
    private static readonly CompareOp[] SubstringOps =
        [CompareOp.Contains, CompareOp.NotContains, CompareOp.StartsWith, CompareOp.NotStartsWith, CompareOp.EndsWith, CompareOp.NotEndsWith];

    private readonly Dictionary<int, string> _names = [];
    private readonly Neo4jGraphStore _store = harness.Store;

    /// <summary>The name of each request by its number.</summary>
    public IReadOnlyDictionary<int, string> Names => _names;

    /// <summary>How many filter and sort fragments the statements carry.</summary>
    public int Fragments { get; private set; }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Every window arithmetic of ListAsync: first, after, before, last with and without before, totals, a negative first.</summary>
    private static readonly PageRequest[] ListPages =
    [
        PageRequest.FirstItems(10),
        PageRequest.FirstItems(10, includeTotalCount: true),
        new(10, null, 3, null, false),
        new(10, null, 3, 8, true),
        new(null, 2, null, 8, false),
        new(null, 2, null, null, false),
        new(null, 2, 1, null, true),
        new(-5, null, null, null, false),
    ];

    /// <summary>
    /// Every statement shape of ExpandAsync: first with and without the total, after a cursor
    /// (the rows before it counted), before a cursor; last from the end (the tail in reverse)
    /// and before a cursor (the tail or the window ahead of the cursor).
    /// </summary>
    private static readonly PageRequest[] ExpandPages =
    [
        PageRequest.FirstItems(10),
        PageRequest.FirstItems(10, includeTotalCount: true),
        new(10, null, 3, null, false),
        new(10, null, 3, 8, true),
        new(10, null, null, 8, false),
        new(null, 2, null, null, false),
        new(null, 2, 1, null, true),
        new(null, 2, null, 8, false),
        new(null, 2, 1, 8, true),
    ];

    public async Task EmitAllAsync()
    {
        await Emit("schema", () => _store.InitializeAsync(Cancel));
        await Emit("isEmpty", () => _store.IsEmptyAsync(Cancel));
        await Emit("existing(every type)", () => _store.ExistingAsync(Enum.GetValues<NodeType>().Select(t => new NodeId(t, "k")).ToArray(), Cancel));
        await Emit("existing(one type)", () => _store.ExistingAsync([new NodeId(NodeType.Statement, "k")], Cancel));
        await Emit("import", () => _store.ImportAsync(new GraphBatch([], [], [], [], [], []), Cancel));
        await Emit("import with its change-log entry", () => _store.ImportAsync(
            new GraphBatch([], [], [], [], [], []) { Change = new ChangeEntry("0193", DateTimeOffset.UnixEpoch, "editor", "createPerson", [new ChangedNode(new NodeId(NodeType.Person, "k"), RecordOutcome.Created)]) },
            Cancel));
        foreach (var page in ListPages)
        {
            await Emit($"changes page {page}", () => _store.ListChangesAsync(new ChangeQuery(), page, Cancel));
        }

        await Emit("changes of one node, one key name, in a time range", () => _store.ListChangesAsync(
            new ChangeQuery(new NodeId(NodeType.Person, "k"), "editor", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1)), PageRequest.FirstItems(10, true), Cancel));
        await Emit("all redirects", () => _store.ListRedirectsAsync(Cancel));
        await Emit("redirects", () => _store.RedirectsAsync([new NodeId(NodeType.Person, "a"), new NodeId(NodeType.Place, "b")], Cancel));
        await Emit("retract", () => _store.RetractAsync("k", "a reason", DateTimeOffset.UnixEpoch, new ChangeEntry("0193", DateTimeOffset.UnixEpoch, "editor", "retractStatement", [new ChangedNode(new NodeId(NodeType.Statement, "k"), RecordOutcome.Updated)]), Cancel));
        foreach (var type in new[] { NodeType.Person, NodeType.Organisation, NodeType.Place, NodeType.Statement, NodeType.Negotiation })
        {
            await Emit($"merge<{type}>", () => _store.MergeAsync(new NodeId(type, "survivor"), new NodeId(type, "duplicate"), new ChangeEntry("0193", DateTimeOffset.UnixEpoch, "editor", "mergeNodes", [new ChangedNode(new NodeId(type, "survivor"), RecordOutcome.Updated), new ChangedNode(new NodeId(type, "duplicate"), RecordOutcome.Merged)]), Cancel));
        }

        await Emit("resolve<Article>", () => _store.ResolveAsync<Article>(["a", "b"], Cancel));
        await Emit("resolve<Place>", () => _store.ResolveAsync<Place>(["a", "b"], Cancel));
        await Emit("resolve<Organisation>", () => _store.ResolveAsync<Organisation>(["a", "b"], Cancel));
        await Emit("resolve<Person>", () => _store.ResolveAsync<Person>(["a", "b"], Cancel));
        await Emit("resolve<Negotiation>", () => _store.ResolveAsync<Negotiation>(["a", "b"], Cancel));
        await Emit("resolve<Statement>", () => _store.ResolveAsync<Statement>(["a", "b"], Cancel));

        // The same reads with none of the costly record parts (RecordParts), as the API asks
        // when a selection reads none of them, and with each part alone.
        foreach (var parts in new[] { RecordParts.None, RecordParts.StatementAbout, RecordParts.StatementEvidence, RecordParts.ArticleText, RecordParts.PersonAffiliations, RecordParts.NegotiationParties, RecordParts.Aliases })
        {
            await Emit($"resolve<Article> parts {parts}", () => _store.ResolveAsync<Article>(["a"], parts, Cancel));
            await Emit($"resolve<Person> parts {parts}", () => _store.ResolveAsync<Person>(["a"], parts, Cancel));
            await Emit($"resolve<Negotiation> parts {parts}", () => _store.ResolveAsync<Negotiation>(["a"], parts, Cancel));
            await Emit($"resolve<Statement> parts {parts}", () => _store.ResolveAsync<Statement>(["a"], parts, Cancel));
            await Emit($"resolve<Place> parts {parts}", () => _store.ResolveAsync<Place>(["a"], parts, Cancel));
            await Emit($"resolve<Organisation> parts {parts}", () => _store.ResolveAsync<Organisation>(["a"], parts, Cancel));
            await Emit($"list<Statement> parts {parts}", () => _store.ListAsync<Statement>(null, [], PageRequest.FirstItems(2) with { Parts = parts }, Cancel));
            await Emit($"list<Person> by statementsCount parts {parts}", () => _store.ListAsync<Person>(
                null, [new SortField(CountFields.Statements, true)], PageRequest.FirstItems(2) with { Parts = parts }, Cancel));
            await Emit($"expand PlaceStatementsAboutWithin parts {parts}", () => _store.ExpandAsync(
                Relations.PlaceStatementsAboutWithin, ["a", "b"], null, [], PageRequest.FirstItems(20) with { Parts = parts }, Cancel));
        }

        await NodeTypeAsync<Article>();
        await NodeTypeAsync<Place>();
        await NodeTypeAsync<Organisation>();
        await NodeTypeAsync<Person>();
        await NodeTypeAsync<Negotiation>();
        await NodeTypeAsync<Statement>(allPages: true);
        await Emit("list<Place> where allOf() and anyOf()", () => _store.ListAsync<Place>(new AllOf([new AllOf([]), new AnyOf([])]), [], PageRequest.FirstItems(1), Cancel));
        await Emit("list<Place> where anyOf()", () => _store.ListAsync<Place>(new AnyOf([]), [], PageRequest.FirstItems(1), Cancel));

        await ExpandAsync(Relations.PersonStatements, allPages: true);
        await ExpandAsync(Relations.OrganisationStatements);
        await ExpandAsync(Relations.OrganisationMembers, allPages: true);
        await ExpandAsync(Relations.PlaceContains);
        await ExpandAsync(Relations.PlaceStatementsAbout);
        await ExpandAsync(Relations.PlaceStatementsAboutWithin);
        await ExpandAsync(Relations.StatementResponses);
        await ExpandAsync(Relations.NegotiationStatements);
        await ExpandAsync(Relations.ArticleStatements);

        await new AnalyticsCatalogue(harness.Analytics, Emit).EmitAllAsync();
    }

    private async Task NodeTypeAsync<T>(bool allPages = false)
        where T : Node
    {
        var map = RecordMaps.Of<T>();
        var name = typeof(T).Name;
        await Emit($"get<{name}>", () => _store.GetAsync<T>(["a", "b"], Cancel));

        var (ascending, descending) = Sorts(map);
        await Emit($"list<{name}> first, total, every field ascending", () => _store.ListAsync<T>(null, ascending, PageRequest.FirstItems(10, true), Cancel));
        await Emit($"list<{name}> last, every field descending", () => _store.ListAsync<T>(null, descending, new PageRequest(null, 3, null, null, false), Cancel));
        foreach (var page in allPages ? ListPages : [])
        {
            await Emit($"list<{name}> page {page}", () => _store.ListAsync<T>(null, [], page, Cancel));
        }

        // Sorted by a relationship count, cursors are positions: after, before, both, last, with a null among the values.
        if (map.Counts.Keys.FirstOrDefault() is { } counted)
        {
            var order = new[] { new SortField(counted, true) };
            foreach (var (label, position) in new[] { ("", new SortPosition([3L, "k"])), (" with a null", new SortPosition([null, "k"])) })
            {
                await Emit($"list<{name}> by count after a position{label}", () => _store.ListAsync<T>(null, order, new PageRequest(10, null, null, null, true) { AfterPosition = position }, Cancel));
                await Emit($"list<{name}> by count between positions{label}", () => _store.ListAsync<T>(null, order, new PageRequest(10, null, null, null, false) { AfterPosition = position, BeforePosition = position }, Cancel));
                await Emit($"list<{name}> by count last before a position{label}", () => _store.ListAsync<T>(null, order, new PageRequest(null, 3, null, null, false) { BeforePosition = position }, Cancel));
                await Emit($"list<{name}> by count last{label}", () => _store.ListAsync<T>(null, order, new PageRequest(null, 3, 2, null, true), Cancel));
            }
        }

        var (comparisons, relations) = Filters(map);
        await Emit($"list<{name}> where every comparison", () => _store.ListAsync<T>(comparisons, [], PageRequest.FirstItems(5), Cancel));
        if (relations is not null)
        {
            await Emit($"list<{name}> where every relation", () => _store.ListAsync<T>(relations, [], PageRequest.FirstItems(5), Cancel));
        }
    }

    private async Task ExpandAsync<T>(Relation<T> relation, bool allPages = false)
        where T : class
    {
        var map = RecordMaps.ByType[typeof(T)];
        var (ascending, descending) = Sorts(map);
        var (comparisons, relations) = Filters(map);
        await Emit($"expand {relation} first, total, every field ascending, filtered", () => _store.ExpandAsync(
            relation, ["a", "b"], new AllOf([comparisons.Filters[0], .. relations is null ? [] : new[] { relations.Filters[0] }]), ascending, PageRequest.FirstItems(10, true), Cancel));
        await Emit($"expand {relation} last before, every field descending", () => _store.ExpandAsync(
            relation, ["a"], null, descending, new PageRequest(null, 2, null, 8, false), Cancel));
        foreach (var page in allPages ? ExpandPages : [])
        {
            await Emit($"expand {relation} page {page}", () => _store.ExpandAsync(relation, ["a", "b"], null, [], page, Cancel));
        }

        // Members are relationships, a binding of their own: every fragment on them too.
        if (map == RecordMaps.Affiliation)
        {
            await Emit($"expand {relation} where every comparison", () => _store.ExpandAsync(relation, ["a"], comparisons, [], PageRequest.FirstItems(3), Cancel));
            await Emit($"expand {relation} where every relation", () => _store.ExpandAsync(relation, ["a"], relations, [], PageRequest.FirstItems(3), Cancel));
        }
    }

    private (SortField[] Ascending, SortField[] Descending) Sorts(RecordMap map)
    {
        // Every field the domain lets a list be sorted by; the relationship counts sort too.
        var keys = map.Record.Fields.Values.Where(f => f.Sortable).Select(f => f.Name).Concat(map.Counts.Keys).ToArray();
        Fragments += 2 * keys.Length;
        return (keys.Select(f => new SortField(f, false)).ToArray(), keys.Select(f => new SortField(f, true)).ToArray());
    }

    /// <summary>Every field with every comparison (and the absence tests); every relation with every quantifier, and one level deeper.</summary>
    private (AllOf Comparisons, AnyOf? Relations) Filters(RecordMap map)
    {
        var comparisons = new List<Filter>();
        foreach (var (field, type) in map.Record.Fields.Values.Select(f => (f.Name, f.Type)))
        {
            var value = SampleValue(map, type);
            comparisons.Add(new Compare(field, CompareOp.Eq, null));
            comparisons.Add(new Compare(field, CompareOp.Neq, null));

            // Substring tests are for text only (FilterRules).
            comparisons.AddRange(Ops.Where(op => type == FieldValueType.Text || !SubstringOps.Contains(op))
                .Select(op => new Compare(field, op, op is CompareOp.In or CompareOp.Nin ? new[] { value, value } : value)));
            if (type == FieldValueType.Text)
            {
                // The case-insensitive operations fold the stored text first.
                comparisons.AddRange(Ops.Where(op => op < CompareOp.Gt).Select(op => new Compare(field, op, op is CompareOp.In or CompareOp.Nin ? new[] { value, value } : value) { IgnoreCase = true }));
            }
        }

        var relations = new List<Filter>();
        foreach (var (relationName, relation) in map.Relations)
        {
            relations.AddRange(Quantifiers.Select(q => new Related(relationName, q, SampleFilter(relation.Target))));
            relations.AddRange(relation.Target.Relations.Select(nested =>
                new Related(relationName, Quantifier.Some, new Related(nested.Key, Quantifier.Is, SampleFilter(nested.Value.Target)))));
        }

        Fragments += comparisons.Count + relations.Count;
        return (new AllOf(comparisons), relations.Count == 0 ? null : new AnyOf(relations));
    }

    private static Filter SampleFilter(RecordMap map) =>
        map.Fields.ContainsKey(Fields.Key)
            ? new Compare(Fields.Key, CompareOp.Eq, "k")
            : new Compare(Fields.Role, CompareOp.StartsWith, "deputy");

    private static object SampleValue(RecordMap map, FieldValueType type) => type switch
    {
        FieldValueType.Text => "x",
        FieldValueType.Boolean => true,
        FieldValueType.Date => new DateOnly(2025, 6, 2),
        FieldValueType.DateTime => new DateTimeOffset(2025, 6, 9, 8, 0, 0, TimeSpan.FromHours(3)),
        FieldValueType.Enum => map.Name switch
        {
            "Place" => PlaceKind.Region,
            "Organisation" => OrganisationKind.Ministry,
            "Statement" => StatementKind.Demand,
            "Negotiation" => NegotiationStatus.Stalled,
            _ => throw new InvalidOperationException($"No enum sample for {map.Name}."),
        },
        _ => throw new InvalidOperationException($"No sample for {type}."),
    };

    internal async Task Emit(string name, Func<Task> call)
    {
        var before = harness.Api.RequestCount;
        await call();
        for (var n = before + 1; n <= harness.Api.RequestCount; n++)
        {
            _names[n] = name;
        }
    }
}
