using KnowledgeGraph.Domain.Import;
using KnowledgeGraph.Tests.Infrastructure;

namespace KnowledgeGraph.Tests.Import;

/// <summary>The published JSON Schema accepts every shipped bundle, example and fixture.</summary>
public sealed class BundleSchemaTests
{
    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Seed.Directory, "*.json")
            .Concat(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "schema", "examples"), "*.json"))
            .Concat(Directory.GetFiles(ImportStore.Fixtures, "*.json")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(AppContext.BaseDirectory, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_shipped_document_fits_the_schema(string file) =>
        Assert.Empty(BundleSchema.Validate(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, file))));

    [Fact]
    public void The_embedded_schema_is_the_published_file() =>
        Assert.Equal(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schema", "bundle.schema.json")), BundleSchema.Text);

    [Fact]
    public void There_is_something_to_check() => Assert.True(Documents().Count >= 5);
}
