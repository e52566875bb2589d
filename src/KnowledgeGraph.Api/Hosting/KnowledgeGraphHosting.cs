using GraphQL;
using KnowledgeGraph.Api.GraphQL;
using KnowledgeGraph.Api.GraphQL.Pipeline;
using KnowledgeGraph.Api.GraphQL.Protection;
using KnowledgeGraph.Api.Http;
using KnowledgeGraph.Api.Ide;
using KnowledgeGraph.Domain.Ports;
using KnowledgeGraph.Storage.Neo4j;
using KnowledgeGraph.Storage.Sqlite;
using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Api.Hosting;

/// <summary>Wires the API: settings, the chosen store, the schema and the endpoints.</summary>
public static class KnowledgeGraphHosting
{
    /// <summary>The port the server listens on when no URL is configured.</summary>
    public const string DefaultUrl = "http://localhost:5080";

    /// <summary>The log level of ASP.NET Core's own categories, request logging among them (Warning unless set).</summary>
    public const string RequestLogLevelKey = "Logging:LogLevel:Microsoft.AspNetCore";

    /// <summary>The log level of IHttpClientFactory's lines, one set per call to Neo4j (Warning unless set).</summary>
    public const string HttpClientLogLevelKey = "Logging:LogLevel:System.Net.Http.HttpClient";

    /// <summary>Registers everything the API needs.</summary>
    public static WebApplicationBuilder AddKnowledgeGraph(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // KG_STORE, KG_SQLITE__PATH, … (see the README's table of settings), below the command
        // line, which wins as in every ASP.NET Core host.
        AddEnvironmentVariablesBelowCommandLine(builder.Configuration, "KG_");
        AddDefaultsBelowEverything(builder.Configuration);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var services = builder.Services;
        services.Configure<GraphQLOptions>(builder.Configuration.GetSection(GraphQLOptions.Section));
        services.Configure<SeedOptions>(builder.Configuration.GetSection(SeedOptions.Section));
        services.Configure<SqliteStoreOptions>(builder.Configuration.GetSection(SqliteStoreOptions.Section));
        services.Configure<Auth.AuthOptions>(builder.Configuration.GetSection(Auth.AuthOptions.Section));
        services.AddSingleton<Auth.ApiKeys>();

        var store = builder.Configuration.GetValue("Store", StoreKind.Sqlite);
        switch (store)
        {
            case StoreKind.Sqlite:
                services.AddSingleton(sp =>
                {
                    var sqlite = sp.GetRequiredService<IOptions<SqliteStoreOptions>>().Value;
                    var path = sqlite.Path;
                    var full = Path.IsPathRooted(path) ? path : Path.Combine(builder.Environment.ContentRootPath, path);
                    if (sqlite.ReadCacheKiB <= 0)
                    {
                        throw new InvalidOperationException(
                            $"Sqlite:ReadCacheKiB (KG_SQLITE__READCACHEKIB) is the page cache of each read connection in KiB and must be at least 1; it is {sqlite.ReadCacheKiB}.");
                    }

                    if (sqlite.MemoryMapMiB < 0)
                    {
                        throw new InvalidOperationException(
                            $"Sqlite:MemoryMapMiB (KG_SQLITE__MEMORYMAPMIB) is how much of the file read connections map into memory in MiB and must be 0 (none) or more; it is {sqlite.MemoryMapMiB}.");
                    }

                    return new SqliteGraphStore(full, sqlite.BusyTimeout, sqlite.ReadCacheKiB, sqlite.MemoryMapMiB);
                });
                services.AddSingleton<IGraphStore>(sp => sp.GetRequiredService<SqliteGraphStore>());
                services.AddSingleton<IGraphStoreAdmin>(sp => sp.GetRequiredService<SqliteGraphStore>());
                services.AddSingleton<Domain.Changes.IChangeLog>(sp => sp.GetRequiredService<SqliteGraphStore>());
                services.AddSingleton<IGraphAnalytics>(sp => new SqliteAnalytics(sp.GetRequiredService<SqliteGraphStore>()));
                break;
            case StoreKind.Neo4j:
                services.AddNeo4jGraphStore(builder.Configuration);
                break;
            default:
                throw new InvalidOperationException($"The store '{store}' is not available in this build.");
        }

        // Every store call is counted at the port, whichever store answers it.
        services.CountStoreCalls();
        IoThreads.Configure(builder, store);

        services.AddSingleton<StoreInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<StoreInitializer>());

        services.AddHttpContextAccessor();
        services.AddSingleton<DocumentCache>();
        services.AddSingleton<RequestGuard>();

        // Requests are bounded by the execution timeout; shutdown waits this long for them and
        // then aborts what is left, so a stop is never held up by a request.
        services.Configure<HostOptions>(host => host.ShutdownTimeout = builder.Configuration.GetValue("ShutdownTimeout", TimeSpan.FromSeconds(10)));
        services.AddSingleton<PersistedQueries>();
        services.AddSingleton<Extraction.GazetteerSource>(_ => new Extraction.GazetteerSource());
        services.AddGraphQL(graphql => graphql
            .AddSchema<KnowledgeGraphSchema>()
            .AddGraphTypes(typeof(KnowledgeGraphHosting).Assembly)
            // Quotes and curly quotation marks stay readable: JSON escapes only what it must.
            .AddSystemTextJson(json => json.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            // extensions.code and extensions.requestId on every error; no exception details.
            .AddErrorInfoProvider(sp => new RequestIdErrorInfoProvider(sp.GetRequiredService<IHttpContextAccessor>()))
            // Depth and cost: rerun for cached documents, since the cost depends on the variables.
            .AddValidationRule<QueryLimitsRule>(useForCachedDocuments: true)
            .AddValidationRule<IntrospectionDepthRule>()
            .ConfigureExecution(sp => new IntrospectionPolicy(sp.GetRequiredService<IOptions<GraphQLOptions>>()))
            .ConfigureExecution(sp => sp.GetRequiredService<DocumentCache>()));
        services.AddSingleton<IoThreadPolicy>();
        services.AddSingleton<GraphQLEndpoint>();
        builder.AddBananaCakePop();
        return builder;
    }

    /// <summary>
    /// Defaults that any other source overrides (appsettings.json, environment variables, the
    /// command line). ASP.NET Core logs four lines at Information for every request (request
    /// started and finished, endpoint executing and executed), and IHttpClientFactory four for
    /// every call the Neo4j store makes; at thousands of requests a second that is up to a third of
    /// a small request's CPU and a log that grows by megabytes a second. So, as in the ASP.NET Core
    /// templates, those categories log warnings and errors only, and setting
    /// <see cref="RequestLogLevelKey"/> or <see cref="HttpClientLogLevelKey"/> to Information
    /// brings their lines back.
    /// </summary>
    private static void AddDefaultsBelowEverything(ConfigurationManager configuration)
    {
        var defaults = new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
            {
                [RequestLogLevelKey] = nameof(LogLevel.Warning),
                [HttpClientLogLevelKey] = nameof(LogLevel.Warning),
            },
        };
        configuration.Sources.Insert(0, defaults);
    }

    private static void AddEnvironmentVariablesBelowCommandLine(ConfigurationManager configuration, string prefix)
    {
        var source = new EnvironmentVariablesConfigurationSource { Prefix = prefix };
        var sources = configuration.Sources;
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is CommandLineConfigurationSource)
            {
                sources.Insert(i, source);
                return;
            }
        }

        sources.Add(source);
    }

    /// <summary>Maps the GraphQL endpoint, Banana Cake Pop and the health endpoints.</summary>
    public static WebApplication MapKnowledgeGraph(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var collector = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(GarbageCollection).FullName!);
        app.Lifetime.ApplicationStarted.Register(() => GarbageCollection.LogAtStartup(collector));

        // Every response names its request id, the one the log and extensions.requestId use.
        app.Use((http, next) =>
        {
            http.Response.Headers[GraphQLEndpoint.RequestIdHeader] = http.TraceIdentifier;
            return next(http);
        });

        var ide = app.Services.GetRequiredService<BananaCakePop>();
        app.MapMethods("/graphql", [HttpMethods.Get, HttpMethods.Post], (HttpContext http, GraphQLEndpoint endpoint) =>
            ide.IsBrowserNavigation(http.Request) ? ide.NavigateAsync(http) : endpoint.HandleAsync(http));
        app.MapBananaCakePop();
        Dashboard.DashboardPage.MapDashboard(app);
        Explore.ExplorePage.MapExplore(app);
        app.MapMethods("/graphql", [HttpMethods.Put, HttpMethods.Delete, HttpMethods.Patch], (HttpContext http) =>
        {
            http.Response.Headers.Allow = "GET, POST";
            return Results.StatusCode(StatusCodes.Status405MethodNotAllowed);
        });
        app.MapGet("/health/live", () => Results.Ok(new { status = "live" }));
        app.MapGet("/health/ready", async (StoreInitializer initializer, IGraphStoreAdmin admin, CancellationToken cancellationToken) =>
        {
            if (initializer.Failed)
            {
                return Results.Json(new { status = "failed" }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            if (!initializer.Ready)
            {
                return Results.Json(new { status = "starting" }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            try
            {
                await admin.IsEmptyAsync(cancellationToken);
                return Results.Ok(new { status = "ready" });
            }
            catch (StoreException e)
            {
                return Results.Json(new { status = "unavailable", code = e.Code }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        });
        return app;
    }
}
