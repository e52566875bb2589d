using KnowledgeGraph.Extraction;
using KnowledgeGraph.Extraction.GeoNames;

namespace KnowledgeGraph.Api.Extraction;

/// <summary>
/// The GeoNames gazetteer the build installs beside the binaries, read once per process on first
/// use (it takes seconds). Without its files, extraction knows only the graph's places, and
/// <see cref="Missing"/> says why.
/// </summary>
internal sealed class GazetteerSource
{
    private readonly Lazy<(Gazetteer Gazetteer, string? Missing)> _loaded;

    public GazetteerSource(string? directory = null) =>
        _loaded = new(() => GeoNamesGazetteer.MissingFile(directory ?? GeoNamesGazetteer.DefaultDirectory) is { } missing
            ? (Gazetteer.Empty, $"The gazetteer file '{missing}' is missing, so only the graph's places are known; build with npm installed to add GeoNames.")
            : (GeoNamesGazetteer.Load(directory), null), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The gazetteer (empty when its files are missing).</summary>
    public Gazetteer Gazetteer => _loaded.Value.Gazetteer;

    /// <summary>Why the gazetteer is empty, or null when it was loaded.</summary>
    public string? Missing => _loaded.Value.Missing;
}
