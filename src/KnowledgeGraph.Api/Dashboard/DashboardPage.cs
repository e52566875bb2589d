using KnowledgeGraph.Api.Http;

namespace KnowledgeGraph.Api.Dashboard;

/// <summary>
/// Serves the dashboard at <c>/dashboard</c>: a static page fed by the GraphQL API, with Apache
/// ECharts installed by the build. Only the files of its folder, by name; nothing from outside.
/// </summary>
internal static class DashboardPage
{
    /// <summary>The page may load and ask nothing but this server.</summary>
    public const string ContentSecurityPolicy = StaticPage.ContentSecurityPolicy;

    private static readonly StaticPage Page = new(
        "/dashboard",
        "Dashboard",
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["dashboard.js"] = "text/javascript; charset=utf-8",
            ["dashboard.css"] = "text/css; charset=utf-8",
            ["echarts.min.js"] = "text/javascript; charset=utf-8",
        });

    /// <summary>The folder of the page beside the binaries.</summary>
    public static string Root => Page.Root;

    /// <summary>Maps <c>GET /dashboard</c> and its files.</summary>
    public static void MapDashboard(this WebApplication app) => Page.Map(app);
}
