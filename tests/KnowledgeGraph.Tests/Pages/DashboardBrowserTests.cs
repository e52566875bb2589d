using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using KnowledgeGraph.Api.Dashboard;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Tests.Infrastructure;
using KnowledgeGraph.Tests.Protocol;
using Microsoft.Playwright;

namespace KnowledgeGraph.Tests.Pages;

/// <summary>
/// The dashboard in a real headless Chromium (Debian's, driven by Playwright; never downloaded) on
/// the real server with the shipped data: the charts hold the seed's exact counts, the timeline
/// threads the answers, the search box finds nodes through `search` (any case, matches highlighted), and no request leaves the machine.
/// </summary>
[Collection(BrowserPages.Name)]
public sealed class DashboardBrowserTests
{
    private static string ScreenshotPath => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "TestResults", "dashboard.png"));

    private static async Task SearchAsync(IPage page, string text)
    {
        await page.Locator("#search-text").FillAsync(text);
        await page.Locator("#search button").ClickAsync();
        await page.WaitForFunctionAsync("text => document.getElementById('search-results').dataset.query === text", text, new PageWaitForFunctionOptions { Timeout = 30_000 });
    }

    [Fact]
    public async Task The_dashboard_charts_the_seeds_exact_counts_threads_the_timeline_and_searches_locally()
    {
        HeadlessChromium.SkipIfMissing();

        if (!File.Exists(Path.Combine(DashboardPage.Root, "echarts.min.js")))
        {
            Assert.Skip($"Apache ECharts is not installed in {DashboardPage.Root}: npm was unavailable when the API was built.");
        }

        await using var api = await LoopbackApi.StartAsync();
        var output = TestContext.Current.TestOutputHelper;
        var requests = new ConcurrentQueue<string>();
        var console = new ConcurrentQueue<string>();
        var profile = Directory.CreateTempSubdirectory("kg-chromium-");
        using var playwright = await Playwright.CreateAsync();
        var context = await HeadlessChromium.LaunchAsync(playwright, profile, 1400, 1100);
        IPage? page = null;
        try
        {
            context.Request += (_, request) => requests.Enqueue(request.Url);
            page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
            page.Console += (_, message) => console.Enqueue($"{message.Type}: {message.Text}");

            await page.GotoAsync(new Uri(api.BaseAddress, "dashboard").ToString());
            await page.WaitForFunctionAsync("() => document.body.dataset.ready === 'true'", null, new PageWaitForFunctionOptions { Timeout = 30_000 });

            // Statements per region per week, stacked by kind: the seed's two dated statements.
            var regions = JsonNode.Parse(await page.EvaluateAsync<string>(
                "() => JSON.stringify((o => ({ x: o.xAxis[0].data, series: o.series.map(s => ({ name: s.name, stack: s.stack, data: s.data })) }))(echarts.getInstanceByDom(document.getElementById('regions')).getOption()))"))!;
            Assert.Equal(
                ["Crimea · 2025-06-02", "Dnipropetrovsk Oblast · 2025-06-02", "Donetsk Oblast · 2025-06-02", "Kherson Oblast · 2025-06-02", "Luhansk Oblast · 2025-06-02", "Zaporizhzhia Oblast · 2025-06-02"],
                regions["x"]!.AsArray().Select(v => v!.GetValue<string>()));
            Assert.Equal(
                ["CLAIM kind 0,1,1,0,0,0", "DEMAND kind 1,0,1,1,1,1"],
                regions["series"]!.AsArray().Select(s => $"{s!["name"]} {s["stack"]} {string.Join(",", s["data"]!.AsArray().Select(d => d!.GetValue<int>()))}"));

            // Top speakers, most statements first.
            var speakers = JsonNode.Parse(await page.EvaluateAsync<string>(
                "() => JSON.stringify((o => ({ names: o.yAxis[0].data, counts: o.series[0].data }))(echarts.getInstanceByDom(document.getElementById('speakers')).getOption()))"))!;
            Assert.Equal(
                ["Government of Russia 5", "Government of Ukraine 4", "Kyrylo Budanov 2", "Armed Forces of the Russian Federation 1", "European Union 1",
                 "Ministry of Defence of the Russian Federation 1", "Ukrainian southern army command 1", "Dmitry Medvedev 1", "Donald Trump 1", "Oleksandr 1"],
                speakers["names"]!.AsArray().Select((n, i) => $"{n} {speakers["counts"]![i]}"));

            // The timeline opens on the region with the most statements, answers under the demand.
            Assert.Equal(Seed.Id(NodeType.Place, "donetsk-oblast"), await page.Locator("#region").InputValueAsync());
            Assert.Equal(3, await page.Locator("#timeline > li").CountAsync());
            Assert.Equal(
                ["REJECTION", "WARNING"],
                await page.Locator("#timeline > li").First.Locator("ol.responses > li > .kind").AllInnerTextsAsync());
            Assert.Equal(
                "/explore?node=" + Uri.EscapeDataString(Seed.Id(NodeType.Statement, "moscow-demands-recognition-of-five-regions")),
                await page.Locator("#timeline > li").First.Locator("> a").GetAttributeAsync("href"));

            // The search box asks the API's full-text search and lists its hits, matches highlighted,
            // each a link into the graph view; case does not matter.
            await SearchAsync(page, "ceasefire");
            Assert.Equal(4, await page.Locator("#search-results > li").CountAsync());
            Assert.Equal(["REJECTION", "APPEAL", "APPEAL", "APPEAL"], await page.Locator("#search-results > li > .kind").AllInnerTextsAsync());
            Assert.Equal(["ceasefire", "ceasefire", "ceasefire", "ceasefire"], await page.Locator("#search-results > li em").AllInnerTextsAsync());
            Assert.Equal(
                "/explore?node=" + Uri.EscapeDataString(Seed.Id(NodeType.Statement, "russia-refuses-unconditional-ceasefire")),
                await page.Locator("#search-results > li > a").First.GetAttributeAsync("href"));
            await SearchAsync(page, "medvedev");
            Assert.Equal(["PERSON"], await page.Locator("#search-results > li > .kind").AllInnerTextsAsync());
            Assert.Equal("Dmitry Medvedev", await page.Locator("#search-results > li > a").InnerTextAsync());
            Assert.Equal("Medvedev", await page.Locator("#search-results > li em").InnerTextAsync());

            var offMachine = requests.Where(url => !IsLocal(url)).Distinct(StringComparer.Ordinal).ToList();
            Assert.Equal(Array.Empty<string>(), offMachine);
            Assert.Contains(requests, url => url == api.GraphQL.ToString());
            Assert.DoesNotContain(console, line => line.StartsWith("error", StringComparison.Ordinal) || line.Contains("Refused to", StringComparison.Ordinal));
            output?.WriteLine($"{requests.Count} requests, all to {api.BaseAddress}.");
        }
        finally
        {
            if (page is not null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(ScreenshotPath)!);
                try
                {
                    var png = await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath, FullPage = true });
                    TestContext.Current.AddAttachment("dashboard.png", png, "image/png");
                    output?.WriteLine($"Screenshot: {ScreenshotPath}");
                }
                catch (PlaywrightException e)
                {
                    // A browser that died must not hide the failure that came first.
                    output?.WriteLine($"No screenshot: {e.Message}");
                }
            }

            foreach (var line in console)
            {
                output?.WriteLine("console " + line);
            }

            await context.CloseAsync();
            await context.DisposeAsync();
            try
            {
                profile.Delete(recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    [Fact]
    public async Task The_dashboard_page_allows_nothing_but_this_server_and_serves_only_its_own_files()
    {
        await using var factory = new ApiFactory();
        var http = factory.CreateClient();
        using var page = await http.GetAsync("/dashboard", TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Equal(DashboardPage.ContentSecurityPolicy, page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("statementStats", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        using var script = await http.GetAsync("/dashboard/dashboard.js", TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, script.StatusCode);
        using var other = await http.GetAsync("/dashboard/..%2Fappsettings.json", TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, other.StatusCode);
    }

    private static bool IsLocal(string url)
    {
        var uri = new Uri(url);
        return uri.Scheme is "data" or "blob"
            || (uri.Scheme is "http" or "https" && uri.Host is "127.0.0.1" or "localhost" or "[::1]");
    }
}
