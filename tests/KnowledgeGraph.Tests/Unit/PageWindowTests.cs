using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Tests.Unit;

public sealed class PageWindowTests
{
    private static readonly int[] Ten = Enumerable.Range(0, 10).ToArray();

    [Fact]
    public void First_after_a_cursor_starts_after_it_and_before_cuts_it_short()
    {
        Assert.Equal(new PageWindow(5, 3), PageWindow.WithoutTotal(new PageRequest(3, null, 4, null, false)));
        Assert.Equal(new PageWindow(5, 2), PageWindow.WithoutTotal(new PageRequest(3, null, 4, 7, false)));
        Assert.Equal(new PageWindow(5, 0), PageWindow.WithoutTotal(new PageRequest(3, null, 4, 3, false)));
    }

    [Fact]
    public void Last_before_a_cursor_ends_at_it_and_last_to_the_end_needs_the_total()
    {
        Assert.Equal(new PageWindow(1, 3), PageWindow.WithoutTotal(new PageRequest(null, 3, null, 4, false)));
        Assert.Equal(new PageWindow(3, 1), PageWindow.WithoutTotal(new PageRequest(null, 3, 2, 4, false)));
        Assert.Null(PageWindow.WithoutTotal(new PageRequest(null, 3, null, null, false)));
        Assert.Equal(new PageWindow(7, 3), PageWindow.Within(new PageRequest(null, 3, null, null, false), 10));
        Assert.Equal(new PageWindow(0, 2), PageWindow.Within(new PageRequest(null, 3, null, null, false), 2));
    }

    [Fact]
    public void The_row_beyond_the_window_says_a_next_page_exists_and_is_not_returned()
    {
        var window = new PageWindow(5, 3);
        var page = window.FromRowsWithOneMore([5, 6, 7, 8], 10);
        Assert.Equal([5, 6, 7], page.Items);
        Assert.Equal((5, true, true, (int?)10), (page.Offset, page.HasPreviousPage, page.HasNextPage, page.TotalCount));

        var last = new PageWindow(0, 3).FromRowsWithOneMore([0, 1], null);
        Assert.Equal([0, 1], last.Items);
        Assert.Equal((0, false, false, (int?)null), (last.Offset, last.HasPreviousPage, last.HasNextPage, last.TotalCount));
    }

    [Fact]
    public void A_window_past_the_end_starts_at_the_end()
    {
        var window = PageWindow.Within(new PageRequest(3, null, 12, null, true), 10);
        Assert.Equal(new PageWindow(13, -3), window);
        var page = window.FromWindowOf(Array.Empty<int>(), 10, includeTotalCount: true);
        Assert.Equal((10, true, false, (int?)10), (page.Offset, page.HasPreviousPage, page.HasNextPage, page.TotalCount));
    }

    [Fact]
    public void Contains_is_the_half_open_range()
    {
        var window = new PageWindow(2, 3);
        Assert.Equal([2, 3, 4], Ten.Where(window.Contains));
        Assert.Equal(5, window.End);
    }

    /// <summary>
    /// A store reads the window either from the whole ordered list (knowing its length) or from
    /// its offset with one row more; for every request whose cursors lie in the list, both give
    /// the page that cutting the whole list gives.
    /// </summary>
    [Fact]
    public void Both_ways_of_reading_a_window_agree_with_cutting_the_whole_list()
    {
        var checkedRequests = 0;
        for (var total = 0; total <= 6; total++)
        {
            var all = Enumerable.Range(0, total).ToArray();
            foreach (var request in Requests(total))
            {
                var expected = Page<int>.FromAll(all, request);

                var within = PageWindow.Within(request, total);
                var cut = within.FromWindowOf(all.Where(within.Contains).ToArray(), total, request.IncludeTotalCount);
                AssertSamePage(expected, cut, request, total);

                if (PageWindow.WithoutTotal(request) is { } window)
                {
                    var rows = all.Skip(Math.Max(0, window.Offset)).Take(Math.Max(0, window.Size) + 1).ToArray();
                    AssertSamePage(expected, window.FromRowsWithOneMore(rows, request.IncludeTotalCount ? total : null), request, total);
                }

                checkedRequests++;
            }
        }

        Assert.Equal(1680, checkedRequests);
    }

    private static IEnumerable<PageRequest> Requests(int total)
    {
        int?[] afters = [null, .. Enumerable.Range(0, total).Select(i => (int?)i)];
        int?[] befores = [null, .. Enumerable.Range(0, total + 1).Select(i => (int?)i)];
        foreach (var after in afters)
        {
            foreach (var before in befores)
            {
                for (var n = 0; n <= 4; n++)
                {
                    yield return new PageRequest(n, null, after, before, n % 2 == 0);
                    yield return new PageRequest(null, n, after, before, n % 2 == 1);
                }
            }
        }
    }

    private static void AssertSamePage(Page<int> expected, Page<int> actual, PageRequest request, int total)
    {
        var because = $"{request} over {total} items";
        Assert.True(expected.Items.SequenceEqual(actual.Items), because);
        Assert.True(
            (expected.Offset, expected.HasPreviousPage, expected.HasNextPage, expected.TotalCount)
                == (actual.Offset, actual.HasPreviousPage, actual.HasNextPage, actual.TotalCount),
            because);
    }
}
