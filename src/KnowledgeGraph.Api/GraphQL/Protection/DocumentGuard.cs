using GraphQLParser.AST;

namespace KnowledgeGraph.Api.GraphQL.Protection;

/// <summary>
/// The limits on a parsed document, checked before GraphQL.NET validates it (its rules walk
/// fragments recursively, and the overlapping-fields rule is quadratic in repeated fields).
/// Every walk here uses an explicit stack, so no document can overflow the call stack, and
/// checks the request's cancellation as it goes.
/// </summary>
/// <remarks>
/// Checked: fragment definitions, the chain of fragments spreading fragments, aliases, one
/// response name repeated in one selection set, fields and introspection fields once fragments
/// are expanded (with their multiplicity: a fragment spread twice counts twice), input-literal
/// nesting, list length, and strings that are not valid Unicode (a lone surrogate written as
/// an escape).
/// </remarks>
internal sealed class DocumentGuard
{
    private const int CancellationStride = 1024;

    private readonly GraphQLOptions _options;
    private readonly string _source;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<string, Summary> _fragments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Expanded> _expanded = new(StringComparer.Ordinal);
    private int _visited;
    private int _aliases;

    private DocumentGuard(GraphQLOptions options, string source, CancellationToken cancellationToken)
    {
        _options = options;
        _source = source;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The refusal for <paramref name="document"/>, or null when it is within the limits.</summary>
    public static RefusedRequest? Check(GraphQLDocument document, string source, GraphQLOptions options, CancellationToken cancellationToken)
    {
        try
        {
            new DocumentGuard(options, source, cancellationToken).Run(document);
            return null;
        }
        catch (RequestRefusedException e)
        {
            return e.Refusal;
        }
    }

    private void Run(GraphQLDocument document)
    {
        var fragmentCount = 0;
        var operations = new List<(GraphQLOperationDefinition Operation, Summary Summary)>();
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case GraphQLFragmentDefinition fragment:
                    if (++fragmentCount > _options.MaxFragments && _options.MaxFragments > 0)
                    {
                        throw Refuse(fragment, ErrorCodes.TooManyFragments, $"The document defines more than {_options.MaxFragments} fragments.");
                    }

                    _fragments.TryAdd(fragment.FragmentName.Name.StringValue, Summarise(fragment.SelectionSet, fragment.Directives));
                    break;
                case GraphQLOperationDefinition operation:
                    foreach (var variable in operation.Variables?.Items ?? [])
                    {
                        if (variable.DefaultValue is { } value)
                        {
                            CheckValue(value);
                        }
                    }

                    operations.Add((operation, Summarise(operation.SelectionSet, operation.Directives)));
                    break;
            }
        }

        foreach (var (operation, summary) in operations)
        {
            var total = Expand(summary);
            var name = operation.Name is { } n ? $"The operation '{n.StringValue}'" : "The operation";
            if (total.Depth > _options.MaxFragmentDepth && _options.MaxFragmentDepth > 0)
            {
                throw Refuse(operation, ErrorCodes.FragmentsTooDeep,
                    $"{name} spreads fragments inside fragments {total.Depth} deep; the maximum allowed is {_options.MaxFragmentDepth}.");
            }

            if (total.Introspection > _options.MaxIntrospectionFields && _options.MaxIntrospectionFields > 0)
            {
                throw Refuse(operation, ErrorCodes.TooManyIntrospectionFields,
                    $"{name} selects __schema or __type {Count(total.Introspection)} times once its fragments are expanded; the maximum allowed is {_options.MaxIntrospectionFields}.");
            }

            if (total.Fields > _options.MaxFields && _options.MaxFields > 0)
            {
                throw Refuse(operation, ErrorCodes.TooManyFields,
                    $"{name} selects {Count(total.Fields)} fields once its fragments are expanded; the maximum allowed is {_options.MaxFields}.");
            }
        }
    }

    private static string Count(double value) =>
        value >= 1e15 ? "more than 10^15" : value.ToString("0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The fields, introspection fields and spreads a selection set makes as written; checks its
    /// aliases, repeated response names and argument values on the way.
    /// </summary>
    private Summary Summarise(GraphQLSelectionSet? root, GraphQLDirectives? directives)
    {
        var summary = new Summary();
        CheckDirectives(directives);
        var sets = new Stack<GraphQLSelectionSet>();
        if (root is not null)
        {
            sets.Push(root);
        }

        while (sets.Count > 0)
        {
            var set = sets.Pop();
            var names = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var selection in set.Selections)
            {
                Tick();
                switch (selection)
                {
                    case GraphQLField field:
                        summary.Fields++;
                        var name = field.Name.StringValue;
                        if (name is "__schema" or "__type")
                        {
                            summary.Introspection++;
                        }

                        if (field.Alias is { } alias && ++_aliases > _options.MaxAliases && _options.MaxAliases > 0)
                        {
                            throw Refuse(field, ErrorCodes.TooManyAliases, $"The document uses more than {_options.MaxAliases} aliases.");
                        }

                        var responseName = field.Alias?.Name.StringValue ?? name;
                        var times = names[responseName] = names.GetValueOrDefault(responseName) + 1;
                        if (times > _options.MaxRepeatedFields && _options.MaxRepeatedFields > 0)
                        {
                            throw Refuse(field, ErrorCodes.TooManyRepeatedFields,
                                $"'{responseName}' is selected more than {_options.MaxRepeatedFields} times in one selection set.");
                        }

                        foreach (var argument in field.Arguments?.Items ?? [])
                        {
                            CheckValue(argument.Value);
                        }

                        CheckDirectives(field.Directives);
                        if (field.SelectionSet is { } below)
                        {
                            sets.Push(below);
                        }

                        break;
                    case GraphQLInlineFragment inline:
                        CheckDirectives(inline.Directives);
                        sets.Push(inline.SelectionSet);
                        break;
                    case GraphQLFragmentSpread spread:
                        CheckDirectives(spread.Directives);
                        summary.Spreads.Add(spread.FragmentName.Name.StringValue);
                        break;
                }
            }
        }

        return summary;
    }

    private void CheckDirectives(GraphQLDirectives? directives)
    {
        foreach (var directive in directives?.Items ?? [])
        {
            foreach (var argument in directive.Arguments?.Items ?? [])
            {
                CheckValue(argument.Value);
            }
        }
    }

    /// <summary>Nesting, list length and Unicode of one argument or default value.</summary>
    private void CheckValue(GraphQLValue root)
    {
        var values = new Stack<(GraphQLValue Value, int Depth)>();
        values.Push((root, 0));
        while (values.Count > 0)
        {
            Tick();
            var (value, depth) = values.Pop();
            switch (value)
            {
                case GraphQLObjectValue obj:
                    EnsureDepth(obj, depth + 1);
                    foreach (var field in obj.Fields ?? [])
                    {
                        values.Push((field.Value, depth + 1));
                    }

                    break;
                case GraphQLListValue list:
                    EnsureDepth(list, depth + 1);
                    var count = list.Values?.Count ?? 0;
                    if (count > _options.MaxListLength && _options.MaxListLength > 0)
                    {
                        throw Refuse(list, ErrorCodes.ListTooLong, $"A list holds {count} items; the maximum allowed is {_options.MaxListLength}.");
                    }

                    foreach (var item in list.Values ?? [])
                    {
                        values.Push((item, depth + 1));
                    }

                    break;
                case GraphQLStringValue text when !UnicodeText.IsValid(text.Value.Span):
                    throw Refuse(text, ErrorCodes.InvalidUnicode, "A string holds a lone surrogate (an unpaired \\uD800–\\uDFFF escape), which is not Unicode text.");
            }
        }
    }

    private void EnsureDepth(ASTNode node, int depth)
    {
        if (depth > _options.MaxInputDepth && _options.MaxInputDepth > 0)
        {
            throw Refuse(node, ErrorCodes.InputTooDeep, $"Input objects and lists nest deeper than {_options.MaxInputDepth} here.");
        }
    }

    /// <summary>A selection's totals with its fragments expanded; fragments are measured once each, without recursion.</summary>
    private Expanded Expand(Summary summary)
    {
        foreach (var name in summary.Spreads)
        {
            Fragment(name);
        }

        return Known(summary);
    }

    /// <summary>The totals from the fragments measured so far (a fragment not measured counts nothing).</summary>
    private Expanded Known(Summary summary)
    {
        var (fields, introspection, depth) = (summary.Fields, summary.Introspection, 0);
        foreach (var name in summary.Spreads)
        {
            var fragment = _expanded.GetValueOrDefault(name);
            fields += fragment.Fields;
            introspection += fragment.Introspection;
            depth = Math.Max(depth, fragment.Depth);
        }

        return new Expanded(fields, introspection, depth);
    }

    private Expanded Fragment(string root)
    {
        if (_expanded.TryGetValue(root, out var known))
        {
            return known;
        }

        // Post-order over the spread graph. A spread of an unknown fragment, or one that closes
        // a cycle, counts nothing here: validation reports both afterwards, on a document whose
        // chains are already bounded.
        var onPath = new HashSet<string>(StringComparer.Ordinal) { root };
        var stack = new Stack<(string Name, int Next)>();
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            Tick();
            var (name, next) = stack.Pop();
            if (!_fragments.TryGetValue(name, out var summary))
            {
                _expanded[name] = default;
                onPath.Remove(name);
                continue;
            }

            if (next < summary.Spreads.Count)
            {
                stack.Push((name, next + 1));
                var child = summary.Spreads[next];
                if (!_expanded.ContainsKey(child) && onPath.Add(child))
                {
                    stack.Push((child, 0));
                }

                continue;
            }

            var below = Known(summary);
            _expanded[name] = below with { Depth = below.Depth + 1 };
            onPath.Remove(name);
        }

        return _expanded[root];
    }

    private void Tick()
    {
        if (++_visited % CancellationStride == 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private RequestRefusedException Refuse(ASTNode node, string code, string message) =>
        new(RefusedRequest.At(_source, node.Location.Start, code, message));

    private sealed class Summary
    {
        public double Fields { get; set; }

        public double Introspection { get; set; }

        public List<string> Spreads { get; } = [];
    }

    private readonly record struct Expanded(double Fields, double Introspection, int Depth);
}
