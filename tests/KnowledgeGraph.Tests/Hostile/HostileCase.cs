using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace KnowledgeGraph.Tests.Hostile;

/// <summary>
/// One request of the hostile battery and what the server must answer: the status and the
/// error code (null: a clean answer with no errors; <see cref="NoBody"/>: a status without a
/// GraphQL body, such as a 404 for a path).
/// </summary>
public sealed record HostileCase(string Class, string Name, Func<HttpRequestMessage> Request, HttpStatusCode Status, string? Code)
{
    /// <summary>The code of a case whose answer is not a GraphQL response.</summary>
    public const string NoBody = "-";

    public override string ToString() => $"{Class}: {Name}";

    public static HostileCase Post(string @class, string name, object body, HttpStatusCode status, string? code) =>
        new(@class, name, () => Raw(JsonSerializer.Serialize(body)), status, code);

    public static HostileCase Query(string @class, string name, string query, HttpStatusCode status, string? code, object? variables = null) =>
        Post(@class, name, variables is null ? new { query } : new { query, variables }, status, code);

    public static HostileCase Body(string @class, string name, string body, HttpStatusCode status, string? code, string contentType = "application/json", string accept = "application/graphql-response+json") =>
        new(@class, name, () => Raw(body, contentType, accept), status, code);

    public static HostileCase Bytes(string @class, string name, byte[] body, HttpStatusCode status, string? code) =>
        new(@class, name, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Accept.ParseAdd("application/graphql-response+json");
            return request;
        }, status, code);

    public static HostileCase Get(string @class, string name, string pathAndQuery, HttpStatusCode status, string? code, string accept = "application/graphql-response+json") =>
        new(@class, name, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
            request.Headers.Accept.ParseAdd(accept);
            return request;
        }, status, code);

    public static HostileCase Method(string @class, string name, HttpMethod method, string path, HttpStatusCode status) =>
        new(@class, name, () => new HttpRequestMessage(method, path) { Content = new StringContent("{\"query\":\"{ __typename }\"}", Encoding.UTF8, "application/json") }, status, NoBody);

    private static HttpRequestMessage Raw(string body, string contentType = "application/json", string accept = "application/graphql-response+json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        if (accept.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return request;
    }
}
