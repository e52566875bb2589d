using System.Collections;
using System.Globalization;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Api.GraphQL.Protection;

/// <summary>
/// The depth and cost limits (HotChocolate's max execution depth and cost analysis), checked
/// before anything runs. Runs for cached documents too, because the cost depends on the
/// variables (<c>first: $n</c>).
/// </summary>
/// <remarks>
/// Introspection is left out of the depth (Banana Cake Pop's schema query is deep by nature,
/// and <see cref="IntrospectionDepthRule"/> bounds its nesting) but counted in the cost, 1 per
/// field selected (its lists are not multiplied: the schema is in memory, and the number of
/// <c>__schema</c>/<c>__type</c> fields is capped on its own).
/// Cost, after HotChocolate's weights: a field that reaches the store (a connection, a node,
/// a relation to a node, a connection's <c>aggregate</c>) costs 10, a <c>where</c> or <c>order</c> on it 10 more each, any
/// other field 1; the fields below a list are multiplied by its length, taken from
/// <c>first</c>/<c>last</c> (or the number of <c>ids</c>), else the default page size for a
/// connection's <c>edges</c>/<c>nodes</c>, else 5.
/// </remarks>
internal sealed class QueryLimitsRule : ComplexityValidationRule
{
    /// <summary>The metadata key of a field priced on its own (work that is neither a store call nor a plain field, such as extraction).</summary>
    public const string CostMetadata = "knowledgeGraph:cost";

    /// <summary>Metadata that marks a field as a store call of its own wherever it is (a connection's <c>aggregate</c>).</summary>
    public const string StoreFieldKey = "kg:storeField";

    /// <summary>
    /// Metadata that marks a root field as a lookup by key (<c>node</c>, <c>nodes</c>): its work,
    /// and that of the relations below it, is bounded by its price. The other root fields are
    /// not: a list pages by offset, and aggregates, search, paths, extraction and the change log
    /// do work that their price does not measure.
    /// </summary>
    public const string LookupRootKey = "kg:lookupRoot";

    /// <summary>The highest price of an operation that may execute on the socket thread that read it (<see cref="Pipeline.IoThreadPolicy"/>).</summary>
    public const double IoThreadCostLimit = 100;

    private const double OtherListLength = 5;

    /// <summary>HotChocolate's default cost of a resolver that does I/O, and of a filter or a sort.</summary>
    private const double StoreCost = 10;

    private readonly GraphQLOptions _options;

    public QueryLimitsRule(IOptions<GraphQLOptions> options)
        : this(options.Value)
    {
    }

    private QueryLimitsRule(GraphQLOptions options)
        : base(new ComplexityOptions
        {
            MaxComplexity = options.MaxComplexity > 0 ? options.MaxComplexity : null,
            DefaultListImpactMultiplier = OtherListLength,
            DefaultComplexityImpactDelegate = context => Impact(context, options.DefaultPageSize),
        })
    {
        _options = options;
    }

    public override async ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context)
    {
        // Like the base rule: a document that already failed (a fragment cycle, say) is not
        // analysed; nor is an operation the schema has no root type for, which GraphQL.NET
        // reports itself (the analysis would throw).
        if (context.HasErrors || RootType(context) is null)
        {
            return null;
        }

        var (depth, fields) = new ShapeWalker(context).Measure(context.Operation.SelectionSet);
        if (_options.MaxDepth > 0 && depth > _options.MaxDepth)
        {
            context.ReportError(Error(context, ErrorCodes.MaxDepthExceeded,
                $"The operation is {depth} fields deep; the maximum allowed is {_options.MaxDepth}."));
            return null;
        }

        if (_options.MaxComplexity <= 0)
        {
            return null;
        }

        // GraphQL.NET's analysis walks every fragment spread again, so fragments that spread each
        // other twice, thirty deep, would keep it busy for minutes: count first, in linear time.
        if (fields > _options.MaxComplexity)
        {
            context.ReportError(Error(context, ErrorCodes.MaxComplexityExceeded,
                $"The operation selects {fields.ToString("0", CultureInfo.InvariantCulture)} fields once its fragments are expanded; the maximum allowed complexity is {_options.MaxComplexity}."));
            return null;
        }

        return await base.GetPostNodeVisitorAsync(context);
    }

    protected override ValueTask ValidateComplexityAsync(ValidationContext context, double totalComplexity, int maxDepth)
    {
        if (context.UserContext is Pipeline.RequestContext request)
        {
            request.MayRunOnIoThread = context.Operation.Operation == OperationType.Query
                && !request.SelectsUnboundedWork
                && totalComplexity <= IoThreadCostLimit;
        }

        if (totalComplexity > _options.MaxComplexity)
        {
            var cost = Math.Ceiling(totalComplexity).ToString("0", CultureInfo.InvariantCulture);
            context.ReportError(Error(context, ErrorCodes.MaxComplexityExceeded,
                $"The operation's complexity is {cost}; the maximum allowed is {_options.MaxComplexity}. Ask for smaller pages (first/last) or fewer nested fields."));
        }

        return ValueTask.CompletedTask;
    }

    private static IObjectGraphType? RootType(ValidationContext context) => context.Operation.Operation switch
    {
        OperationType.Query => context.Schema.Query,
        OperationType.Mutation => context.Schema.Mutation,
        OperationType.Subscription => context.Schema.Subscription,
        _ => null,
    };

    private static ValidationError Error(ValidationContext context, string code, string message) =>
        new(context.Document.Source, null!, message, context.Operation) { Code = code };

    private static FieldComplexityResult Impact(FieldImpactContext context, int defaultPageSize)
    {
        NoteUnboundedWork(context);
        if (IsIntrospection(context.FieldDefinition.Name) || IsIntrospection(context.ParentType.Name))
        {
            // Counted, once per field selected: the schema is in memory, and how much of it
            // introspection may fetch is bounded by the introspection limits instead.
            return new FieldComplexityResult(1, 1);
        }

        var weight = Weight(context);
        if (!IsList(context.FieldDefinition))
        {
            return new FieldComplexityResult(weight, 1);
        }

        if (Length(context.Arguments) is { } length)
        {
            return new FieldComplexityResult(weight, length);
        }

        if (context.Parent is { } parent && !IsList(parent.FieldDefinition))
        {
            // A connection's edges or nodes: as long as the page the connection field asks for.
            if (Length(parent.Arguments) is { } pageLength)
            {
                return new FieldComplexityResult(weight, pageLength);
            }

            if (parent.FieldDefinition.Arguments?.Find("first") is not null)
            {
                return new FieldComplexityResult(weight, defaultPageSize);
            }
        }

        return new FieldComplexityResult(weight, OtherListLength);
    }

    /// <summary>
    /// A field's own price when it has one (<see cref="CostMetadata"/>); else
    /// 10 for a field whose resolver reaches the store (a connection, or a field returning nodes
    /// outside a connection's own <c>nodes</c>/<c>edges</c>, or a field marked with
    /// <see cref="StoreFieldKey"/> such as a connection's <c>aggregate</c>), 10 more for each of its
    /// <c>where</c> and <c>order</c>; 1 for anything else.
    /// </summary>
    private static double Weight(FieldImpactContext context)
    {
        var field = context.FieldDefinition;
        if (field.GetMetadata<double?>(CostMetadata) is { } priced)
        {
            return priced;
        }

        var insideConnection = context.ParentType.Name.EndsWith("Connection", StringComparison.Ordinal)
            || context.ParentType.Name.EndsWith("Edge", StringComparison.Ordinal);
        var weight = field.GetMetadata(StoreFieldKey, false) || (!insideConnection && ReachesStore(field)) ? StoreCost : 1;
        foreach (var name in new[] { "where", "order" })
        {
            if (HasValue(context, name))
            {
                weight += StoreCost;
            }
        }

        return weight;
    }

    private static bool ReachesStore(FieldType field)
    {
        if (field.Arguments?.Find("first") is not null)
        {
            return true;
        }

        var type = field.ResolvedType;
        while (true)
        {
            if (type is NonNullGraphType nonNull)
            {
                type = nonNull.ResolvedType;
            }
            else if (type is ListGraphType list)
            {
                type = list.ResolvedType;
            }
            else
            {
                break;
            }
        }

        return type is IInterfaceGraphType or UnionGraphType
            || (type is IObjectGraphType obj && obj.ResolvedInterfaces.Any(i => i.Name == "Node"));
    }

    private static double? Length(IDictionary<string, global::GraphQL.Execution.ArgumentValue>? arguments)
    {
        if (arguments is null)
        {
            return null;
        }

        foreach (var name in new[] { "first", "last" })
        {
            if (arguments.TryGetValue(name, out var value) && value.Value is int count)
            {
                return Math.Max(count, 0);
            }
        }

        return arguments.TryGetValue("ids", out var ids) && ids.Value is ICollection list ? list.Count : null;
    }

    private static bool IsList(FieldType field) =>
        (field.ResolvedType is NonNullGraphType nonNull ? nonNull.ResolvedType : field.ResolvedType) is ListGraphType;

    /// <summary>
    /// Notes on the request a field whose work its price does not bound: introspection of the
    /// schema, a priced field or a store field of its own, a root field that is not a lookup by
    /// key, a connection's <c>totalCount</c>, and any field with <c>where</c>, <c>order</c> or
    /// <c>last</c> (a filter can scan a whole table; a count and a last page count the rows).
    /// </summary>
    private static void NoteUnboundedWork(FieldImpactContext context)
    {
        if (context.ValidationContext.UserContext is not Pipeline.RequestContext { SelectsUnboundedWork: false } request)
        {
            return;
        }

        var field = context.FieldDefinition;
        request.SelectsUnboundedWork = field.Name is "__schema" or "__type"
            || field.GetMetadata<double?>(CostMetadata) is not null
            || field.GetMetadata(StoreFieldKey, false)
            || (context.Parent is null && !IsIntrospection(field.Name) && !field.GetMetadata(LookupRootKey, false))
            || (field.Name == "totalCount" && context.ParentType.Name.EndsWith("Connection", StringComparison.Ordinal))
            || HasValue(context, "where")
            || HasValue(context, "order")
            || HasValue(context, "last");
    }

    private static bool HasValue(FieldImpactContext context, string argument) =>
        context.Arguments is { } arguments && arguments.TryGetValue(argument, out var value) && value.Value is not null;

    private static bool IsIntrospection(string name) => name.StartsWith("__", StringComparison.Ordinal);

    /// <summary>
    /// The depth of a selection (introspection left out) and the number of fields it selects
    /// once its fragments are expanded (introspection counted); each fragment is measured once.
    /// </summary>
    private sealed class ShapeWalker(ValidationContext context)
    {
        private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments = context.Document.Definitions
            .OfType<GraphQLFragmentDefinition>()
            .GroupBy(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        private readonly Dictionary<string, (int Depth, double Fields)> _measured = new(StringComparer.Ordinal);

        public (int Depth, double Fields) Measure(GraphQLSelectionSet? selectionSet)
        {
            var (deepest, fields) = (0, 0d);
            foreach (var selection in selectionSet?.Selections ?? [])
            {
                if (!context.ShouldIncludeNode(selection))
                {
                    continue;
                }

                var (depth, count) = selection switch
                {
                    GraphQLField field when IsIntrospection(field.Name.StringValue) => (0, Measure(field.SelectionSet).Fields + 1),
                    GraphQLField field => Child(Measure(field.SelectionSet)),
                    GraphQLInlineFragment inline => Measure(inline.SelectionSet),
                    GraphQLFragmentSpread spread => Fragment(spread.FragmentName.Name.StringValue),
                    _ => (0, 0d),
                };
                deepest = Math.Max(deepest, depth);
                fields += count;
            }

            return (deepest, fields);
        }

        private static (int Depth, double Fields) Child((int Depth, double Fields) below) => (below.Depth + 1, below.Fields + 1);

        private (int Depth, double Fields) Fragment(string name)
        {
            if (_measured.TryGetValue(name, out var shape))
            {
                return shape;
            }

            // Validation has already rejected cycles; the placeholder only guards against them.
            _measured[name] = (0, 0);
            shape = _fragments.TryGetValue(name, out var fragment) ? Measure(fragment.SelectionSet) : (0, 0);
            _measured[name] = shape;
            return shape;
        }
    }
}
