using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>
/// The columns of the row a reader stands on, read through the statement's native pointer.
/// Valid only while the reader stays on that row: never keep one.
/// </summary>
/// <remarks>
/// Microsoft.Data.Sqlite reads a column with two or three calls into SQLite (its type, then
/// its value and length), and each call takes and releases a reference on the statement's
/// <see cref="SafeHandle"/> and switches the thread into native code and back. A who-said-what
/// request reads some 650 columns that way. The statement cannot be finalized while
/// its reader stands on a row, so a row is read here through the raw pointer: a text column in
/// two calls (its text, whose null pointer is SQL NULL, then its length), and the calls skip
/// the GC transition, as they return at once, never block and never call back into .NET.
/// </remarks>
internal readonly unsafe partial struct SqliteRow
{
    private const int SqliteNullType = 5;

    private readonly nint _statement;

    /// <summary>The row <paramref name="reader"/> stands on.</summary>
    public SqliteRow(SqliteDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _statement = reader.Handle?.DangerousGetHandle() ?? throw new InvalidOperationException("The reader has no statement.");
    }

    /// <summary>Whether the column holds SQL NULL.</summary>
    public bool IsDBNull(int ordinal) => Native.ColumnType(_statement, ordinal) == SqliteNullType;

    /// <summary>The column's text; SQL NULL is an <see cref="InvalidCastException"/>, as in Microsoft.Data.Sqlite.</summary>
    public string GetString(int ordinal) => GetNullableString(ordinal) ?? throw NullAt(ordinal);

    /// <summary>The column's text, or null for SQL NULL.</summary>
    public string? GetNullableString(int ordinal)
    {
        var text = Native.ColumnText(_statement, ordinal);
        if (text is null)
        {
            return null;
        }

        var length = Native.ColumnBytes(_statement, ordinal);
        return length == 0 ? string.Empty : Encoding.UTF8.GetString(text, length);
    }

    /// <summary>The column's text as SQLite holds it (UTF-8), valid until the reader moves; SQL NULL is an <see cref="InvalidCastException"/>.</summary>
    public ReadOnlySpan<byte> GetUtf8(int ordinal)
    {
        var text = Native.ColumnText(_statement, ordinal);
        return text is null ? throw NullAt(ordinal) : new ReadOnlySpan<byte>(text, Native.ColumnBytes(_statement, ordinal));
    }

    /// <summary>The column's integer; SQL NULL is an <see cref="InvalidCastException"/>.</summary>
    public long GetInt64(int ordinal) => IsDBNull(ordinal) ? throw NullAt(ordinal) : Native.ColumnInt64(_statement, ordinal);

    /// <summary>The column's integer, or null for SQL NULL.</summary>
    public long? GetNullableInt64(int ordinal) => IsDBNull(ordinal) ? null : Native.ColumnInt64(_statement, ordinal);

    private static InvalidCastException NullAt(int ordinal) => new($"Column {ordinal} holds NULL where a value is required.");

    /// <summary>SQLite's column accessors, called without the GC transition (see the remarks above).</summary>
    private static partial class Native
    {
        private const string Library = "e_sqlite3";

        [LibraryImport(Library, EntryPoint = "sqlite3_column_type")]
        [SuppressGCTransition]
        public static partial int ColumnType(nint statement, int ordinal);

        [LibraryImport(Library, EntryPoint = "sqlite3_column_text")]
        [SuppressGCTransition]
        public static partial byte* ColumnText(nint statement, int ordinal);

        [LibraryImport(Library, EntryPoint = "sqlite3_column_bytes")]
        [SuppressGCTransition]
        public static partial int ColumnBytes(nint statement, int ordinal);

        [LibraryImport(Library, EntryPoint = "sqlite3_column_int64")]
        [SuppressGCTransition]
        public static partial long ColumnInt64(nint statement, int ordinal);
    }
}
