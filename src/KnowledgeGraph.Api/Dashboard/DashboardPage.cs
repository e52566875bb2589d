namespace KnowledgeGraph.Api.Dashboard;

/// <summary>
/// Serves the dashboard at <c>/dashboard</c>: a static page fed by the GraphQL API, with Apache
/// ECharts installed by the build. Only the files of its folder, by name; nothing from outside.
/// </summary>
internal static class DashboardPage
{
    /// <summary>The page may load and ask nothing but this server.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'";

    private static readonly Dictionary<string, string> Files = new(StringComparer.Ordinal)
    {
        ["dashboard.js"] = "text/javascript; charset=utf-8",
        ["dashboard.css"] = "text/css; charset=utf-8",
        ["echarts.min.js"] = "text/javascript; charset=utf-8",
    };

    /// <summary>The folder of the page beside the binaries.</summary>
    public static string Root => Path.Combine(AppContext.BaseDirectory, "Dashboard");

    /// <summary>Maps <c>GET /dashboard</c> and its files.</summary>
    public static void MapDashboard(this WebApplication app)
    {
        app.MapGet("/dashboard", (HttpContext http) => Serve(http, "index.html", "text/html; charset=utf-8"));
        app.MapGet("/dashboard/{file}", (HttpContext http, string file) =>
            Files.TryGetValue(file, out var type) ? Serve(http, file, type) : Results.NotFound());
    }

    private static IResult Serve(HttpContext http, string file, string contentType)
    {
        var path = Path.Combine(Root, file);
        if (!File.Exists(path))
        {
            return Results.NotFound();
        }

        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(path, contentType);
    }
}
