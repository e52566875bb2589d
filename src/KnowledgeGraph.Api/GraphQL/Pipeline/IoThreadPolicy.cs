using GraphQL.Execution;
using GraphQLParser.AST;
using KnowledgeGraph.Api.GraphQL.Protection;

namespace KnowledgeGraph.Api.GraphQL.Pipeline;

/// <summary>
/// Moves an operation to the thread pool before it executes, unless it is cheap enough to run
/// on the socket thread that read it (see <see cref="Hosting.IoThreads"/>).
/// </summary>
/// <remarks>
/// Cheap means a query that <see cref="QueryLimitsRule"/> priced at most
/// <see cref="QueryLimitsRule.IoThreadCostLimit"/> and whose fields only look records up by
/// key: <c>node</c> or <c>nodes</c> and the relations below them, without <c>where</c>,
/// <c>order</c>, <c>last</c> or <c>totalCount</c>. Everything else moves: mutations, the root
/// lists (they page by offset), aggregates, search, paths, extraction, the change log and
/// introspection, whose work their price does not bound. On a thread-pool thread (inline
/// scheduling off) nothing moves.
/// </remarks>
internal sealed partial class IoThreadPolicy(ILogger<IoThreadPolicy> logger) : DocumentExecutionListenerBase
{
    public override async Task BeforeExecutionAsync(IExecutionContext context)
    {
        var cheap = context.Operation.Operation == OperationType.Query
            && context.UserContext is RequestContext { MayRunOnIoThread: true };
        if (!cheap && !Thread.CurrentThread.IsThreadPoolThread)
        {
            // No synchronization context here: the rest of the execution continues on the pool.
            await Task.Yield();
        }

        if (logger.IsEnabled(LogLevel.Debug))
        {
            LogPlace(logger, context.Operation.Name?.StringValue ?? "(anonymous)", Thread.CurrentThread.IsThreadPoolThread ? "the thread pool" : "the socket thread");
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Operation {Operation} executes on {Place}.")]
    private static partial void LogPlace(ILogger logger, string operation, string place);
}
