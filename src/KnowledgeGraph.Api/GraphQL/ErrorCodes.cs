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

    /// <summary>A search text with no word to search for, or too long.</summary>
    public const string InvalidSearch = "INVALID_SEARCH";

    /// <summary>Too many ids were passed to <c>nodes</c>.</summary>
    public const string TooManyIds = "TOO_MANY_IDS";

    /// <summary>The request body or its parameters are malformed.</summary>
    public const string BadRequest = "BAD_REQUEST";

    /// <summary>The operation ran past the execution timeout.</summary>
    public const string Timeout = "TIMEOUT";

    /// <summary>Something failed inside the server; the log has the details under the request id.</summary>
    public const string Internal = "INTERNAL_SERVER_ERROR";

    /// <summary>The operation needs an API key and the request carried none (401).</summary>
    public const string NotAuthenticated = "AUTH_NOT_AUTHENTICATED";

    /// <summary>The request's API key is not one this server knows (403).</summary>
    public const string NotAuthorized = "AUTH_NOT_AUTHORIZED";

    /// <summary>The operation selects fields nested deeper than the depth limit.</summary>
    public const string MaxDepthExceeded = "MAX_DEPTH_EXCEEDED";

    /// <summary>The operation's estimated cost is above the complexity limit.</summary>
    public const string MaxComplexityExceeded = "MAX_COMPLEXITY_EXCEEDED";

    /// <summary>An introspection query nests list fields deeper than any tool needs.</summary>
    public const string IntrospectionTooDeep = "INTROSPECTION_TOO_DEEP";

    /// <summary>Introspection is switched off on this server (GraphQL.NET's code, kept as is).</summary>
    public const string NoIntrospection = "NO_INTROSPECTION";

    /// <summary>A persisted query hash the server does not know: send the query with the hash.</summary>
    public const string PersistedQueryNotFound = "PERSISTED_QUERY_NOT_FOUND";

    /// <summary>Persisted queries are switched off on this server: send the query.</summary>
    public const string PersistedQueryNotSupported = "PERSISTED_QUERY_NOT_SUPPORTED";

    /// <summary>The persisted query hash is not the SHA-256 of the query sent with it.</summary>
    public const string PersistedQueryHashMismatch = "PERSISTED_QUERY_HASH_MISMATCH";

    /// <summary>The document has more tokens than <c>MaxTokens</c>.</summary>
    public const string DocumentTooLarge = "DOCUMENT_TOO_LARGE";

    /// <summary>Braces, brackets or parentheses nest deeper than <c>MaxNesting</c>.</summary>
    public const string MaxNestingExceeded = "MAX_NESTING_EXCEEDED";

    /// <summary>The document does not parse.</summary>
    public const string SyntaxError = "SYNTAX_ERROR";

    /// <summary>More fields than <c>MaxFields</c> once fragments are expanded.</summary>
    public const string TooManyFields = "TOO_MANY_FIELDS";

    /// <summary>One response name selected more often than <c>MaxRepeatedFields</c> in one selection set.</summary>
    public const string TooManyRepeatedFields = "TOO_MANY_REPEATED_FIELDS";

    /// <summary>More aliases than <c>MaxAliases</c>.</summary>
    public const string TooManyAliases = "TOO_MANY_ALIASES";

    /// <summary>More fragment definitions than <c>MaxFragments</c>.</summary>
    public const string TooManyFragments = "TOO_MANY_FRAGMENTS";

    /// <summary>Fragments spread fragments deeper than <c>MaxFragmentDepth</c>.</summary>
    public const string FragmentsTooDeep = "FRAGMENTS_TOO_DEEP";

    /// <summary>Input objects or lists nest deeper than <c>MaxInputDepth</c>.</summary>
    public const string InputTooDeep = "INPUT_TOO_DEEP";

    /// <summary>A list longer than <c>MaxListLength</c> in an argument or variable.</summary>
    public const string ListTooLong = "LIST_TOO_LONG";

    /// <summary>More <c>__schema</c>/<c>__type</c> fields than <c>MaxIntrospectionFields</c>.</summary>
    public const string TooManyIntrospectionFields = "TOO_MANY_INTROSPECTION_FIELDS";

    /// <summary>The answer is larger than <c>MaxResponseBytes</c>.</summary>
    public const string ResponseTooLarge = "RESPONSE_TOO_LARGE";

    /// <summary>A string of the request is not valid Unicode (invalid UTF-8, a lone surrogate).</summary>
    public const string InvalidUnicode = "INVALID_UNICODE";

    /// <summary>An error for the client, with its code.</summary>
    public static ExecutionError Error(string code, string message) => new(message) { Code = code };
}
