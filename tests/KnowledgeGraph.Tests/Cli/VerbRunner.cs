using KnowledgeGraph.Api.Cli;

namespace KnowledgeGraph.Tests.Cli;

/// <summary>Runs a verb through its real entry point against a real SQLite file, capturing its output.</summary>
public sealed class VerbRunner : IDisposable
{
    public VerbRunner(string? databasePath = null)
    {
        Directory = Path.Combine(Path.GetTempPath(), "kg-cli-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        DatabasePath = databasePath ?? Path.Combine(Directory, "cli.db");
    }

    public string Directory { get; }

    public string DatabasePath { get; }

    public async Task<(int Exit, string Out, string Error)> RunWithInputAsync(string stdin, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var input = new StringReader(stdin);
        var all = args.Append($"--Sqlite:Path={DatabasePath}").Append("--Seed:Enabled=false").ToArray();
        var exit = await CommandLineVerbs.RunAsync(all, new CliConsole(output, error, input, Interactive: false, Directory), TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }

    public Task<(int Exit, string Out, string Error)> RunAsync(params string[] args) => RunWithInputAsync(string.Empty, args);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the OS temp folder is cleaned eventually.
        }
    }
}
