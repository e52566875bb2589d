using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>
/// The prepared commands of one open connection, by SQL text, least recently used first out.
/// Microsoft.Data.Sqlite compiles a command's SQL on its first execution and keeps the compiled
/// statements while the command lives and its text stays the same; a command made anew for every
/// call compiles anew every time, which for the store's queries costs more than running them.
/// Parameters are bound afresh on every execution. SQLite itself recompiles a kept statement
/// whose tables or indexes changed since (<c>sqlite3_prepare_v2</c>), so a schema change never
/// makes a kept statement answer wrongly; the store also drops every kept statement after its
/// own DDL (<see cref="Clear"/>), so that new indexes are planned for at once. SQL longer than
/// <see cref="MaxKeptLength"/> (a filter of many terms, which a client can vary at will) is
/// compiled for its call only, so the memory kept stays small whatever the requests.
/// </summary>
internal sealed class StatementCache(SqliteConnection connection, int capacity) : IDisposable
{
    private readonly Dictionary<string, LinkedListNode<SqliteCommand>> _byText = new(StringComparer.Ordinal);
    private readonly LinkedList<SqliteCommand> _recent = new();
    private SqliteCommand? _oneOff;

    /// <summary>The longest SQL (in characters) whose command is kept.</summary>
    public const int MaxKeptLength = 16 * 1024;

    /// <summary>How many calls found their command kept.</summary>
    public long Reused { get; private set; }

    /// <summary>How many commands were made (and so compiled on their first execution).</summary>
    public long Prepared { get; private set; }

    /// <summary>How many kept commands were disposed to stay within the capacity.</summary>
    public long Evicted { get; private set; }

    /// <summary>How many commands are kept now.</summary>
    public int Count => _byText.Count;

    /// <summary>
    /// The command for <paramref name="sql"/>, kept or new, holding the parameters of
    /// <paramref name="parameters"/> (which is left empty).
    /// </summary>
    public SqliteCommand Get(string sql, SqliteParameterCollection parameters)
    {
        SqliteCommand command;
        if (sql.Length > MaxKeptLength)
        {
            Prepared++;
            ReleaseOneOff();
            command = _oneOff = connection.CreateCommand();
            command.CommandText = sql;
        }
        else if (_byText.TryGetValue(sql, out var node))
        {
            Reused++;
            _recent.Remove(node);
            _recent.AddFirst(node);
            command = node.Value;
            command.Parameters.Clear();
        }
        else
        {
            Prepared++;
            command = connection.CreateCommand();
            command.CommandText = sql;
            _byText[sql] = _recent.AddFirst(command);
            while (_byText.Count > capacity)
            {
                var last = _recent.Last!;
                _recent.RemoveLast();
                _byText.Remove(last.Value.CommandText);
                last.Value.Dispose();
                Evicted++;
            }
        }

        foreach (SqliteParameter parameter in parameters)
        {
            command.Parameters.Add(parameter);
        }

        parameters.Clear();
        return command;
    }

    /// <summary>Disposes the command of the last call whose SQL was too long to keep.</summary>
    public void ReleaseOneOff()
    {
        _oneOff?.Dispose();
        _oneOff = null;
    }

    /// <summary>Disposes every kept command (their compiled statements with them).</summary>
    public void Clear()
    {
        ReleaseOneOff();
        foreach (var command in _recent)
        {
            command.Dispose();
        }

        _recent.Clear();
        _byText.Clear();
    }

    /// <inheritdoc />
    public void Dispose() => Clear();
}
