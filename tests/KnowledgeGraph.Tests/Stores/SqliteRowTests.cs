using KnowledgeGraph.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Tests.Stores;

/// <summary>
/// Reading a row through the statement's native pointer gives what Microsoft.Data.Sqlite's
/// reader gives for the same columns, SQL NULL included, on a real SQLite connection.
/// </summary>
public sealed class SqliteRowTests
{
    private const string Row = "SELECT NULL, '', 'Zoë Quillane — “quoted”', 42, -7, '2024-02-29', 3.5";

    [Fact]
    public void Text_integers_and_null_read_as_the_reader_reads_them() => OnRow(reader =>
    {
        var row = new SqliteRow(reader);

        Assert.Equal(
            Enumerable.Range(0, reader.FieldCount).Select(reader.IsDBNull),
            Enumerable.Range(0, reader.FieldCount).Select(row.IsDBNull));
        Assert.Null(row.GetNullableString(0));
        Assert.Null(row.GetNullableInt64(0));
        foreach (var ordinal in Enumerable.Range(1, reader.FieldCount - 1))
        {
            Assert.Equal(reader.GetString(ordinal), row.GetString(ordinal));
            Assert.Equal(reader.GetString(ordinal), row.GetNullableString(ordinal));
            Assert.Equal(System.Text.Encoding.UTF8.GetBytes(reader.GetString(ordinal)), row.GetUtf8(ordinal).ToArray());
        }

        Assert.Equal(string.Empty, row.GetString(1));
        Assert.Equal("Zoë Quillane — “quoted”", row.GetString(2));
        Assert.Equal(42L, row.GetInt64(3));
        Assert.Equal(-7L, row.GetNullableInt64(4));
        Assert.Equal(reader.GetInt64(5), row.GetInt64(5)); // text converted by SQLite, as the reader converts it
    });

    [Fact]
    public void A_required_value_that_is_null_is_an_invalid_cast_naming_the_column() => OnRow(reader =>
    {
        foreach (var read in new Action[] { () => new SqliteRow(reader).GetString(0), () => new SqliteRow(reader).GetInt64(0), () => new SqliteRow(reader).GetUtf8(0) })
        {
            var error = Assert.Throws<InvalidCastException>(read);
            Assert.Equal("Column 0 holds NULL where a value is required.", error.Message);
        }
    });

    /// <summary>Runs <paramref name="read"/> with a real reader standing on the one row of <see cref="Row"/>.</summary>
    private static void OnRow(Action<SqliteDataReader> read)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = Row;
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        read(reader);
    }
}
