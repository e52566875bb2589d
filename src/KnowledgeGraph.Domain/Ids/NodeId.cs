using System.Buffers;
using System.Text;

namespace KnowledgeGraph.Domain.Ids;

/// <summary>
/// A node's identity: its type and stable key. Its global id is Base64 of <c>Type:key</c>,
/// the shape HotChocolate's global object identification uses, so ids survive re-imports.
/// </summary>
public readonly record struct NodeId(NodeType Type, string Key)
{
    /// <summary>The Base64 global id of this node.</summary>
    /// <remarks>Written through a stack (or pooled) buffer: ids are made for every node of every answer.</remarks>
    public string Encode()
    {
        var type = Type.ToString();
        var length = Encoding.UTF8.GetMaxByteCount(type.Length + 1 + Key.Length);
        byte[]? rented = null;
        var buffer = length <= 512 ? stackalloc byte[512] : (rented = ArrayPool<byte>.Shared.Rent(length));
        var written = Encoding.UTF8.GetBytes(type, buffer);
        buffer[written++] = (byte)':';
        written += Encoding.UTF8.GetBytes(Key, buffer[written..]);
        var id = Convert.ToBase64String(buffer[..written]);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return id;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Type}:{Key}";

    /// <summary>Decodes a global id, or says in <paramref name="error"/> why it is not one.</summary>
    public static bool TryDecode(string? id, out NodeId nodeId, out string error)
    {
        nodeId = default;
        if (string.IsNullOrEmpty(id))
        {
            error = "The id is empty.";
            return false;
        }

        string raw;
        try
        {
            raw = Encoding.UTF8.GetString(Convert.FromBase64String(id));
        }
        catch (FormatException)
        {
            error = $"The id '{id}' is not Base64.";
            return false;
        }

        var colon = raw.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !Enum.TryParse<NodeType>(raw[..colon], ignoreCase: false, out var type)
            || !Enum.IsDefined(type) || char.IsDigit(raw[0]))
        {
            error = $"The id '{id}' does not name a node type (expected Base64 of 'Type:key').";
            return false;
        }

        var key = raw[(colon + 1)..];
        if (!Slug.IsValid(key))
        {
            error = $"The id '{id}' has an invalid key '{key}'.";
            return false;
        }

        nodeId = new NodeId(type, key);
        error = string.Empty;
        return true;
    }
}
