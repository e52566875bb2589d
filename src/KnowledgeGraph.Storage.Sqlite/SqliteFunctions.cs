using System.Text;
using KnowledgeGraph.Domain.Query;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Storage.Sqlite;

/// <summary>
/// Functions the store's SQL calls that SQLite lacks, registered on every connection it opens.
/// SQLite's own <c>lower()</c> folds only A–Z; the case-insensitive filters need the same Unicode
/// folding as the other stores (<see cref="CaseFolding.Fold"/>).
/// </summary>
internal static class SqliteFunctions
{
    private const string FoldFunction = "kg_fold";

    /// <summary>
    /// The SQL expression of the folded <paramref name="column"/>, NULL for NULL. The text passes
    /// to and from the function as UTF-8 bytes: a TEXT argument or result would be cut at its
    /// first U+0000.
    /// </summary>
    public static string Fold(string column) => $"CAST({FoldFunction}(CAST({column} AS BLOB)) AS TEXT)";

    public static void Register(SqliteConnection connection) =>
        connection.CreateFunction<byte[]?, byte[]?>(
            FoldFunction,
            utf8 => utf8 is null ? null : Encoding.UTF8.GetBytes(CaseFolding.Fold(Encoding.UTF8.GetString(utf8))),
            isDeterministic: true);
}
