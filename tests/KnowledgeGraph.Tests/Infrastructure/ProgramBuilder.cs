using KnowledgeGraph.Api.Hosting;
using Microsoft.AspNetCore.Builder;

namespace KnowledgeGraph.Tests.Infrastructure;

/// <summary>
/// The API's host set up as <c>Program</c> sets it up, from command-line arguments, without the
/// test server: for what the settings come to and for what happens at start-up.
/// </summary>
public static class ProgramBuilder
{
    /// <summary>A builder with everything <c>AddKnowledgeGraph</c> registers, its content root the test's binaries.</summary>
    public static WebApplicationBuilder Create(params string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.AddKnowledgeGraph();
        return builder;
    }
}
