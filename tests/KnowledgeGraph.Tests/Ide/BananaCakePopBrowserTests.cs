using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KnowledgeGraph.Api.Ide;
using KnowledgeGraph.Tests.Protocol;
using Microsoft.Extensions.DependencyInjection;
using KnowledgeGraph.Tests.Infrastructure;
using Microsoft.Playwright;

namespace KnowledgeGraph.Tests.Ide;

/// <summary>
/// Banana Cake Pop in a real headless Chromium (Debian's, driven by Playwright; never downloaded):
/// the IDE loads from this server, reads the schema, runs the opening query and shows the answer,
/// and no request leaves the machine.
/// </summary>
public sealed partial class BananaCakePopBrowserTests
{
    private static string ScreenshotPath => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "TestResults", "banana-cake-pop.png"));

    [Fact]
    public async Task The_IDE_loads_the_schema_runs_a_query_and_stays_on_this_machine()
    {
        HeadlessChromium.SkipIfMissing();

        await using var api = await LoopbackApi.StartAsync();
        var ide = api.Factory.Services.GetRequiredService<BananaCakePop>();
        if (!ide.Installed)
        {
            Assert.Skip($"Banana Cake Pop is not installed in {ide.Root}: npm was unavailable when the API was built.");
        }

        var output = TestContext.Current.TestOutputHelper;
        var requests = new ConcurrentQueue<string>();
        var console = new ConcurrentQueue<string>();
        var profile = Directory.CreateTempSubdirectory("kg-chromium-");
        using var playwright = await Playwright.CreateAsync();
        var context = await HeadlessChromium.LaunchAsync(playwright, profile, 1400, 900);
        IPage? page = null;
        try
        {
            context.Request += (_, request) => requests.Enqueue(request.Url);
            page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
            page.Console += (_, message) => console.Enqueue($"{message.Type}: {message.Text}");

            // A browser's GET /graphql lands on the IDE under /graphql/.
            await page.GotoAsync(new Uri(api.BaseAddress, "graphql").ToString());
            Assert.Equal(new Uri(api.BaseAddress, "graphql/").ToString(), page.Url);

            // A new document opens with the configured query and the IDE reads the schema.
            await page.GetByText("Create Document").ClickAsync(new LocatorClickOptions { Timeout = 30_000 });
            await page.GetByText("Schema available").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
            Assert.Contains(requests, url => url == api.GraphQL.ToString());

            // Run it: the request carries the opening query; the answer is this server's and is shown.
            var response = await page.RunAndWaitForResponseAsync(
                () => page.Locator("button", new PageLocatorOptions { HasTextRegex = RunButton() }).First.ClickAsync(),
                r => r.Request.Method == "POST" && r.Url == api.GraphQL.ToString() && (r.Request.PostData ?? string.Empty).Contains("WhoSaidWhatAboutDnipropetrovsk", StringComparison.Ordinal),
                new PageRunAndWaitForResponseOptions { Timeout = 30_000 });
            Assert.Equal(200, response.Status);
            var answer = JsonNode.Parse(await response.TextAsync())!;
            Assert.Null(answer["errors"]);
            var place = answer["data"]!["places"]!["nodes"]![0]!;
            Assert.Equal("Dnipropetrovsk Oblast", place["name"]!.GetValue<string>());
            var total = place["statementsAbout"]!["totalCount"]!.GetValue<int>();
            Assert.True(total > 0, answer.ToJsonString());

            var shown = await WaitForTextAsync(page, $"\"totalCount\": {total}");
            Assert.Contains("\"name\": \"Dnipropetrovsk Oblast\"", shown, StringComparison.Ordinal);

            // Nothing left the machine: every request went to this loopback server (or was inline data).
            var offMachine = requests.Where(url => !IsLocal(url)).Distinct(StringComparer.Ordinal).ToList();
            Assert.Equal(Array.Empty<string>(), offMachine);
            Assert.DoesNotContain(console, line => line.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || line.Contains("Refused to", StringComparison.Ordinal));
            output?.WriteLine($"{requests.Count} requests, all to {api.BaseAddress} (or data:/blob:); {requests.Count(u => u == api.GraphQL.ToString())} to the GraphQL endpoint.");
        }
        finally
        {
            if (page is not null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(ScreenshotPath)!);
                var png = await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath });
                TestContext.Current.AddAttachment("banana-cake-pop.png", png, "image/png");
                output?.WriteLine($"Screenshot: {ScreenshotPath}");
            }

            foreach (var line in console)
            {
                output?.WriteLine("console " + line);
            }

            await context.CloseAsync();
            await context.DisposeAsync();
            TryDelete(profile);
        }
    }

    private static bool IsLocal(string url)
    {
        var uri = new Uri(url);
        return uri.Scheme is "data" or "blob"
            || (uri.Scheme is "http" or "https" or "ws" or "wss" && uri.Host is "127.0.0.1" or "localhost" or "[::1]");
    }

    /// <summary>The page's visible text once it contains <paramref name="text"/> (the editors render spaces as no-break spaces).</summary>
    private static async Task<string> WaitForTextAsync(IPage page, string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var shown = (await page.Locator("body").InnerTextAsync()).Replace('\u00a0', ' ');
            if (shown.Contains(text, StringComparison.Ordinal))
            {
                return shown;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The page never showed '{text}'; it showed: {shown}");
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    private static void TryDelete(DirectoryInfo directory)
    {
        try
        {
            directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still hold a file for a moment; the OS temp folder is cleaned eventually.
        }
    }

    [GeneratedRegex("^Run$")]
    private static partial Regex RunButton();
}
