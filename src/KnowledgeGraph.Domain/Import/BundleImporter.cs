using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Ports;

namespace KnowledgeGraph.Domain.Import;

/// <summary>
/// Reads a bundle (data/README.md), checks every rule of the format against the bundle and
/// what the store already holds, and merges it all-or-nothing: <see cref="BundleParser"/> reads
/// the JSON, <see cref="BundleReader"/> maps it onto records, <see cref="ContainmentCheck"/> and
/// <see cref="ReferenceCheck"/> check it against itself and the store.
/// </summary>
public sealed class BundleImporter(IGraphStore store, IGraphStoreAdmin admin)
{
    /// <summary>The format name of a bundle with every key and offset given.</summary>
    public const string Format = "knowledge-graph/v1";

    /// <summary>The format name of a hand-written bundle: keys, offsets optional; references may be names.</summary>
    public const string FormatV2 = "knowledge-graph/v2";

    /// <summary>Validates and imports one bundle.</summary>
    /// <param name="source">A name for messages, such as the file name.</param>
    /// <param name="json">The bundle.</param>
    /// <param name="readTextFile">Returns the text of a file named by an article's <c>textFile</c>, or null when absent.</param>
    /// <param name="cancellationToken">Cancels the import.</param>
    /// <exception cref="ImportException">The bundle breaks a rule; nothing was written.</exception>
    public async Task<GraphBatch> ImportAsync(
        string source,
        string json,
        Func<string, string?> readTextFile,
        CancellationToken cancellationToken)
    {
        var batch = await ValidateAsync(source, json, readTextFile, cancellationToken);
        await admin.ImportAsync(batch, cancellationToken);
        return batch;
    }

    /// <summary>Validates a bundle without writing anything.</summary>
    /// <exception cref="ImportException">The bundle breaks a rule.</exception>
    public async Task<GraphBatch> ValidateAsync(
        string source,
        string json,
        Func<string, string?> readTextFile,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readTextFile);
        var document = BundleParser.Parse(source, json);
        var reader = new BundleReader(document, readTextFile);
        reader.ReadAll();

        // References the bundle does not satisfy itself may point at records already stored.
        var external = ReferenceCheck.Unresolved(reader);
        var existing = external.Count == 0
            ? new HashSet<NodeId>()
            : await admin.ExistingAsync(external.Keys.ToArray(), cancellationToken);
        var storedArticleKeys = ReferenceCheck.EvidenceArticlesOutsideBundle(reader);
        var storedArticles = storedArticleKeys.Count == 0
            ? []
            : await store.GetAsync<Article>(storedArticleKeys, cancellationToken);
        ReferenceCheck.Check(reader, existing, storedArticles.ToDictionary(a => a.Key, a => a.Text, StringComparer.Ordinal), reader.Problems);

        if (reader.Problems.Count > 0)
        {
            throw new ImportException(source, reader.Problems);
        }

        return reader.ToBatch();
    }
}
