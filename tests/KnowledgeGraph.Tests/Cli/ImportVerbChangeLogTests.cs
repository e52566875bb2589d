using KnowledgeGraph.Tests.Import;
using Microsoft.Data.Sqlite;

namespace KnowledgeGraph.Tests.Cli;

/// <summary>The import verb's writes in the change log, read from the SQLite file itself.</summary>
public sealed class ImportVerbChangeLogTests : IDisposable
{
    private readonly VerbRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private List<string> Log()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _cli.DatabasePath, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT c.key_name || ' ' || c.operation || ' ' || (SELECT group_concat(n.node || '=' || n.outcome, ',') FROM (SELECT * FROM change_node n WHERE n.change = c.seq ORDER BY n.ordinal) n) "
            + "FROM change_log c ORDER BY c.seq";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    [Fact]
    public async Task Each_landed_document_is_one_entry_under_the_name_cli_and_a_second_run_adds_none()
    {
        string[] files = [Path.Combine(ImportStore.Fixtures, "020_velmora.v1.json"), Path.Combine(ImportStore.Fixtures, "030_velmora-herald.v2.json")];
        Assert.Equal(0, (await _cli.RunAsync(["import", .. files])).Exit);
        Assert.Equal(0, (await _cli.RunAsync(["import", .. files])).Exit);

        Assert.Equal(
            [
                "cli import Article:020-velmora-courier=CREATED,Place:duchy-of-astrein=CREATED,Place:velmora=CREATED,Organisation:velmora-town-council=CREATED,Person:ilse-fernwald=CREATED,Statement:fernwald-bridge-closed=CREATED",
                "cli import Article:030-velmora-herald=CREATED,Place:korrin=CREATED,Person:ilse-fernwald=MERGED,Statement:fernwald-bridge-closed=MERGED",
            ],
            Log());
    }
}
