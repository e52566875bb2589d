using GraphQL;
using GraphQLParser.AST;
using KnowledgeGraph.Api.GraphQL.Protection;

namespace KnowledgeGraph.Api.GraphQL.Pipeline;

/// <summary>
/// A parsed document that passed validation once, with what the server learnt about it: per
/// operation, the verdicts of the rules run on cached documents (remembered by the values of the
/// variables those rules read, <see cref="LimitsInputs"/>), and facts the endpoint asks on every
/// request (is it a mutation, does it select a field that needs a key).
/// </summary>
internal sealed class CachedDocument(GraphQLDocument document)
{
    /// <summary>Verdicts kept per operation; more distinct variable values than this are checked every time.</summary>
    internal const int MaxVerdictsPerOperation = 32;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, OperationState> _operations = new(StringComparer.Ordinal);
    private string[]? _limitVariables;

    public GraphQLDocument Document { get; } = document;

    /// <summary>The key under which the verdict for these variables is kept.</summary>
    public string Signature(Inputs? variables) =>
        LimitsInputs.Signature(_limitVariables ??= LimitsInputs.VariablesReadByLimits(Document), variables);

    /// <summary>
    /// Whether the rules already passed this operation with variables of this signature, and
    /// if so whether it may run on the socket thread (<see cref="RequestContext.MayRunOnIoThread"/>),
    /// which the same inputs decide.
    /// </summary>
    public bool Passed(string? operationName, string signature, out bool mayRunOnIoThread)
    {
        lock (_gate)
        {
            mayRunOnIoThread = false;
            return _operations.TryGetValue(operationName ?? string.Empty, out var state) && state.Passed.TryGetValue(signature, out mayRunOnIoThread);
        }
    }

    /// <summary>Remembers that the rules passed this operation with variables of this signature, and where it may run.</summary>
    public void RememberPassed(string? operationName, string signature, bool mayRunOnIoThread)
    {
        lock (_gate)
        {
            var state = State(operationName);
            if (state.Passed.Count < MaxVerdictsPerOperation)
            {
                state.Passed[signature] = mayRunOnIoThread;
            }
        }
    }

    /// <summary>The facts the endpoint needs about one operation, worked out once.</summary>
    public T Facts<T>(string? operationName, Func<GraphQLDocument, string?, T> compute)
        where T : class
    {
        lock (_gate)
        {
            var state = State(operationName);
            if (state.Facts is T known)
            {
                return known;
            }
        }

        var facts = compute(Document, operationName);
        lock (_gate)
        {
            State(operationName).Facts = facts;
        }

        return facts;
    }

    private OperationState State(string? operationName)
    {
        var key = operationName ?? string.Empty;
        if (!_operations.TryGetValue(key, out var state))
        {
            // Bounded like the verdicts: a client naming endless operations gets no new entries.
            state = new OperationState();
            if (_operations.Count < MaxVerdictsPerOperation)
            {
                _operations[key] = state;
            }
        }

        return state;
    }

    private sealed class OperationState
    {
        public Dictionary<string, bool> Passed { get; } = new(StringComparer.Ordinal);

        public object? Facts { get; set; }
    }
}
