using System.Net;
using System.Text.Json.Nodes;
using KnowledgeGraph.Benchmarks.Load;

namespace KnowledgeGraph.Benchmarks.Peer;

/// <summary>How one workload's first requests compared between the API and the peer.</summary>
/// <param name="Workload">The workload.</param>
/// <param name="Identical">Requests whose answers had the same <c>data</c> and no errors on both.</param>
/// <param name="Compared">Requests compared.</param>
/// <param name="Differences">The first differences, one line each (request number, JSON path, both values).</param>
internal sealed record AnswerComparison(string Workload, int Identical, int Compared, IReadOnlyList<string> Differences)
{
    public bool Same => Identical == Compared;
}

/// <summary>
/// Sends the same requests of a workload to two servers and compares the <c>data</c> of their
/// answers exactly: values, array order and key order (each re-serialised from the parse).
/// </summary>
internal static class AnswerCheck
{
    private const int DifferencesKept = 5;

    public static async Task<AnswerComparison> CompareAsync(LoadRunner api, LoadRunner peer, Workload workload, int samples, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(workload);
        var identical = 0;
        var differences = new List<string>();
        for (var i = 0; i < samples; i++)
        {
            var request = workload.Request(i);
            var a = await api.SendOnceAsync(request, cancellationToken);
            var b = await peer.SendOnceAsync(request, cancellationToken);
            var problem = Problem(a.Status, a.Body, b.Status, b.Body);
            if (problem is null)
            {
                identical++;
            }
            else if (differences.Count < DifferencesKept)
            {
                differences.Add($"request {i}: {problem}");
            }
        }

        return new AnswerComparison(workload.Name, identical, samples, differences);
    }

    /// <summary>Null when both answers are 200, error-free and carry the same non-null <c>data</c>; otherwise what differs.</summary>
    public static string? Problem(HttpStatusCode apiStatus, string apiBody, HttpStatusCode peerStatus, string peerBody)
    {
        if (apiStatus != HttpStatusCode.OK || peerStatus != HttpStatusCode.OK)
        {
            return $"status API {(int)apiStatus}, peer {(int)peerStatus}";
        }

        var a = Parse(apiBody);
        var b = Parse(peerBody);
        if (a?["errors"] is not null || b?["errors"] is not null)
        {
            return $"errors API {Short(a?["errors"])}, peer {Short(b?["errors"])}";
        }

        var dataA = a?["data"];
        var dataB = b?["data"];
        if (dataA is null || dataB is null)
        {
            return "data is null";
        }

        return FirstDifference(dataA, dataB, "$");
    }

    /// <summary>The JSON path of the first difference between two values (object keys compared in order), with both values; null when equal.</summary>
    public static string? FirstDifference(JsonNode? a, JsonNode? b, string path)
    {
        switch (a, b)
        {
            case (null, null):
                return null;
            case (JsonArray x, JsonArray y):
                if (x.Count != y.Count)
                {
                    return $"{path}: length API {x.Count} vs peer {y.Count}";
                }

                for (var i = 0; i < x.Count; i++)
                {
                    if (FirstDifference(x[i], y[i], $"{path}[{i}]") is { } d)
                    {
                        return d;
                    }
                }

                return null;
            case (JsonObject x, JsonObject y):
                var keysA = string.Join(',', x.Select(p => p.Key));
                var keysB = string.Join(',', y.Select(p => p.Key));
                if (keysA != keysB)
                {
                    return $"{path}: keys API {keysA} vs peer {keysB}";
                }

                foreach (var (key, value) in x)
                {
                    if (FirstDifference(value, y[key], $"{path}.{key}") is { } d)
                    {
                        return d;
                    }
                }

                return null;
            default:
                var textA = a?.ToJsonString();
                var textB = b?.ToJsonString();
                return string.Equals(textA, textB, StringComparison.Ordinal) && a?.GetValueKind() == b?.GetValueKind()
                    ? null
                    : $"{path}: API {Short(a)} vs peer {Short(b)}";
        }
    }

    private static JsonNode? Parse(string body)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string Short(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length <= 120 ? text : text[..120] + "…";
    }
}
