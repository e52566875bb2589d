using Microsoft.Playwright;

namespace KnowledgeGraph.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium, driven by Playwright (never a downloaded browser), started the way every
/// browser test here needs it: headless, with a fresh profile, and with the background services
/// off so that it makes no request of its own.
/// </summary>
internal static class HeadlessChromium
{
    public const string Path = "/usr/bin/chromium";

    private static readonly string[] Args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    /// <summary>Skips the calling test, with the reason, where Chromium is not installed.</summary>
    public static void SkipIfMissing()
    {
        if (!File.Exists(Path))
        {
            Assert.Skip($"{Path} is not installed (apt-get install chromium); the browser test needs a real Chromium.");
        }
    }

    /// <summary>
    /// Starts Chromium on <paramref name="profile"/> with a viewport of the given size. Service
    /// workers are blocked, so every request a page makes goes through the page, where it is recorded.
    /// </summary>
    public static Task<IBrowserContext> LaunchAsync(IPlaywright playwright, DirectoryInfo profile, int width, int height) =>
        playwright.Chromium.LaunchPersistentContextAsync(profile.FullName, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = Path,
            Headless = true,
            Args = Args,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ServiceWorkers = ServiceWorkerPolicy.Block,
        });
}
