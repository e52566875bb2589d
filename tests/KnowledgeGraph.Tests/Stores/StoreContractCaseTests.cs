using KnowledgeGraph.Domain.Import;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Tests.Stores;

/// <summary>
/// The case-insensitive string operations fold both sides by Unicode lower-casing, alike on every
/// store: accented capitals, Greek sigmas (final or not), the German capital sharp s, the dotted
/// capital I, and values holding U+0000.
/// </summary>
public abstract partial class StoreContractTests
{
    private static readonly string[] CasedNames =
    [
        "École Normale", "ÉCOLE", "Straße", "STRAẞE", "ΟΔΟΣ", "οδος", "İZMİR", "izmir", "a\u0000B", "Plain",
    ];

    private async Task<StoreUnderTest> CasedPlacesAsync()
    {
        var s = await EmptyAsync();
        var places = CasedNames.Select((name, i) => new Place($"cased-{i}", name, PlaceKind.City, [], null)).ToList();
        await s.Admin.ImportAsync(new GraphBatch([], places, [], [], [], []), Cancel);
        return s;
    }

    private static Compare Folded(CompareOp op, object value) => new(Fields.Name, op, value) { IgnoreCase = true };

    [Fact]
    public async Task Case_insensitive_operations_fold_every_script_and_keep_NUL()
    {
        var s = await CasedPlacesAsync();
        async Task<string> Names(Filter filter) => string.Join(" | ", (await NamesAsync(s, filter)).Select(Show));

        Assert.Equal("ÉCOLE", await Names(Folded(CompareOp.Eq, "école")));
        Assert.Equal("ÉCOLE | École Normale", await Names(Folded(CompareOp.Contains, "ÉCOLE")));
        Assert.Equal("École Normale", await Names(Folded(CompareOp.EndsWith, "NORMALE")));
        Assert.Equal("STRAẞE | Straße", await Names(Folded(CompareOp.Eq, "straße")));
        Assert.Equal(string.Empty, await Names(Folded(CompareOp.Eq, "strasse")));
        Assert.Equal("ΟΔΟΣ | οδος", await Names(Folded(CompareOp.Eq, "Οδοσ")));
        Assert.Equal("ΟΔΟΣ | οδος", await Names(Folded(CompareOp.EndsWith, "ς")));
        Assert.Equal("izmir | İZMİR", await Names(Folded(CompareOp.StartsWith, "I")));
        Assert.Equal("İZMİR", await Names(Folded(CompareOp.Eq, "i\u0307zmi\u0307r")));
        Assert.Equal("a\\u0000B", await Names(Folded(CompareOp.Contains, "\u0000b")));
        Assert.Equal("a\\u0000B", await Names(Folded(CompareOp.StartsWith, "A\u0000")));
        Assert.Equal("Plain | ΟΔΟΣ | οδος", await Names(Folded(CompareOp.In, new[] { "PLAIN", "οδος" })));
        Assert.Equal(
            "STRAẞE | Straße | a\\u0000B | izmir | ÉCOLE | École Normale | İZMİR",
            await Names(Folded(CompareOp.Nin, new[] { "PLAIN", "οδος" })));
        Assert.Equal("Plain | STRAẞE | Straße | a\\u0000B | izmir | İZMİR | ΟΔΟΣ | οδος", await Names(Folded(CompareOp.NotContains, "É")));
        Assert.Equal("Plain | STRAẞE | Straße | a\\u0000B | izmir | İZMİR | ΟΔΟΣ | οδος", await Names(Folded(CompareOp.NotStartsWith, "é")));
        Assert.Equal("Plain | STRAẞE | Straße | a\\u0000B | izmir | ÉCOLE | École Normale | İZMİR", await Names(Folded(CompareOp.NotEndsWith, "Σ")));
        Assert.Equal("Plain | a\\u0000B | izmir | ÉCOLE | École Normale | İZMİR | ΟΔΟΣ | οδος", await Names(Folded(CompareOp.Neq, "strASSE".Replace("SS", "ẞ", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task Case_insensitive_operations_match_ordinal_comparison_of_the_folded_strings()
    {
        var s = await AwkwardPlacesAsync();
        var wrong = new List<string>();
        foreach (var (op, holds) in StringOps)
        {
            foreach (var value in AwkwardValues.Concat(["PLAIN", "😀 SMILE", "E\u0301", "\u00c9", "A\u0000"]))
            {
                if (value.Length == 0 && op is CompareOp.Eq or CompareOp.Neq)
                {
                    continue;
                }

                var expected = AwkwardNames.Where(n => holds(CaseFolding.Fold(n), CaseFolding.Fold(value))).Order(StringComparer.Ordinal).ToArray();
                var actual = await NamesAsync(s, Folded(op, value));
                if (!expected.SequenceEqual(actual, StringComparer.Ordinal))
                {
                    wrong.Add($"{op} {Show(value)}: expected [{string.Join(", ", expected.Select(Show))}] but got [{string.Join(", ", actual.Select(Show))}]");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }
}
