using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>
/// A connection whose running statement stops when a token fires. Microsoft.Data.Sqlite runs
/// its "async" calls synchronously and its <see cref="SqliteCommand.Cancel"/> does nothing, so
/// without this a cancelled (or timed-out) request would keep its thread inside SQLite until
/// the statement ends. The token calls <c>sqlite3_interrupt</c> on the connection's handle;
/// the statement then fails with <c>SQLITE_INTERRUPT</c>, which the store reports as the
/// cancellation it is. SQLite forgets an interrupt that arrives before a statement starts, so a
/// progress handler also checks the token every few thousand virtual-machine steps. Both end
/// before the connection goes back to the pool, so neither reaches a later user of the handle.
/// </summary>
internal sealed class InterruptibleConnection(string connectionString) : SqliteConnection(connectionString)
{
    private const int ProgressSteps = 4096;

    private CancellationTokenRegistration _interrupt;
    private bool _watching;

    /// <summary>Interrupts whatever this connection runs when <paramref name="cancellationToken"/> fires.</summary>
    public void InterruptOn(CancellationToken cancellationToken)
    {
        if (!cancellationToken.CanBeCanceled || Handle is not { } handle)
        {
            return;
        }

        SQLitePCL.raw.sqlite3_progress_handler(handle, ProgressSteps, static token => ((CancellationToken)token).IsCancellationRequested ? 1 : 0, cancellationToken);
        _watching = true;
        _interrupt = cancellationToken.Register(static state => ((InterruptibleConnection)state!).Interrupt(), this);
    }

    /// <summary>Ends what <see cref="InterruptOn"/> started; the connection then runs unwatched.</summary>
    public void StopInterrupting()
    {
        // Waits for a callback already running, so no interrupt can follow the handle into the pool.
        _interrupt.Dispose();
        _interrupt = default;
        if (_watching && Handle is { } handle)
        {
            SQLitePCL.raw.sqlite3_progress_handler(handle, 0, null, null);
            _watching = false;
        }
    }

    /// <inheritdoc />
    public override void Close()
    {
        StopInterrupting();
        base.Close();
    }

    private void Interrupt()
    {
        if (Handle is { } handle)
        {
            SQLitePCL.raw.sqlite3_interrupt(handle);
        }
    }
}
