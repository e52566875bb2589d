using System.Buffers;
using System.Text.Json;

namespace KnowledgeGraph.Api.Http;

/// <summary>
/// A POST body read into memory rented from the shared array pool, and the JSON document parsed
/// over it (the document reads that memory in place); both are given back on dispose, at the
/// end of the request, once the variables have been read.
/// </summary>
internal sealed class RequestBody : IDisposable
{
    private const int InitialSize = 4096;

    private byte[] _buffer = [];
    private JsonDocument? _document;

    /// <summary>The number of bytes read.</summary>
    public int Length { get; private set; }

    /// <summary>Reads the whole stream; false, having read no further, once it holds more than <paramref name="limit"/> bytes.</summary>
    public async Task<bool> ReadAsync(Stream stream, long? contentLength, long limit, CancellationToken cancellationToken)
    {
        Grow(contentLength is > 0 and var length && length <= limit ? (int)length + 1 : InitialSize);
        while (true)
        {
            if (Length == _buffer.Length)
            {
                Grow(_buffer.Length * 2);
            }

            var read = await stream.ReadAsync(_buffer.AsMemory(Length), cancellationToken);
            if (read == 0)
            {
                return true;
            }

            Length += read;
            if (Length > limit)
            {
                return false;
            }
        }
    }

    /// <summary>The body as a JSON document; throws <see cref="JsonException"/> when it is not JSON.</summary>
    public JsonDocument Parse() => _document ??= JsonDocument.Parse(_buffer.AsMemory(0, Length));

    public void Dispose()
    {
        _document?.Dispose();
        _document = null;
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    private void Grow(int size)
    {
        var grown = ArrayPool<byte>.Shared.Rent(size);
        _buffer.AsSpan(0, Length).CopyTo(grown);
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }

        _buffer = grown;
    }
}
