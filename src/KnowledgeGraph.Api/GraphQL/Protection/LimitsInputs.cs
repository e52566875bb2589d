using System.Collections;
using System.Globalization;
using System.Text;
using GraphQL;
using GraphQLParser.AST;

namespace KnowledgeGraph.Api.GraphQL.Protection;

/// <summary>
/// What the rules run on a cached document (<see cref="QueryLimitsRule"/>, and the introspection
/// switch) read from a request besides the document: the variables used in the arguments that
/// price a field (<c>first</c>, <c>last</c>, <c>ids</c>, <c>where</c>, <c>order</c>) and in
/// directives (<c>@skip</c>/<c>@include</c> decide which fields count). Two requests of one
/// document and operation whose values of these variables are equal get the same verdict, so a
/// verdict can be remembered under <see cref="Signature"/>.
/// </summary>
internal static class LimitsInputs
{
    /// <summary>The arguments whose values <see cref="QueryLimitsRule"/> reads.</summary>
    private static readonly HashSet<string> PricingArguments = new(StringComparer.Ordinal) { "first", "last", "ids", "where", "order" };

    /// <summary>
    /// The names of the variables the limits can read, in the document (all operations and
    /// fragments: a superset is safe), in first-use order, without repeats.
    /// </summary>
    public static string[] VariablesReadByLimits(GraphQLDocument document)
    {
        var names = new List<string>();
        Collect(document, names, pricing: false);
        return [.. names];
    }

    /// <summary>
    /// The values of <paramref name="variables"/> (by name) in <paramref name="inputs"/>, written
    /// canonically; the empty string when there are none. A variable that is absent and one that
    /// is null are told apart (a default value may apply to the first).
    /// </summary>
    public static string Signature(string[] variables, Inputs? inputs)
    {
        if (variables.Length == 0)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        foreach (var name in variables)
        {
            text.Append(name).Append('=');
            if (inputs is not null && inputs.TryGetValue(name, out var value))
            {
                Write(text, value);
            }
            else
            {
                text.Append('~');
            }

            text.Append(';');
        }

        return text.ToString();
    }

    private static void Collect(ASTNode? node, List<string> names, bool pricing)
    {
        switch (node)
        {
            case null:
                return;
            case GraphQLVariable variable when pricing:
                var name = variable.Name.StringValue;
                if (!names.Contains(name, StringComparer.Ordinal))
                {
                    names.Add(name);
                }

                return;
            case GraphQLVariablesDefinition:
                // Definitions (and their default values) are not uses.
                return;
            case GraphQLDirective directive:
                Collect(directive.Arguments, names, pricing: true);
                return;
            case GraphQLArgument argument when !pricing:
                Collect(argument.Value, names, PricingArguments.Contains(argument.Name.StringValue));
                return;
        }

        foreach (var child in Children(node))
        {
            Collect(child, names, pricing);
        }
    }

    private static IEnumerable<ASTNode> Children(ASTNode node) => node switch
    {
        GraphQLDocument document => document.Definitions,
        GraphQLOperationDefinition operation => Concat(operation.Directives, operation.SelectionSet),
        GraphQLFragmentDefinition fragment => Concat(fragment.Directives, fragment.SelectionSet),
        GraphQLSelectionSet set => set.Selections,
        GraphQLField field => Concat(field.Arguments, field.Directives, field.SelectionSet),
        GraphQLInlineFragment inline => Concat(inline.Directives, inline.SelectionSet),
        GraphQLFragmentSpread spread => Concat(spread.Directives),
        GraphQLArguments arguments => arguments.Items,
        GraphQLDirectives directives => directives.Items,
        GraphQLListValue list => list.Values ?? [],
        GraphQLObjectValue obj => obj.Fields ?? [],
        GraphQLObjectField field => [field.Value],
        GraphQLArgument argument => [argument.Value],
        _ => [],
    };

    private static IEnumerable<ASTNode> Concat(params ASTNode?[] nodes) => nodes.OfType<ASTNode>();

    private static void Write(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case string s:
                text.Append('"').Append(s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
                break;
            case bool b:
                text.Append(b ? "true" : "false");
                break;
            case IDictionary<string, object?> map:
                text.Append('{');
                foreach (var (key, item) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    Write(text, key);
                    text.Append(':');
                    Write(text, item);
                    text.Append(',');
                }

                text.Append('}');
                break;
            case IEnumerable list:
                text.Append('[');
                foreach (var item in list)
                {
                    Write(text, item);
                    text.Append(',');
                }

                text.Append(']');
                break;
            case IFormattable number:
                // The type too: 2 and 2.0 may coerce differently.
                text.Append(number.GetType().Name).Append(':').Append(number.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                text.Append(value.GetType().Name).Append(':').Append(value);
                break;
        }
    }
}
