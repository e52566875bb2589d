using System.Data;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>
/// Open connections that the store's read calls borrow and give back, each keeping its compiled
/// statements (<see cref="StatementCache"/>). Microsoft.Data.Sqlite's own pool keeps the handle
/// but not the statements: closing a connection disposes every command made on it, and opening
/// one again runs <c>PRAGMA foreign_keys</c> and registers the store's functions anew. A
/// connection stays here open, functions registered, statements compiled, for the next call.
/// At most <c>maxIdle</c> wait idle; one more is closed when it comes back. Each has a page cache
/// of <c>cacheKiB</c>: idle connections are handed out most recently used first, so the few that
/// the load needs keep their pages warm. Each maps the first <c>mapBytes</c> of the file into
/// memory (<c>PRAGMA mmap_size</c>), so that a page the operating system already holds is read in
/// place, with neither a system call nor a copy.
/// </summary>
internal sealed class ReadConnections(string connectionString, int maxIdle, int statementsPerConnection, int cacheKiB, long mapBytes) : IDisposable
{
    private readonly Stack<ReadConnection> _idle = new();
    private readonly Lock _lock = new();
    private int _generation;
    private bool _disposed;

    /// <summary>How many connections wait idle now.</summary>
    public int IdleCount
    {
        get
        {
            lock (_lock)
            {
                return _idle.Count;
            }
        }
    }

    /// <summary>The kept statements of each idle connection (for tests).</summary>
    public IReadOnlyList<StatementCache> IdleStatements()
    {
        lock (_lock)
        {
            return [.. _idle.Select(c => c.Statements)];
        }
    }

    /// <summary>
    /// An open connection for one call, interrupted when <paramref name="cancellationToken"/>
    /// fires; disposing it gives it back.
    /// </summary>
    public async Task<ReadConnection> RentAsync(CancellationToken cancellationToken)
    {
        ReadConnection? rented = null;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _idle.TryPop(out rented);
        }

        var generation = Volatile.Read(ref _generation);
        if (rented is null)
        {
            var connection = new InterruptibleConnection(connectionString);
            try
            {
                await connection.OpenAsync(cancellationToken);
                SqliteFunctions.Register(connection);
                await using var pragma = connection.CreateCommand();
                pragma.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size = -{cacheKiB}; PRAGMA mmap_size = {mapBytes}");
                await pragma.ExecuteNonQueryAsync(cancellationToken);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }

            rented = new ReadConnection(this, connection, new StatementCache(connection, statementsPerConnection), generation);
        }
        else if (rented.Generation != generation)
        {
            rented.Statements.Clear();
            rented.Generation = generation;
        }

        rented.Connection.InterruptOn(cancellationToken);
        return rented;
    }

    /// <summary>Makes every connection drop its kept statements before its next call (after DDL).</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    /// <summary>Closes the idle connections (those in use close when they come back only if over the bound).</summary>
    public void ClearIdle()
    {
        ReadConnection[] idle;
        lock (_lock)
        {
            idle = [.. _idle];
            _idle.Clear();
        }

        foreach (var connection in idle)
        {
            connection.Close();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
        }

        ClearIdle();
    }

    internal void Return(ReadConnection connection)
    {
        connection.Connection.StopInterrupting();
        connection.Builder.Parameters.Clear();
        connection.Statements.ReleaseOneOff();

        // Only a connection in its resting state goes back: open, with no transaction left behind.
        var reusable = connection.Connection.State == ConnectionState.Open
            && connection.Connection.Handle is { } handle
            && SQLitePCL.raw.sqlite3_get_autocommit(handle) != 0;
        lock (_lock)
        {
            if (reusable && !_disposed && _idle.Count < maxIdle)
            {
                _idle.Push(connection);
                return;
            }
        }

        connection.Close();
    }
}

/// <summary>A connection borrowed from <see cref="ReadConnections"/> for one call; disposing it gives it back.</summary>
internal sealed class ReadConnection : IAsyncDisposable
{
    private readonly ReadConnections _owner;

    internal ReadConnection(ReadConnections owner, InterruptibleConnection connection, StatementCache statements, int generation)
    {
        _owner = owner;
        Connection = connection;
        Statements = statements;
        Generation = generation;
    }

    public InterruptibleConnection Connection { get; }

    public StatementCache Statements { get; }

    /// <summary>Holds the parameters while a call writes its SQL (<see cref="SqlFilter"/>); never executed.</summary>
    public SqliteCommand Builder { get; } = new();

    internal int Generation { get; set; }

    /// <summary>The kept (or a new) command for <paramref name="sql"/>, with the parameters gathered in <see cref="Builder"/>.</summary>
    public SqliteCommand Command(string sql) => Statements.Get(sql, Builder.Parameters);

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _owner.Return(this);
        return ValueTask.CompletedTask;
    }

    internal void Close()
    {
        Statements.Dispose();
        Builder.Dispose();
        Connection.Dispose();
    }
}
