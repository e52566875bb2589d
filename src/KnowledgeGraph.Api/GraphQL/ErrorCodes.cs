using GraphQL;

namespace KnowledgeGraph.Api.GraphQL;

/// <summary>The <c>extensions.code</c> values this API reports (listed in the README).</summary>
public static class ErrorCodes
{
    /// <summary>An id is not a valid global id, or names another node type.</summary>
    public const string InvalidId = "INVALID_ID";

    /// <summary>A cursor is not one this API issued.</summary>
    public const string InvalidCursor = "INVALID_CURSOR";

    /// <summary>Paging arguments are out of range or combined in an unsupported way.</summary>
    public const string InvalidPaging = "INVALID_PAGING";

    /// <summary>A page larger than the cap was requested.</summary>
    public const string PageSizeExceeded = "PAGE_SIZE_EXCEEDED";

    /// <summary>A <c>where</c> or <c>order</c> argument is malformed.</summary>
    public const string InvalidFilter = "INVALID_FILTER";

    /// <summary>Too many ids were passed to <c>nodes</c>.</summary>
    public const string TooManyIds = "TOO_MANY_IDS";

    /// <summary>The request body or its parameters are malformed.</summary>
    public const string BadRequest = "BAD_REQUEST";

    /// <summary>The operation ran past the execution timeout.</summary>
    public const string Timeout = "TIMEOUT";

    /// <summary>Something failed inside the server; the log has the details under the request id.</summary>
    public const string Internal = "INTERNAL_SERVER_ERROR";

    /// <summary>An error for the client, with its code.</summary>
    public static ExecutionError Error(string code, string message) => new(message) { Code = code };
}
