using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Api.Auth;

/// <summary>What a request's API key amounts to.</summary>
/// <param name="Presented">Whether the request carried a key at all.</param>
/// <param name="Name">The name of the configured key it matched, or null.</param>
public readonly record struct KeyCheck(bool Presented, string? Name);

/// <summary>
/// Checks the key a request carries (<c>X-Api-Key</c>, or <c>Authorization: Bearer …</c>) against
/// the configured ones. Keys are compared by their SHA-256 digests in constant time, every
/// configured key every time, so neither the timing nor the length of a wrong guess tells
/// anything. A key is never logged.
/// </summary>
public sealed class ApiKeys(IOptionsMonitor<AuthOptions> options)
{
    /// <summary>The header clients send their key in.</summary>
    public const string Header = "X-Api-Key";

    /// <summary>Where the matched key's name is kept for the rest of the request.</summary>
    public const string NameItem = "KnowledgeGraph.ApiKeyName";

    /// <summary>The current settings.</summary>
    public AuthOptions Options => options.CurrentValue;

    /// <summary>Checks the request's key.</summary>
    public KeyCheck Check(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var presented = Presented(request);
        if (presented is null)
        {
            return new KeyCheck(false, null);
        }

        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        string? match = null;
        foreach (var (name, key) in options.CurrentValue.ApiKeys)
        {
            if (string.IsNullOrEmpty(key))
            {
                continue;
            }

            if (CryptographicOperations.FixedTimeEquals(digest, SHA256.HashData(Encoding.UTF8.GetBytes(key))) && match is null)
            {
                match = name;
            }
        }

        return new KeyCheck(true, match);
    }

    private static string? Presented(HttpRequest request)
    {
        var header = request.Headers[Header].ToString();
        if (header.Length > 0)
        {
            return header;
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && authorization.Length > 7
            ? authorization[7..].Trim()
            : null;
    }
}
