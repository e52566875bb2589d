using KnowledgeGraph.Api.GraphQL;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Tests.Unit;

/// <summary>The key that decides which sibling fields share a store call: equal only for equal arguments.</summary>
public sealed class LoaderKeyTests
{
    private static readonly DateTimeOffset Ten = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    public static TheoryData<Filter?, Filter?> DifferentFilters => new()
    {
        { Compare(Ten.AddMilliseconds(100)), Compare(Ten.AddMilliseconds(900)) },
        { Compare(Ten), Compare(Ten.AddTicks(1)) },
        { Compare(Ten), Compare(Ten.ToOffset(TimeSpan.FromHours(1))) },
        { Compare(new DateOnly(2025, 6, 2)), Compare(new DateOnly(2025, 6, 3)) },
        { Compare(StatementKind.Claim), Compare(StatementKind.Denial) },
        { Compare(PlaceKind.Country), Compare(OrganisationKind.Government) },
        { Compare("1"), Compare(1) },
        { Compare(true), Compare("True") },
        { Compare("a\",\"b"), Compare(new[] { "a", "b" }) },
        { Compare(new[] { "a,b" }), Compare(new[] { "a", "b" }) },
        { Compare("é"), Compare("e\u0301") },
        { Compare("x\0"), Compare("x") },
        { Compare(null), Compare("null") },
        { new AllOf([Compare("a"), Compare("b")]), new AnyOf([Compare("a"), Compare("b")]) },
        { new AllOf([Compare("a"), new AllOf([Compare("b")])]), new AllOf([new AllOf([Compare("a")]), Compare("b")]) },
        { new Related(FilterRelations.About, Quantifier.Some, Compare("a")), new Related(FilterRelations.About, Quantifier.All, Compare("a")) },
        { new AllOf([]), null },
    };

    [Theory]
    [MemberData(nameof(DifferentFilters))]
    public void Different_filters_have_different_keys(Filter? one, Filter? other) =>
        Assert.NotEqual(LoaderKey.Of(one), LoaderKey.Of(other));

    [Fact]
    public void Equal_filters_built_apart_have_equal_keys()
    {
        static Filter Build() => new AllOf([
            new Compare(Fields.PublishedAt, CompareOp.Gt, new DateTimeOffset(2026, 1, 5, 10, 0, 0, 100, TimeSpan.Zero)),
            new Related(FilterRelations.About, Quantifier.Some, new Compare(Fields.Name, CompareOp.In, new List<string> { "Kyiv", "Crimea" })),
            new Compare(Fields.Kind, CompareOp.Eq, StatementKind.Demand)]);

        Assert.Equal(LoaderKey.Of(Build()), LoaderKey.Of(Build()));
        Assert.Equal(
            """and(cmp("publishedAt",Gt,t:639032040001000000/0),rel("about",Some,cmp("name",In,[s:"Kyiv",s:"Crimea",])),cmp("kind",Eq,e:KnowledgeGraph.Domain.Model.StatementKind.2),)""",
            LoaderKey.Of(Build()));
    }

    [Fact]
    public void Orders_and_pages_are_part_of_the_key()
    {
        var page = PageRequest.FirstItems(10);
        Assert.NotEqual(LoaderKey.Of("r", null, [new SortField("date", true)], page), LoaderKey.Of("r", null, [new SortField("date", false)], page));
        Assert.NotEqual(LoaderKey.Of("r", null, [], page), LoaderKey.Of("r", null, [], PageRequest.FirstItems(10, includeTotalCount: true)));
        Assert.NotEqual(LoaderKey.Of("r", null, [], new PageRequest(1, null, 12, null, false)), LoaderKey.Of("r", null, [], new PageRequest(11, null, 2, null, false)));
        Assert.NotEqual(LoaderKey.Of("r", null, [], page), LoaderKey.Of("s", null, [], page));
    }

    [Fact]
    public void A_value_of_an_unknown_type_is_refused_not_guessed()
    {
        var error = Assert.Throws<NotSupportedException>(() => LoaderKey.Of(Compare(3.5)));
        Assert.Equal("A Double filter value has no loader key.", error.Message);
    }

    private static Compare Compare(object? value) => new(Fields.Text, CompareOp.Eq, value);
}
