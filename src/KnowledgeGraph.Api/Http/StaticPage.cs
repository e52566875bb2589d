namespace KnowledgeGraph.Api.Http;

/// <summary>
/// A static page served by the API from a folder beside the binaries: its <c>index.html</c> at
/// <paramref name="Path"/> and the files it names, by name only, each with a policy that lets
/// the page load and ask nothing but this server.
/// </summary>
/// <param name="Path">Where the page is served, such as <c>/dashboard</c>.</param>
/// <param name="Folder">The folder beside the binaries that holds its files.</param>
/// <param name="Files">The file names it serves besides <c>index.html</c>, with their content types.</param>
internal sealed record StaticPage(string Path, string Folder, IReadOnlyDictionary<string, string> Files)
{
    /// <summary>The page may load and ask nothing but this server.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'";

    /// <summary>The page's folder beside the binaries.</summary>
    public string Root => System.IO.Path.Combine(AppContext.BaseDirectory, Folder);

    /// <summary>Maps <c>GET {Path}</c> and <c>GET {Path}/{file}</c>.</summary>
    public void Map(WebApplication app)
    {
        app.MapGet(Path, (HttpContext http) => Serve(http, "index.html", "text/html; charset=utf-8"));
        app.MapGet(Path + "/{file}", (HttpContext http, string file) =>
            Files.TryGetValue(file, out var type) ? Serve(http, file, type) : Results.NotFound());
    }

    private IResult Serve(HttpContext http, string file, string contentType)
    {
        var path = System.IO.Path.Combine(Root, file);
        if (!File.Exists(path))
        {
            return Results.NotFound();
        }

        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(path, contentType);
    }
}
