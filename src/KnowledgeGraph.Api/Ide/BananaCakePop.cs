using System.Text.Json;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace KnowledgeGraph.Api.Ide;

/// <summary>
/// Banana Cake Pop, self-hosted under <c>/graphql/</c> from the npm package the build installs
/// (<c>@chillicream/bananacakepop-graphql-ide</c>): a browser's <c>GET /graphql</c> is redirected
/// there, the IDE reads <c>bcp-config.json</c> (this server, telemetry off, an opening query) and
/// talks to this server only. POST and JSON GET to <c>/graphql</c> or <c>/graphql/</c> stay the API.
/// </summary>
internal sealed partial class BananaCakePop : IDisposable
{
    /// <summary>The path the IDE is served under (its asset paths are relative to it).</summary>
    public const string BasePath = "/graphql/";

    /// <summary>The file the IDE fetches next to its index.html at start.</summary>
    public const string ConfigFile = "bcp-config.json";

    /// <summary>The folder the build copies the IDE's files to, next to the binaries.</summary>
    public const string DefaultFolder = "BananaCakePop";

    /// <summary>The query the IDE opens with: who said what about which region, and where it is written.</summary>
    public const string OpeningDocument = """
        # Who said what about Dnipropetrovsk Oblast, and where is it written?
        # A statement about a town in the region counts for the region too
        # (statementsAbout's includeContainedPlaces is true by default).
        query WhoSaidWhatAboutDnipropetrovsk {
          places(where: { name: { eq: "Dnipropetrovsk Oblast" } }, first: 1) {
            nodes {
              name
              kind
              statementsAbout(first: 10) {
                totalCount
                nodes {
                  text
                  kind
                  date
                  speaker {
                    ... on Person { name }
                    ... on Organisation { name }
                  }
                  evidence {
                    text
                    start
                    end
                    article { title publisher url }
                  }
                }
              }
            }
          }
        }

        """;

    /// <summary>
    /// Everything the IDE loads or calls is on this server; the policy makes that hold even if a
    /// future bundle tried otherwise (the browser test also fails on any violation it reports).
    /// <c>'unsafe-eval'</c>: the bundle compiles its JSON schemas with <c>new Function</c>.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; frame-src 'none'; object-src 'none'; base-uri 'self'";

    // Entry points of the npm package for bundlers, not part of the served app.
    private static readonly HashSet<string> NotServed = new(StringComparer.OrdinalIgnoreCase)
    {
        "package.json", "index.cjs", "index.mjs", "index.d.cts", "index.d.mts", "README.md",
    };

    // The opening query stays readable in the file: JSON escapes only what it must.
    private static readonly JsonSerializerOptions ConfigJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly FileExtensionContentTypeProvider _contentTypes = new();
    private readonly PhysicalFileProvider? _files;
    private readonly byte[] _config;

    public BananaCakePop(IOptions<IdeOptions> options, ILogger<BananaCakePop> logger)
    {
        var settings = options.Value;
        Enabled = settings.Enabled;
        Root = string.IsNullOrEmpty(settings.Path) ? Path.Combine(AppContext.BaseDirectory, DefaultFolder) : Path.GetFullPath(settings.Path);
        Installed = File.Exists(Path.Combine(Root, "index.html"));
        _files = Installed ? new PhysicalFileProvider(Root) : null;
        if (Enabled && !Installed)
        {
            LogNotInstalled(logger, Root);
        }

        _config = JsonSerializer.SerializeToUtf8Bytes(new
        {
            title = settings.Title,
            useBrowserUrlAsEndpoint = true,
            endpoint = "/graphql",
            disableTelemetry = true,
            graphQLDocument = OpeningDocument,
        }, ConfigJson);
    }

    public bool Enabled { get; }

    public void Dispose() => _files?.Dispose();

    /// <summary>Whether the IDE's files are there (npm was available at build time).</summary>
    public bool Installed { get; }

    /// <summary>The folder the IDE is served from.</summary>
    public string Root { get; }

    /// <summary>
    /// A browser opening the page, as opposed to a GraphQL request: a GET that accepts HTML and
    /// carries no <c>query</c> or <c>extensions</c> parameter.
    /// </summary>
    public bool IsBrowserNavigation(HttpRequest request)
    {
        if (!Enabled || !HttpMethods.IsGet(request.Method) || request.Query.ContainsKey("query") || request.Query.ContainsKey("extensions"))
        {
            return false;
        }

        return request.GetTypedHeaders().Accept.Any(a =>
            a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) && (a.Quality ?? 1) > 0);
    }

    /// <summary>Answers a browser at <c>/graphql</c> (a redirect) or <c>/graphql/</c> (the IDE).</summary>
    public Task NavigateAsync(HttpContext http)
    {
        if (!http.Request.Path.Value!.EndsWith('/'))
        {
            http.Response.Redirect(http.Request.PathBase + BasePath + http.Request.QueryString);
            return Task.CompletedTask;
        }

        return WriteFileAsync(http, "index.html");
    }

    /// <summary>The IDE's configuration: this server as the endpoint, telemetry off, the opening query.</summary>
    public async Task WriteConfigAsync(HttpContext http)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache";
        await http.Response.Body.WriteAsync(_config, http.RequestAborted);
    }

    /// <summary>One of the IDE's files; 404 for anything else.</summary>
    public async Task WriteFileAsync(HttpContext http, string path)
    {
        if (_files is null)
        {
            await WriteNotInstalledAsync(http);
            return;
        }

        var file = NotServed.Contains(path) ? null : _files.GetFileInfo(path);
        if (file is not { Exists: true, IsDirectory: false })
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        http.Response.ContentType = _contentTypes.TryGetContentType(file.Name, out var type) ? type : "application/octet-stream";
        http.Response.ContentLength = file.Length;
        http.Response.Headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        // The bundle's static/ files carry a content hash in their names; the rest may change.
        http.Response.Headers.CacheControl = path.StartsWith("static/", StringComparison.Ordinal)
            ? "public, max-age=31536000, immutable"
            : "no-cache";
        if (HttpMethods.IsHead(http.Request.Method))
        {
            return;
        }

        await http.Response.SendFileAsync(file, http.RequestAborted);
    }

    /// <summary>Where npm was missing at build time: the page says how to get the IDE.</summary>
    private static async Task WriteNotInstalledAsync(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status404NotFound;
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync("""
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Banana Cake Pop is not installed</title></head>
            <body style="font-family: sans-serif; max-width: 46em; margin: 3em auto; line-height: 1.5">
            <h1>Banana Cake Pop is not installed in this build</h1>
            <p>The IDE comes from the npm package <code>@chillicream/bananacakepop-graphql-ide</code>, which
            <code>dotnet build</code> installs with <code>npm ci</code> in <code>src/KnowledgeGraph.Api/Ide</code>.
            npm was not available (or could not reach the registry) when this build ran, so the build has no IDE
            (the server log names the folder it looked in).</p>
            <p>To get it: install Node.js 18 or later (with npm), then run <code>dotnet build</code> again
            (or <code>npm ci</code> in <code>src/KnowledgeGraph.Api/Ide</code> followed by <code>dotnet build</code>).</p>
            <p>The API itself works without it: send queries to <code>POST /graphql</code> with
            <code>Content-Type: application/json</code>.</p>
            </body>
            </html>
            """, http.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Banana Cake Pop is enabled but not installed in {Folder}: npm was unavailable at build time; /graphql/ explains how to get it.")]
    private static partial void LogNotInstalled(ILogger logger, string folder);
}

/// <summary>Registers and maps Banana Cake Pop.</summary>
internal static class BananaCakePopEndpoints
{
    public static WebApplicationBuilder AddBananaCakePop(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<IdeOptions>(builder.Configuration.GetSection(IdeOptions.Section));
        builder.Services.AddSingleton<BananaCakePop>();
        return builder;
    }

    /// <summary>
    /// <c>GET /graphql</c> and <c>/graphql/</c> themselves are mapped with the API (routing treats
    /// both alike), which hands browser navigations to <see cref="BananaCakePop.NavigateAsync"/>.
    /// </summary>
    public static WebApplication MapBananaCakePop(this WebApplication app)
    {
        var ide = app.Services.GetRequiredService<BananaCakePop>();
        if (!ide.Enabled)
        {
            return app;
        }

        app.MapGet(BananaCakePop.BasePath + BananaCakePop.ConfigFile, ide.WriteConfigAsync);
        app.MapMethods(BananaCakePop.BasePath + "{**path}", [HttpMethods.Get, HttpMethods.Head], (HttpContext http, string path) => ide.WriteFileAsync(http, path));
        return app;
    }
}

