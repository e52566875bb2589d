using KnowledgeGraph.Domain.Import;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Tests.Stores;

/// <summary>
/// String filters mean the same for every string on every store: U+0000 anywhere, emoji
/// (surrogate pairs), combining marks and their precomposed twins, compared ordinally as .NET
/// compares them. And a filter larger than a store translates is refused before translation.
/// </summary>
public abstract partial class StoreContractTests
{
    private static readonly string[] AwkwardNames =
    [
        "a\u0000b", "\u0000lead", "trail\u0000", "plain", "😀 smile", "smile 😀", "e\u0301", "\u00e9", "x\u0000\u0000y", "\u0000",
    ];

    private static readonly string[] AwkwardValues =
    [
        "\u0000", "\u0000lead", "\u0000b", "b", "lead", "trail\u0000", "\u0000\u0000", "😀", "\ud83d\ude00 smile", "\u0301", "e", "\u00e9", "plain", "x", "", "a\u0000",
    ];

    private static readonly (CompareOp Op, Func<string, string, bool> Holds)[] StringOps =
    [
        (CompareOp.Eq, (name, v) => string.Equals(name, v, StringComparison.Ordinal)),
        (CompareOp.Neq, (name, v) => !string.Equals(name, v, StringComparison.Ordinal)),
        (CompareOp.Contains, (name, v) => name.Contains(v, StringComparison.Ordinal)),
        (CompareOp.NotContains, (name, v) => !name.Contains(v, StringComparison.Ordinal)),
        (CompareOp.StartsWith, (name, v) => name.StartsWith(v, StringComparison.Ordinal)),
        (CompareOp.NotStartsWith, (name, v) => !name.StartsWith(v, StringComparison.Ordinal)),
        (CompareOp.EndsWith, (name, v) => name.EndsWith(v, StringComparison.Ordinal)),
        (CompareOp.NotEndsWith, (name, v) => !name.EndsWith(v, StringComparison.Ordinal)),
    ];

    private async Task<StoreUnderTest> AwkwardPlacesAsync()
    {
        var s = await EmptyAsync();
        var places = AwkwardNames.Select((name, i) => new Place($"place-{i}", name, PlaceKind.City, [], null)).ToList();
        await s.Admin.ImportAsync(new GraphBatch([], places, [], [], [], []), Cancel);
        return s;
    }

    private static async Task<string[]> NamesAsync(StoreUnderTest s, Filter filter)
    {
        var page = await s.Store.ListAsync<Place>(filter, [], new PageRequest(100, null, null, null, false), Cancel);
        return [.. page.Items.Select(p => p.Name).Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task String_filters_match_as_ordinal_comparison_does_for_NUL_emoji_and_combining_marks()
    {
        var s = await AwkwardPlacesAsync();
        Assert.Equal(AwkwardNames.Order(StringComparer.Ordinal), await NamesAsync(s, new AllOf([])));
        var wrong = new List<string>();
        foreach (var (op, holds) in StringOps)
        {
            foreach (var value in AwkwardValues)
            {
                if (value.Length == 0 && op is CompareOp.Eq or CompareOp.Neq)
                {
                    continue;
                }

                var expected = AwkwardNames.Where(n => holds(n, value)).Order(StringComparer.Ordinal).ToArray();
                var actual = await NamesAsync(s, new Compare(Fields.Name, op, value));
                if (!expected.SequenceEqual(actual, StringComparer.Ordinal))
                {
                    wrong.Add($"{op} {Show(value)}: expected [{string.Join(", ", expected.Select(Show))}] but got [{string.Join(", ", actual.Select(Show))}]");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task In_and_nin_match_strings_holding_NUL_exactly()
    {
        var s = await AwkwardPlacesAsync();
        string[] values = ["a\u0000b", "\u0000", "e\u0301"];

        Assert.Equal(values.Order(StringComparer.Ordinal), await NamesAsync(s, new Compare(Fields.Name, CompareOp.In, values)));
        Assert.Equal(AwkwardNames.Except(values).Order(StringComparer.Ordinal), await NamesAsync(s, new Compare(Fields.Name, CompareOp.Nin, values)));
    }

    [Fact]
    public async Task A_filter_larger_than_a_store_translates_is_refused_before_translation()
    {
        var s = await SeededAsync();
        var wide = new AnyOf([.. Enumerable.Range(0, 3000).Select(i => new Compare(Fields.Name, CompareOp.Eq, "n" + i))]);
        Filter deep = new Compare(Fields.Name, CompareOp.Eq, "x");
        for (var i = 0; i < 100; i++)
        {
            deep = new AllOf([deep]);
        }

        var tooWide = await Assert.ThrowsAsync<FilterTooLargeException>(() => s.Store.ListAsync<Place>(wide, [], new PageRequest(1, null, null, null, true), Cancel));
        Assert.Equal("The filter has 3001 conditions nested 2 deep; a store translates at most 1000 conditions nested 64 deep.", tooWide.Message);
        var tooDeep = await Assert.ThrowsAsync<FilterTooLargeException>(() => s.Store.ListAsync<Place>(deep, [], new PageRequest(1, null, null, null, true), Cancel));
        Assert.Equal("The filter has 101 conditions nested 101 deep; a store translates at most 1000 conditions nested 64 deep.", tooDeep.Message);
    }

    [Fact]
    public async Task Relation_filters_nested_as_deep_as_a_store_translates_answer_and_one_more_is_refused()
    {
        var s = await SeededAsync();

        // Statements about a place inside a place inside … : 12 relation filters on one path, each
        // the costliest form (all: NOT EXISTS … AND NOT …), and/or levels between them up to the
        // depth bound, a wide or at the bottom. The last condition matches nothing, so the answer
        // is known whatever the chain holds.
        Filter Chain(int relations)
        {
            Filter f = new AnyOf([.. Enumerable.Range(0, 800).Select(i => new Compare(Fields.Name, CompareOp.Eq, "n" + i))]);
            var depth = 2;
            for (var made = 1; made < relations; depth++)
            {
                f = depth % 4 == 0
                    ? new Related(FilterRelations.ContainedIn, Quantifier.All, f)
                    : depth % 2 == 0 ? new AnyOf([f, new Compare(Fields.Name, CompareOp.Eq, "m" + depth)]) : new AllOf([f, new Compare(Fields.Kind, CompareOp.Neq, PlaceKind.City)]);
                made += f is Related ? 1 : 0;
            }

            for (; depth < FilterShape.StoreMaxDepth - 2; depth++)
            {
                f = depth % 2 == 0 ? new AnyOf([f]) : new AllOf([f]);
            }

            return new AllOf([new Related(FilterRelations.About, Quantifier.All, f), new Compare(Fields.Text, CompareOp.Eq, "no statement says this")]);
        }

        var deepest = Chain(FilterShape.StoreMaxRelationDepth);
        Assert.Equal((FilterShape.StoreMaxDepth, FilterShape.StoreMaxRelationDepth), (FilterShape.Of(deepest).Depth, FilterShape.Of(deepest).Relations));
        var answered = await s.Store.ListAsync<Statement>(deepest, [], new PageRequest(5, null, null, null, true), Cancel);
        Assert.Equal((0, 0), (answered.Items.Count, answered.TotalCount));

        var tooDeep = await Assert.ThrowsAsync<FilterTooLargeException>(() => s.Store.ListAsync<Statement>(Chain(FilterShape.StoreMaxRelationDepth + 1), [], new PageRequest(5, null, null, null, true), Cancel));
        Assert.Equal("The filter nests relation filters 13 deep; a store translates at most 12 nested in one another.", tooDeep.Message);
    }

    private static string Show(string text) =>
        string.Concat(text.Select(c => c < 0x20 || c is >= '\u0300' and <= '\u036f' || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
