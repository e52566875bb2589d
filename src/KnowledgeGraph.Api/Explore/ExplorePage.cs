using KnowledgeGraph.Api.Http;

namespace KnowledgeGraph.Api.Explore;

/// <summary>
/// Serves the graph view at <c>/explore</c> (<c>/explore?node=ID</c>): a static page fed by the GraphQL API, with
/// Cytoscape.js installed by the build. Only the files of its folder, by name; nothing from outside.
/// </summary>
internal static class ExplorePage
{
    /// <summary>The page may load and ask nothing but this server.</summary>
    public const string ContentSecurityPolicy = StaticPage.ContentSecurityPolicy;

    private static readonly StaticPage Page = new(
        "/explore",
        "Explore",
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["explore.js"] = "text/javascript; charset=utf-8",
            ["explore.css"] = "text/css; charset=utf-8",
            ["cytoscape.min.js"] = "text/javascript; charset=utf-8",
        });

    /// <summary>The folder of the page beside the binaries.</summary>
    public static string Root => Page.Root;

    /// <summary>Maps <c>GET /explore</c> and its files.</summary>
    public static void MapExplore(this WebApplication app) => Page.Map(app);
}
