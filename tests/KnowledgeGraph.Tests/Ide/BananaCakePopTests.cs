using System.Net;
using System.Text.Json.Nodes;
using KnowledgeGraph.Api.Ide;
using KnowledgeGraph.Tests.Infrastructure;
using KnowledgeGraph.Tests.Protocol;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.Tests.Ide;

/// <summary>How the API serves Banana Cake Pop, over HTTP (the browser test shows it working).</summary>
public sealed class BananaCakePopTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private readonly HttpClient _http = api.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static HttpRequestMessage Browser(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        return request;
    }

    private void SkipWithoutBundle()
    {
        var ide = api.Factory.Services.GetRequiredService<BananaCakePop>();
        if (!ide.Installed)
        {
            Assert.Skip($"Banana Cake Pop is not installed in {ide.Root}: npm was unavailable when the API was built.");
        }
    }

    [Fact]
    public async Task A_browser_opening_graphql_is_sent_to_the_IDE_under_graphql_slash()
    {
        using var request = Browser("/graphql");

        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/graphql/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_IDE_page_is_served_with_a_policy_that_keeps_it_on_this_server()
    {
        SkipWithoutBundle();
        using var request = Browser("/graphql/");

        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<div id=\"root\">", html, StringComparison.Ordinal);
        // The exact policy: any other origin anywhere in it would fail this test.
        Assert.Equal(
            "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
            + "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; frame-src 'none'; object-src 'none'; base-uri 'self'",
            Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task The_IDE_config_points_at_this_server_with_telemetry_off_and_the_opening_query()
    {
        using var response = await _http.GetAsync("/graphql/bcp-config.json", TestContext.Current.CancellationToken);
        var config = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsObject();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["title", "useBrowserUrlAsEndpoint", "endpoint", "disableTelemetry", "graphQLDocument"], config.Select(p => p.Key));
        Assert.Equal("KnowledgeGraph", config["title"]!.GetValue<string>());
        Assert.True(config["useBrowserUrlAsEndpoint"]!.GetValue<bool>());
        Assert.Equal("/graphql", config["endpoint"]!.GetValue<string>());
        Assert.True(config["disableTelemetry"]!.GetValue<bool>());
        Assert.Equal(BananaCakePop.OpeningDocument, config["graphQLDocument"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_opening_query_answers_who_said_what_about_Dnipropetrovsk_Oblast_with_evidence()
    {
        var response = await GraphQLWire.PostAsync(_http, new { query = BananaCakePop.OpeningDocument });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Null(response.Json!["errors"]);
        var place = response.Json["data"]!["places"]!["nodes"]![0]!;
        Assert.Equal("Dnipropetrovsk Oblast", place["name"]!.GetValue<string>());
        var statements = place["statementsAbout"]!;
        var nodes = statements["nodes"]!.AsArray();
        Assert.Equal(statements["totalCount"]!.GetValue<int>(), nodes.Count);
        Assert.NotEmpty(nodes);
        Assert.All(nodes, s => Assert.NotEmpty(s!["evidence"]!.AsArray()));
        Assert.Contains(nodes, s => s!["speaker"]?["name"] is not null);
    }

    [Fact]
    public async Task The_IDE_queries_reach_the_API_at_graphql_slash_too()
    {
        var response = await GraphQLWire.PostAsync(_http, new { query = "{ __typename }" }, path: "/graphql/");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("""{"data":{"__typename":"Query"}}""", response.Text);
    }

    [Fact]
    public async Task Hashed_assets_are_cached_for_good_and_package_files_are_not_served()
    {
        SkipWithoutBundle();
        var ide = api.Factory.Services.GetRequiredService<BananaCakePop>();
        var script = Path.GetRelativePath(ide.Root, Directory.GetFiles(Path.Combine(ide.Root, "static", "js"), "main.*.js").Single()).Replace('\\', '/');

        using var asset = await _http.GetAsync("/graphql/" + script, TestContext.Current.CancellationToken);
        using var manifest = await _http.GetAsync("/graphql/package.json", TestContext.Current.CancellationToken);
        using var outside = await _http.GetAsync("/graphql/..%2F..%2FKnowledgeGraph.Api.dll", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Equal("text/javascript", asset.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", asset.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.NotFound, manifest.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
    }
}

/// <summary>KG_IDE__ENABLED=false (production) and a build without npm.</summary>
public sealed class BananaCakePopSettingsTests
{
    private static async Task<HttpResponseMessage> BrowseAsync(ApiFactory factory, string path)
    {
        using var http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html,*/*;q=0.8");
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task With_the_IDE_off_graphql_is_only_the_API()
    {
        await using var factory = new ApiFactory();
        factory.Settings["Ide:Enabled"] = "false";

        using var page = await BrowseAsync(factory, "/graphql");
        using var slash = await BrowseAsync(factory, "/graphql/");
        using var config = await BrowseAsync(factory, "/graphql/bcp-config.json");
        using var index = await BrowseAsync(factory, "/graphql/index.html");

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal("application/graphql-response+json", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("The request has no 'query' parameter.", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, slash.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, config.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, index.StatusCode);
    }

    [Fact]
    public async Task Without_the_bundle_the_page_says_how_to_get_the_IDE()
    {
        var empty = Directory.CreateTempSubdirectory("kg-no-ide-");
        try
        {
            await using var factory = new ApiFactory();
            factory.Settings["Ide:Path"] = empty.FullName;

            using var response = await BrowseAsync(factory, "/graphql/");
            var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("<h1>Banana Cake Pop is not installed in this build</h1>", html, StringComparison.Ordinal);
            Assert.Contains("install Node.js 18 or later (with npm), then run <code>dotnet build</code> again", html, StringComparison.Ordinal);
            Assert.DoesNotContain(empty.FullName, html, StringComparison.Ordinal); // the folder goes to the log, not to browsers
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }
}
