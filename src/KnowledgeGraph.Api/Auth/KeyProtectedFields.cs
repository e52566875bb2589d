using GraphQLParser.AST;

namespace KnowledgeGraph.Api.Auth;

/// <summary>
/// Whether an operation selects a root field that needs an API key even when reads are open
/// (the change log): found in the operation's root selection set, through inline fragments
/// and fragment spreads, whatever alias it goes by.
/// </summary>
internal static class KeyProtectedFields
{
    public static bool Selected(GraphQLDocument? document, string? operationName, IReadOnlySet<string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var operations = document?.Definitions.OfType<GraphQLOperationDefinition>().ToList() ?? [];
        var operation = operationName is null
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
        if (operation is null)
        {
            return false;
        }

        var fragments = document!.Definitions.OfType<GraphQLFragmentDefinition>()
            .GroupBy(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<GraphQLSelectionSet>();
        pending.Push(operation.SelectionSet);
        while (pending.Count > 0)
        {
            foreach (var selection in pending.Pop().Selections)
            {
                switch (selection)
                {
                    case GraphQLField field when fields.Contains(field.Name.StringValue):
                        return true;
                    case GraphQLInlineFragment inline:
                        pending.Push(inline.SelectionSet);
                        break;
                    case GraphQLFragmentSpread spread when seen.Add(spread.FragmentName.Name.StringValue)
                        && fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment):
                        pending.Push(fragment.SelectionSet);
                        break;
                }
            }
        }

        return false;
    }
}
