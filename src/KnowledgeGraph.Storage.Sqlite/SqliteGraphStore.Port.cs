using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Import;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Ports;
using KnowledgeGraph.Domain.Query;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>
/// The port methods: each runs its SQL and turns SQLite's failures into the store vocabulary
/// every store shares (<see cref="StoreException"/>), so a locked, full or unreadable database
/// reaches a client as <c>STORE_UNAVAILABLE</c>, as an unreachable Neo4j does, and never as an
/// internal error. Messages name SQLite's result code, never the SQL.
/// </summary>
public sealed partial class SqliteGraphStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<T>> GetAsync<T>(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
        where T : Node =>
        GuardAsync(() => GetCoreAsync<T>(keys, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<Page<T>> ListAsync<T>(Filter? where, IReadOnlyList<SortField> order, PageRequest page, CancellationToken cancellationToken)
        where T : Node =>
        GuardAsync(() => ListCoreAsync<T>(where, order, page, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, Page<T>>> ExpandAsync<T>(
        Relation<T> relation,
        IReadOnlyCollection<string> parentKeys,
        Filter? where,
        IReadOnlyList<SortField> order,
        PageRequest page,
        CancellationToken cancellationToken)
        where T : class =>
        GuardAsync(() => ExpandCoreAsync(relation, parentKeys, where, order, page, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken) =>
        GuardAsync(async () => { await InitializeCoreAsync(cancellationToken); return true; }, cancellationToken);

    /// <inheritdoc />
    public Task<bool> IsEmptyAsync(CancellationToken cancellationToken) =>
        GuardAsync(() => IsEmptyCoreAsync(cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlySet<NodeId>> ExistingAsync(IReadOnlyCollection<NodeId> keys, CancellationToken cancellationToken) =>
        GuardAsync(() => ExistingCoreAsync(keys, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task ImportAsync(GraphBatch batch, CancellationToken cancellationToken) =>
        GuardAsync(async () => { await ImportCoreAsync(batch, cancellationToken); return true; }, cancellationToken);

    /// <summary>What a SQLite failure means to a client of the store.</summary>
    internal static Exception Translate(SqliteException e, CancellationToken cancellationToken)
    {
        // Result codes: https://www.sqlite.org/rescode.html (the primary code is the low byte).
        var code = e.SqliteErrorCode & 0xFF;
        var name = CodeName(code);
        if (code == 9 && cancellationToken.IsCancellationRequested)
        {
            // SQLITE_INTERRUPT: InterruptibleConnection stopped the statement for this token.
            return new OperationCanceledException("The SQLite statement was interrupted because the call was cancelled.", e, cancellationToken);
        }

        return code switch
        {
            5 or 6 => new StoreException(StoreException.Unavailable, $"The SQLite database is locked by another connection ({name}); try again later.", e),
            13 => new StoreException(StoreException.Unavailable, $"The SQLite database cannot grow: its disk or quota is full ({name}).", e),
            10 or 14 or 3 or 8 or 7 or 15 => new StoreException(StoreException.Unavailable, $"The SQLite database file cannot be read or written ({name}).", e),
            11 or 26 => new StoreException(StoreException.Failed, $"The SQLite database file is damaged or is not a database ({name}).", e),
            _ => new StoreException(StoreException.Failed, $"SQLite rejected the statement ({name}).", e),
        };
    }

    private static string CodeName(int code) => code switch
    {
        1 => "SQLITE_ERROR",
        3 => "SQLITE_PERM",
        5 => "SQLITE_BUSY",
        6 => "SQLITE_LOCKED",
        7 => "SQLITE_NOMEM",
        8 => "SQLITE_READONLY",
        9 => "SQLITE_INTERRUPT",
        10 => "SQLITE_IOERR",
        11 => "SQLITE_CORRUPT",
        13 => "SQLITE_FULL",
        14 => "SQLITE_CANTOPEN",
        15 => "SQLITE_PROTOCOL",
        19 => "SQLITE_CONSTRAINT",
        26 => "SQLITE_NOTADB",
        _ => "SQLite result code " + code.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Runs <paramref name="call"/>, its SQLite failures told in the store's words (<see cref="Translate"/>).</summary>
    internal static async Task<T> GuardAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (SqliteException e)
        {
            throw Translate(e, cancellationToken);
        }
    }
}
