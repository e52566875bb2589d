using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>
/// A connection whose running statement stops when a token fires. Microsoft.Data.Sqlite runs
/// its "async" calls synchronously and its <see cref="SqliteCommand.Cancel"/> does nothing, so
/// without this a cancelled (or timed-out) request would keep its thread inside SQLite until
/// the statement ends. The token calls <c>sqlite3_interrupt</c> on the connection's handle;
/// the statement then fails with <c>SQLITE_INTERRUPT</c>, which the store reports as the
/// cancellation it is. SQLite forgets an interrupt that arrives before a statement starts, so a
/// progress handler, set once per open handle, also checks the watched token every few thousand
/// virtual-machine steps. Both end before the connection goes back to the pool, so neither
/// reaches a later user of the handle.
/// </summary>
internal sealed class InterruptibleConnection(string connectionString) : SqliteConnection(connectionString)
{
    private const int ProgressSteps = 4096;

    private CancellationTokenRegistration _interrupt;

    // The token the progress handler checks. The handler is set once per open handle and reads
    // this field, so watching a call costs a field write and a token registration, not a native
    // handler (and its managed hook) made and freed per call.
    private readonly Watch _watch = new();
    private SQLitePCL.sqlite3? _handlerOn;

    /// <summary>Interrupts whatever this connection runs when <paramref name="cancellationToken"/> fires.</summary>
    public void InterruptOn(CancellationToken cancellationToken)
    {
        if (!cancellationToken.CanBeCanceled || Handle is not { } handle)
        {
            return;
        }

        if (!ReferenceEquals(_handlerOn, handle))
        {
            SQLitePCL.raw.sqlite3_progress_handler(handle, ProgressSteps, static state => ((Watch)state).Token.IsCancellationRequested ? 1 : 0, _watch);
            _handlerOn = handle;
        }

        _watch.Token = cancellationToken;
        _interrupt = cancellationToken.Register(static state => ((InterruptibleConnection)state!).Interrupt(), this);
    }

    /// <summary>Ends what <see cref="InterruptOn"/> started; the connection then runs unwatched.</summary>
    public void StopInterrupting()
    {
        // Waits for a callback already running, so no interrupt can follow the handle into the pool.
        _interrupt.Dispose();
        _interrupt = default;
        _watch.Token = default;
    }

    /// <inheritdoc />
    public override void Close()
    {
        StopInterrupting();
        if (_handlerOn is not null && Handle is { } handle && ReferenceEquals(_handlerOn, handle))
        {
            SQLitePCL.raw.sqlite3_progress_handler(handle, 0, null, null);
        }

        _handlerOn = null;
        base.Close();
    }

    /// <summary>What the progress handler checks (a class of its own: a connection is marshalled by reference).</summary>
    private sealed class Watch
    {
        public CancellationToken Token;
    }

    private void Interrupt()
    {
        if (Handle is { } handle)
        {
            SQLitePCL.raw.sqlite3_interrupt(handle);
        }
    }
}
