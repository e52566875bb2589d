using System.Buffers;

namespace KnowledgeGraph.Api.GraphQL.Protection;

/// <summary>
/// A write-only memory buffer that refuses to grow past a cap (<see cref="ResponseTooLargeException"/>).
/// Its memory is rented from the shared array pool and returned on dispose, so that an answer
/// costs no garbage however large it is; <see cref="WrittenMemory"/> is what was written.
/// </summary>
internal sealed class BoundedBuffer(long capacity) : Stream
{
    private const int InitialSize = 4096;

    private byte[] _buffer = [];
    private int _length;

    /// <summary>The bytes written so far; valid until the buffer is disposed.</summary>
    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _length);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Ensure(buffer.Length);
        buffer.CopyTo(_buffer.AsSpan(_length));
        _length += buffer.Length;
    }

    public override void WriteByte(byte value) => Write([value]);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
            _length = 0;
        }

        base.Dispose(disposing);
    }

    private void Ensure(int count)
    {
        var needed = (long)_length + count;
        if (capacity > 0 && needed > capacity)
        {
            throw new ResponseTooLargeException();
        }

        if (needed <= _buffer.Length)
        {
            return;
        }

        // Doubling, within the pool's arrays; a copy on growth, never garbage.
        var size = Math.Max(Math.Max(_buffer.Length * 2L, InitialSize), needed);
        var grown = ArrayPool<byte>.Shared.Rent((int)Math.Min(size, Array.MaxLength));
        _buffer.AsSpan(0, _length).CopyTo(grown);
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }

        _buffer = grown;
    }
}

/// <summary>An answer grew past <c>MaxResponseBytes</c>.</summary>
internal sealed class ResponseTooLargeException : IOException
{
    public ResponseTooLargeException()
        : base("The response is larger than the configured maximum.")
    {
    }
}
