using GraphQL.Validation;
using GraphQLParser.AST;

namespace KnowledgeGraph.Api.GraphQL.Protection;

/// <summary>
/// Bounds introspection, which the depth and cost limits leave out: as graphql-js's
/// MaxIntrospectionDepthRule does, it rejects introspection that nests the list fields
/// <c>fields</c>, <c>inputFields</c>, <c>interfaces</c> and <c>possibleTypes</c> three deep
/// (<c>__schema { types { fields { type { fields { type { fields … </c> grows exponentially,
/// while every IDE's schema query nests them one deep).
/// </summary>
internal sealed class IntrospectionDepthRule : ValidationRuleBase
{
    /// <summary>How deep the list fields may nest.</summary>
    public const int MaxListDepth = 2;

    private static readonly HashSet<string> ListFields = new(StringComparer.Ordinal) { "fields", "inputFields", "interfaces", "possibleTypes" };

    public override ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context)
    {
        if (!context.HasErrors && new Walker(context).TooDeep(context.Operation.SelectionSet, introspection: false, depth: 0))
        {
            context.ReportError(new ValidationError(context.Document.Source, null!,
                $"Introspection may nest 'fields', 'inputFields', 'interfaces' and 'possibleTypes' at most {MaxListDepth} deep.",
                context.Operation)
            {
                Code = ErrorCodes.IntrospectionTooDeep,
            });
        }

        return ValueTask.FromResult<INodeVisitor?>(null);
    }

    private sealed class Walker(ValidationContext context)
    {
        private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments = context.Document.Definitions
            .OfType<GraphQLFragmentDefinition>()
            .GroupBy(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        // A fragment's answer depends only on where it starts: memoised, so that fragments
        // spreading each other many times are walked once per starting state.
        private readonly Dictionary<(string Name, bool Introspection, int Depth), bool> _seen = [];

        public bool TooDeep(GraphQLSelectionSet? selectionSet, bool introspection, int depth)
        {
            foreach (var selection in selectionSet?.Selections ?? [])
            {
                var tooDeep = selection switch
                {
                    GraphQLField field => Field(field, introspection, depth),
                    GraphQLInlineFragment inline => TooDeep(inline.SelectionSet, introspection, depth),
                    GraphQLFragmentSpread spread => Fragment(spread.FragmentName.Name.StringValue, introspection, depth),
                    _ => false,
                };
                if (tooDeep)
                {
                    return true;
                }
            }

            return false;
        }

        private bool Field(GraphQLField field, bool introspection, int depth)
        {
            var name = field.Name.StringValue;
            if (name is "__schema" or "__type")
            {
                introspection = true;
            }
            else if (introspection && ListFields.Contains(name) && ++depth > MaxListDepth)
            {
                return true;
            }

            return TooDeep(field.SelectionSet, introspection, depth);
        }

        private bool Fragment(string name, bool introspection, int depth)
        {
            var key = (name, introspection, depth);
            if (_seen.TryGetValue(key, out var known))
            {
                return known;
            }

            _seen[key] = false; // validation has already rejected cycles; this only guards against them
            var tooDeep = _fragments.TryGetValue(name, out var fragment) && TooDeep(fragment.SelectionSet, introspection, depth);
            _seen[key] = tooDeep;
            return tooDeep;
        }
    }
}
