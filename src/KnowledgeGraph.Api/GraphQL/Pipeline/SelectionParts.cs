using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Api.GraphQL.Pipeline;

/// <summary>
/// Which costly parts of records (<see cref="RecordParts"/>) a field's selection reads, so that
/// the store reads only those: a statement's evidence, an article's text, a person's affiliations.
/// The answer depends only on the document, so it is worked out once per field of a document
/// and kept with the document's syntax tree.
/// </summary>
internal static class SelectionParts
{
    /// <summary>The GraphQL fields that read a costly part, by the object type that has them.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, RecordParts>> Readers =
        new Dictionary<string, IReadOnlyDictionary<string, RecordParts>>(StringComparer.Ordinal)
        {
            ["Place"] = new Dictionary<string, RecordParts>(StringComparer.Ordinal) { ["aliases"] = RecordParts.Aliases },
            ["Organisation"] = new Dictionary<string, RecordParts>(StringComparer.Ordinal) { ["aliases"] = RecordParts.Aliases },
            ["Statement"] = new Dictionary<string, RecordParts>(StringComparer.Ordinal)
            {
                ["about"] = RecordParts.StatementAbout,
                ["evidence"] = RecordParts.StatementEvidence,
            },
            ["Article"] = new Dictionary<string, RecordParts>(StringComparer.Ordinal)
            {
                ["text"] = RecordParts.ArticleText,
                ["agencies"] = RecordParts.Aliases,
            },
            ["Person"] = new Dictionary<string, RecordParts>(StringComparer.Ordinal)
            {
                ["affiliations"] = RecordParts.PersonAffiliations,
                ["aliases"] = RecordParts.Aliases,
            },
            ["Negotiation"] = new Dictionary<string, RecordParts>(StringComparer.Ordinal)
            {
                ["parties"] = RecordParts.NegotiationParties,
                ["rounds"] = RecordParts.NegotiationParties,
                ["aliases"] = RecordParts.Aliases,
            },
        };

    private static readonly ConditionalWeakTable<GraphQLField, ConcurrentDictionary<(string Type, bool Connection), RecordParts>> Known = [];

    /// <summary>The parts that records of object type <paramref name="typeName"/>, returned by this field, need.</summary>
    public static RecordParts Of(IResolveFieldContext context, string typeName) => Find(context, typeName, connection: false);

    /// <summary>The parts that the records of a connection field (its <c>nodes</c> and <c>edges.node</c>) of object type <paramref name="typeName"/> need.</summary>
    public static RecordParts OfConnection(IResolveFieldContext context, string typeName) => Find(context, typeName, connection: true);

    private static RecordParts Find(IResolveFieldContext context, string typeName, bool connection)
    {
        if (!Readers.TryGetValue(typeName, out var readers) || !context.Request().Options.ReadSelectedPartsOnly)
        {
            return RecordParts.All;
        }

        var known = Known.GetValue(context.FieldAst, static _ => new());
        if (known.TryGetValue((typeName, connection), out var parts))
        {
            return parts;
        }

        var walk = new Walk(context.Document, context.Schema, typeName);
        var selection = context.FieldAst.SelectionSet;
        if (selection is not null)
        {
            if (connection)
            {
                foreach (var nodes in walk.Fields(selection, applies: _ => true))
                {
                    switch (nodes.Name.StringValue)
                    {
                        case "nodes" when nodes.SelectionSet is { } set:
                            parts |= walk.Parts(set, readers);
                            break;
                        case "edges" when nodes.SelectionSet is { } edges:
                            foreach (var node in walk.Fields(edges, applies: _ => true))
                            {
                                if (node.Name.StringValue == "node" && node.SelectionSet is { } set)
                                {
                                    parts |= walk.Parts(set, readers);
                                }
                            }

                            break;
                    }
                }
            }
            else
            {
                parts = walk.Parts(selection, readers);
            }
        }

        known[(typeName, connection)] = parts;
        return parts;
    }

    /// <summary>A walk over selections, through fragments, for records of one object type.</summary>
    private readonly struct Walk(GraphQLDocument document, ISchema schema, string typeName)
    {
        /// <summary>The parts that the fields selected in <paramref name="set"/> read.</summary>
        public RecordParts Parts(GraphQLSelectionSet set, IReadOnlyDictionary<string, RecordParts> readers)
        {
            var parts = RecordParts.None;
            foreach (var field in Fields(set, Applies))
            {
                if (readers.TryGetValue(field.Name.StringValue, out var part))
                {
                    parts |= part;
                }
            }

            return parts;
        }

        /// <summary>
        /// The fields of <paramref name="set"/>, with those of its fragments that
        /// <paramref name="applies"/> to; <c>@skip</c> and <c>@include</c> are not evaluated, so
        /// a field under them counts as selected.
        /// </summary>
        public IEnumerable<GraphQLField> Fields(GraphQLSelectionSet set, Func<GraphQLTypeCondition?, bool> applies)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Stack<GraphQLSelectionSet>();
            pending.Push(set);
            while (pending.Count > 0)
            {
                foreach (var selection in pending.Pop().Selections)
                {
                    switch (selection)
                    {
                        case GraphQLField field:
                            yield return field;
                            break;
                        case GraphQLInlineFragment inline when applies(inline.TypeCondition):
                            pending.Push(inline.SelectionSet);
                            break;
                        case GraphQLFragmentSpread spread when seen.Add(spread.FragmentName.Name.StringValue)
                            && Fragment(spread.FragmentName.Name.StringValue) is { } fragment && applies(fragment.TypeCondition):
                            pending.Push(fragment.SelectionSet);
                            break;
                    }
                }
            }
        }

        /// <summary>
        /// Whether a fragment's fields can apply to records of the type: no condition, the type
        /// itself, or an abstract type (an interface or union, which may include it). Only a
        /// condition on another object type rules a fragment out.
        /// </summary>
        private bool Applies(GraphQLTypeCondition? condition) =>
            condition is null
            || condition.Type.Name.StringValue == typeName
            || schema.AllTypes[condition.Type.Name.StringValue] is not IObjectGraphType;

        private GraphQLFragmentDefinition? Fragment(string name)
        {
            foreach (var definition in document.Definitions)
            {
                if (definition is GraphQLFragmentDefinition fragment && fragment.FragmentName.Name.StringValue == name)
                {
                    return fragment;
                }
            }

            return null;
        }
    }
}
