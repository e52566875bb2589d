using System.Text;
using KnowledgeGraph.Api.Articles;
using KnowledgeGraph.Api.Negotiations;
using KnowledgeGraph.Api.Organisations;
using KnowledgeGraph.Api.People;
using KnowledgeGraph.Api.Places;
using KnowledgeGraph.Api.Statements;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Query;
using KnowledgeGraph.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Tests.Unit;

/// <summary>The domain's table of each record's fields agrees with the SQLite schema and with what the API offers.</summary>
public sealed class RecordFieldsTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "kg-fields-" + Guid.NewGuid().ToString("N") + ".db");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }

    [Fact]
    public async Task Each_field_is_nullable_exactly_where_the_SQLite_schema_allows_no_value()
    {
        await new SqliteGraphStore(_path).InitializeAsync(Cancel);
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false }.ToString());
        await connection.OpenAsync(Cancel);

        var declared = new StringBuilder();
        var stored = new StringBuilder();
        foreach (var table in RecordFields.ByType.Values.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            var columns = new Dictionary<string, bool>(StringComparer.Ordinal);
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = $"SELECT name, \"notnull\" FROM pragma_table_info('{table.Name.ToLowerInvariant()}')";
                await using var reader = await command.ExecuteReaderAsync(Cancel);
                while (await reader.ReadAsync(Cancel))
                {
                    columns[reader.GetString(0)] = reader.GetInt64(1) == 0;
                }
            }

            foreach (var field in table.Fields.Values.OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                var column = SnakeCase(field.Name);
                declared.Append(table.Name).Append('.').Append(column).Append(field.Nullable ? " null\n" : " not null\n");
                stored.Append(table.Name).Append('.').Append(column)
                    .Append(columns.TryGetValue(column, out var nullable) ? (nullable ? " null\n" : " not null\n") : " missing\n");
            }
        }

        Assert.Equal(declared.ToString(), stored.ToString());
        Assert.Contains("Statement.date null\nStatement.direct not null\n", declared.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_API_offers_to_sort_by_exactly_the_sortable_fields()
    {
        var offered = new[]
        {
            (typeof(Article), ArticleFilter.Sorts),
            (typeof(Place), PlaceFilter.Sorts),
            (typeof(Organisation), OrganisationFilter.Sorts),
            (typeof(Affiliation), AffiliationFilter.Sorts),
            (typeof(Person), PersonFilter.Sorts),
            (typeof(Negotiation), NegotiationFilter.Sorts),
            (typeof(Statement), StatementFilter.Sorts),
        };

        foreach (var (record, sorts) in offered)
        {
            var table = RecordFields.Of(record);
            Assert.Equal(
                table.Fields.Values.Where(f => f.Sortable).Select(f => f.Name).Order(StringComparer.Ordinal),
                sorts.Select(s => s.Field).Where(table.Fields.ContainsKey).Order(StringComparer.Ordinal));
        }

        Assert.Equal(["date", "kind", "text"], RecordFields.Statement.Fields.Values.Where(f => f.Sortable).Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.Equal("Statement cannot be sorted by 'direct'.", Assert.Throws<NotSupportedException>(() => RecordFields.Statement.SortField(Fields.Direct)).Message);
    }

    private static string SnakeCase(string name) =>
        string.Concat(name.Select(c => char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : c.ToString()));
}
