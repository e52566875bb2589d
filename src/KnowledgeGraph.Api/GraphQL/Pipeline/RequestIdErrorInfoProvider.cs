using GraphQL;
using GraphQL.Execution;

namespace KnowledgeGraph.Api.GraphQL.Pipeline;

/// <summary>
/// Serialises errors with their <c>extensions.code</c> and the request id the server logs
/// (<c>extensions.requestId</c>, also in the <c>KG-Request-Id</c> header); never exception
/// types or stack traces.
/// </summary>
internal sealed class RequestIdErrorInfoProvider(IHttpContextAccessor http)
    : ErrorInfoProvider(new ErrorInfoProviderOptions { ExposeExceptionDetails = false, ExposeData = false })
{
    /// <summary>The extension that carries the request id.</summary>
    public const string RequestIdExtension = "requestId";

    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        if (http.HttpContext?.TraceIdentifier is { } requestId)
        {
            var extensions = info.Extensions ?? new Dictionary<string, object?>(StringComparer.Ordinal);
            extensions[RequestIdExtension] = requestId;
            info.Extensions = extensions;
        }

        return info;
    }
}
