namespace KnowledgeGraph.Api.GraphQL.Protection;

/// <summary>A memory buffer that refuses to grow past a cap (<see cref="ResponseTooLargeException"/>).</summary>
internal sealed class BoundedBuffer(long capacity) : MemoryStream
{
    public override void Write(byte[] buffer, int offset, int count)
    {
        Ensure(count);
        base.Write(buffer, offset, count);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Ensure(buffer.Length);
        base.Write(buffer);
    }

    public override void WriteByte(byte value)
    {
        Ensure(1);
        base.WriteByte(value);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Ensure(count);
        return base.WriteAsync(buffer, offset, count, cancellationToken);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Ensure(buffer.Length);
        return base.WriteAsync(buffer, cancellationToken);
    }

    private void Ensure(int count)
    {
        if (capacity > 0 && Position + count > capacity)
        {
            throw new ResponseTooLargeException();
        }
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
