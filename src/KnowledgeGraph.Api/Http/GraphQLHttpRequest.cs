using System.Text.Json;

namespace KnowledgeGraph.Api.Http;

/// <summary>The parameters of a GraphQL-over-HTTP request, before execution.</summary>
internal sealed record GraphQLHttpRequest(string Query, string? OperationName, JsonElement? Variables, JsonElement? Extensions)
{
    /// <summary>Reads a POST body, or says what is wrong with it.</summary>
    public static GraphQLHttpRequest Parse(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new BadRequestException($"The request body must be a JSON object, not {Describe(body.ValueKind)}.");
        }

        JsonElement? Property(string name) => body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

        var query = Property("query");
        if (query is null)
        {
            throw new BadRequestException("The request has no 'query': send the GraphQL document as a string in 'query'.");
        }

        if (query.Value.ValueKind != JsonValueKind.String)
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

        return new GraphQLHttpRequest(query.Value.GetString()!, operationName?.GetString(), variables, extensions);
    }

    /// <summary>Reads the query-string parameters of a GET.</summary>
    public static GraphQLHttpRequest Parse(IQueryCollection query)
    {
        var text = query["query"].ToString();
        if (string.IsNullOrEmpty(text))
        {
            throw new BadRequestException("The request has no 'query' parameter.");
        }

        var operationName = query["operationName"].ToString();
        return new GraphQLHttpRequest(
            text,
            string.IsNullOrEmpty(operationName) ? null : operationName,
            JsonParameter(query, "variables"),
            JsonParameter(query, "extensions"));
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

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "an object",
    };
}

/// <summary>A request the endpoint cannot run, with the status code to answer.</summary>
internal sealed class BadRequestException(string message, int statusCode = StatusCodes.Status400BadRequest) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}
