using System.Text.Json;
using KnowledgeGraph.Api.GraphQL;

namespace KnowledgeGraph.Api.Http;

/// <summary>
/// The parameters of a GraphQL-over-HTTP request, before execution. <see cref="Query"/> is null
/// only for a hash-only automatic persisted query (<see cref="PersistedQuery"/> is then set).
/// </summary>
internal sealed record GraphQLHttpRequest(string? Query, string? OperationName, JsonElement? Variables, JsonElement? Extensions)
{
    /// <summary>The <c>extensions.persistedQuery</c> of the request, when it has one.</summary>
    public PersistedQueryExtension? PersistedQuery { get; init; }

    /// <summary>Reads a POST body, or says what is wrong with it.</summary>
    public static GraphQLHttpRequest Parse(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new BadRequestException($"The request body must be a JSON object, not {Describe(body.ValueKind)}.");
        }

        JsonElement? Property(string name) => body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

        var query = Property("query");
        if (query is { ValueKind: not JsonValueKind.String })
        {
            throw new BadRequestException($"'query' must be a string, not {Describe(query.Value.ValueKind)}.");
        }

        var operationName = Property("operationName");
        if (operationName is { ValueKind: not JsonValueKind.String })
        {
            throw new BadRequestException($"'operationName' must be a string or null, not {Describe(operationName.Value.ValueKind)}.");
        }

        var variables = Property("variables");
        if (variables is { ValueKind: not JsonValueKind.Object })
        {
            throw new BadRequestException($"'variables' must be an object or null, not {Describe(variables.Value.ValueKind)}.");
        }

        var extensions = Property("extensions");
        if (extensions is { ValueKind: not JsonValueKind.Object })
        {
            throw new BadRequestException($"'extensions' must be an object or null, not {Describe(extensions.Value.ValueKind)}.");
        }

        return Complete(query?.GetString(), operationName?.GetString(), variables, extensions,
            "The request has no 'query': send the GraphQL document as a string in 'query'.");
    }

    /// <summary>Reads the query-string parameters of a GET.</summary>
    public static GraphQLHttpRequest Parse(IQueryCollection query)
    {
        var text = query["query"].ToString();
        var operationName = query["operationName"].ToString();
        return Complete(
            string.IsNullOrEmpty(text) ? null : text,
            string.IsNullOrEmpty(operationName) ? null : operationName,
            JsonParameter(query, "variables"),
            JsonParameter(query, "extensions"),
            "The request has no 'query' parameter.");
    }

    /// <summary>Reads <c>extensions.persistedQuery</c>; without one, a request needs its query.</summary>
    private static GraphQLHttpRequest Complete(string? query, string? operationName, JsonElement? variables, JsonElement? extensions, string noQuery)
    {
        PersistedQueryExtension? persisted = null;
        if (extensions is { } e && e.TryGetProperty("persistedQuery", out var value) && value.ValueKind != JsonValueKind.Null)
        {
            persisted = PersistedQueryExtension.Parse(value);
        }

        if (query is null && persisted is null)
        {
            throw new BadRequestException(noQuery);
        }

        return new GraphQLHttpRequest(query, operationName, variables, extensions) { PersistedQuery = persisted };
    }

    private static JsonElement? JsonParameter(IQueryCollection query, string name)
    {
        var text = query[name].ToString();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var value = document.RootElement.Clone();
            return value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.Object => value,
                _ => throw new BadRequestException($"'{name}' must be a JSON object, not {Describe(value.ValueKind)}."),
            };
        }
        catch (JsonException e)
        {
            throw new BadRequestException($"'{name}' is not valid JSON: {e.Message}");
        }
    }

    internal static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "an object",
    };
}

/// <summary>Apollo's <c>extensions.persistedQuery</c>: <c>{ "version": 1, "sha256Hash": "…" }</c>.</summary>
internal sealed record PersistedQueryExtension(int Version, string Sha256Hash)
{
    public static PersistedQueryExtension Parse(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new BadRequestException($"'extensions.persistedQuery' must be an object, not {GraphQLHttpRequest.Describe(value.ValueKind)}.");
        }

        if (!value.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var number))
        {
            throw new BadRequestException("'extensions.persistedQuery.version' must be a number (1).");
        }

        if (!value.TryGetProperty("sha256Hash", out var hash) || hash.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(hash.GetString()))
        {
            throw new BadRequestException("'extensions.persistedQuery.sha256Hash' must be the hex SHA-256 of the query.");
        }

        return new PersistedQueryExtension(number, hash.GetString()!);
    }
}

/// <summary>A request the endpoint cannot run, with the status code to answer.</summary>
internal sealed class BadRequestException(string message, int statusCode = StatusCodes.Status400BadRequest, string code = ErrorCodes.BadRequest) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    /// <summary>The <c>extensions.code</c> of the error.</summary>
    public string Code { get; } = code;
}
