using System.CommandLine;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Import;

namespace KnowledgeGraph.Api.Cli;

/// <summary>
/// <c>export [--article ID] [PATH]</c>: the whole graph, or one article's part of it, as a bundle
/// in the import format, to a file or standard output. Importing it into an empty store gives
/// the same graph.
/// </summary>
internal static class ExportVerb
{
    public const string Name = "export";

    public static Command Create(CliConsole console, IReadOnlyList<string> configuration)
    {
        var path = new Argument<string?>("path")
        {
            Description = "The file to write; standard output when left out or -.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var article = new Option<string?>("--article") { Description = "Export only this article (its key or its global id) and what its statements refer to." };
        var command = new Command(Name, "Export the graph as an import bundle.") { path, article };
        command.SetAction((parse, cancellationToken) => RunAsync(console, parse.GetValue(path), parse.GetValue(article), configuration, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string? path, string? article, IReadOnlyList<string> configuration, CancellationToken cancellationToken)
    {
        await using var store = await CliStore.OpenAsync(configuration, console.ContentRoot, cancellationToken);
        var exporter = new BundleExporter(store.Store, store.Admin);
        GraphBatch? batch;
        if (article is null)
        {
            batch = await exporter.ReadAllAsync(cancellationToken);
        }
        else
        {
            var key = NodeId.TryDecode(article, out var id, out _) && id.Type == NodeType.Article ? id.Key : article;
            batch = await exporter.ReadArticleAsync(key, cancellationToken);
            if (batch is null)
            {
                await console.Error.WriteLineAsync($"No article has the key or id \"{article}\".");
                return 1;
            }
        }

        if (path is null or "-")
        {
            using var buffer = new MemoryStream();
            await BundleExporter.WriteAsync(batch, buffer, cancellationToken);
            await console.Out.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }
        else
        {
            await using var file = File.Create(path);
            await BundleExporter.WriteAsync(batch, file, cancellationToken);
            await console.Error.WriteLineAsync($"Wrote {batch.Count} record(s) to {path}.");
        }

        return 0;
    }
}
