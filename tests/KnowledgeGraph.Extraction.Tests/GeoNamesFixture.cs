using KnowledgeGraph.Extraction.GeoNames;

namespace KnowledgeGraph.Extraction.Tests;

/// <summary>The GeoNames gazetteer the build installs, loaded once for all tests; null with the reason when the build could not install it.</summary>
public static class GeoNamesFixture
{
    private static readonly Lazy<Gazetteer?> Loaded = new(() =>
        GeoNamesGazetteer.MissingFile(GeoNamesGazetteer.DefaultDirectory) is null ? GeoNamesGazetteer.Load() : null);

    public static Gazetteer Gazetteer
    {
        get
        {
            var g = Loaded.Value;
            if (g is null)
            {
                Assert.Skip($"The GeoNames gazetteer is not installed ({GeoNamesGazetteer.MissingFile(GeoNamesGazetteer.DefaultDirectory)} is missing): the build installs it with npm; install Node.js with npm and build again.");
            }

            return g!;
        }
    }
}
