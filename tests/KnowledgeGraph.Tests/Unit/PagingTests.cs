using KnowledgeGraph.Api.GraphQL.Conventions.Paging;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Tests.Unit;

public sealed class PagingTests
{
    private static readonly int[] Ten = Enumerable.Range(0, 10).ToArray();

    [Fact]
    public void First_after_takes_from_the_item_after_the_cursor()
    {
        var page = Page<int>.FromAll(Ten, new PageRequest(3, null, 4, null, true));
        Assert.Equal([5, 6, 7], page.Items);
        Assert.Equal((5, true, true, (int?)10), (page.Offset, page.HasPreviousPage, page.HasNextPage, page.TotalCount));
    }

    [Fact]
    public void Last_before_takes_the_items_just_before_the_cursor()
    {
        var page = Page<int>.FromAll(Ten, new PageRequest(null, 3, null, 4, false));
        Assert.Equal([1, 2, 3], page.Items);
        Assert.Equal((1, true, true, (int?)null), (page.Offset, page.HasPreviousPage, page.HasNextPage, page.TotalCount));
    }

    [Fact]
    public void A_window_past_the_end_is_empty()
    {
        var page = Page<int>.FromAll(Ten, new PageRequest(3, null, 12, null, false));
        Assert.Empty(page.Items);
        Assert.False(page.HasNextPage);
    }

    [Theory]
    [InlineData(0, "MA==")]
    [InlineData(9, "OQ==")]
    [InlineData(10, "MTA=")]
    public void Cursors_are_Base64_of_the_index_as_HotChocolate_issues_them(int index, string cursor)
    {
        Assert.Equal(cursor, Cursor.Encode(index));
        Assert.Equal(index, Cursor.Decode(cursor, "after"));
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("LTE=")] // "-1"
    [InlineData("YWJj")] // "abc"
    public void Anything_else_is_not_a_cursor(string cursor)
    {
        var error = Assert.Throws<global::GraphQL.ExecutionError>(() => Cursor.Decode(cursor, "before"));
        Assert.Equal("INVALID_CURSOR", error.Code);
        Assert.Equal($"The cursor '{cursor}' given as 'before' is not a cursor issued by this API.", error.Message);
    }
}
