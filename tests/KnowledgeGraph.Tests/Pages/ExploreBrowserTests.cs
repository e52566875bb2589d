using System.Collections.Concurrent;
using KnowledgeGraph.Api.Explore;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Tests.Infrastructure;
using KnowledgeGraph.Tests.Protocol;
using Microsoft.Playwright;

namespace KnowledgeGraph.Tests.Pages;

/// <summary>
/// The graph view in a real headless Chromium on the real server with the shipped data: a
/// statement's neighbourhood as typed nodes, a click that fetches a node's neighbours, the
/// evidence span highlighted in the article text, and no request leaving the machine.
/// </summary>
[Collection(BrowserPages.Name)]
public sealed class ExploreBrowserTests
{
    private static string ScreenshotPath => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "TestResults", "explore.png"));

    [Fact]
    public async Task A_statements_neighbourhood_expands_on_click_and_its_evidence_is_highlighted_in_the_article()
    {
        HeadlessChromium.SkipIfMissing();

        if (!File.Exists(Path.Combine(ExplorePage.Root, "cytoscape.min.js")))
        {
            Assert.Skip($"Cytoscape.js is not installed in {ExplorePage.Root}: npm was unavailable when the API was built.");
        }

        await using var api = await LoopbackApi.StartAsync();
        var output = TestContext.Current.TestOutputHelper;
        var requests = new ConcurrentQueue<string>();
        var posts = new ConcurrentQueue<string>();
        var console = new ConcurrentQueue<string>();
        var profile = Directory.CreateTempSubdirectory("kg-chromium-");
        using var playwright = await Playwright.CreateAsync();
        var context = await HeadlessChromium.LaunchAsync(playwright, profile, 1400, 820);
        IPage? page = null;
        try
        {
            context.Request += (_, request) =>
            {
                requests.Enqueue(request.Url);
                if (request.Method == "POST")
                {
                    posts.Enqueue(request.PostData ?? string.Empty);
                }
            };
            page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
            page.Console += (_, message) => console.Enqueue($"{message.Type}: {message.Text}");

            var demand = Seed.Id(NodeType.Statement, "moscow-demands-recognition-of-five-regions");
            await page.GotoAsync(new Uri(api.BaseAddress, "explore?node=" + Uri.EscapeDataString(demand)).ToString());
            await page.WaitForFunctionAsync("() => document.body.dataset.ready === 'true'", null, new PageWaitForFunctionOptions { Timeout = 30_000 });

            // The statement, its speaker, where it was said, the five regions, the talks, two answers, the article.
            Assert.Equal(
                ["Article 1", "Negotiation 1", "Organisation 1", "Place 6", "Statement 3"],
                await page.EvaluateAsync<string[]>("() => Object.entries(cy.nodes().map(n => n.data('type')).reduce((c, t) => (c[t] = (c[t] || 0) + 1, c), {})).sort().map(([t, n]) => t + ' ' + n)"));
            Assert.Equal(11, await page.EvaluateAsync<int>("() => cy.edges().length"));

            // The evidence of the opening statement, highlighted in the article text.
            Assert.Equal(Seed.ArticleText[2441..2601], await page.Locator("#evidence mark").InnerTextAsync());

            // Clicking the speaker fetches its neighbours: four more statements and a former member.
            var russia = Seed.Id(NodeType.Organisation, "government-of-russia");
            var before = posts.Count;
            await page.EvaluateAsync("id => cy.getElementById(id).emit('tap')", russia);
            await page.WaitForFunctionAsync("() => document.body.dataset.expanded === '2'", null, new PageWaitForFunctionOptions { Timeout = 30_000 });
            Assert.Contains(posts.Skip(before), body => body.Contains(russia, StringComparison.Ordinal));
            Assert.Equal(17, await page.EvaluateAsync<int>("() => cy.nodes().length"));
            Assert.Equal(
                ["Person 1", "Statement 5"],
                await page.EvaluateAsync<string[]>("id => Object.entries(cy.getElementById(id).neighborhood('node').map(n => n.data('type')).reduce((c, t) => (c[t] = (c[t] || 0) + 1, c), {})).sort().map(([t, n]) => t + ' ' + n)", russia));

            // Clicking another statement shows its own span.
            var refusal = Seed.Id(NodeType.Statement, "russia-refuses-unconditional-ceasefire");
            await page.EvaluateAsync("id => cy.getElementById(id).emit('tap')", refusal);
            await page.WaitForFunctionAsync("id => document.body.dataset.evidence === id", refusal, new PageWaitForFunctionOptions { Timeout = 30_000 });
            Assert.Equal(Seed.ArticleText[2321..2438], await page.Locator("#evidence mark").InnerTextAsync());

            var offMachine = requests.Where(url => !IsLocal(url)).Distinct(StringComparer.Ordinal).ToList();
            Assert.Equal(Array.Empty<string>(), offMachine);
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
                    var png = await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath });
                    TestContext.Current.AddAttachment("explore.png", png, "image/png");
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

    private static bool IsLocal(string url)
    {
        var uri = new Uri(url);
        return uri.Scheme is "data" or "blob"
            || (uri.Scheme is "http" or "https" && uri.Host is "127.0.0.1" or "localhost" or "[::1]");
    }
}
