using KnowledgeGraph.Api.Cli;
using KnowledgeGraph.Api.Hosting;

// `import …` and `export …` are verbs of the same host (see Cli/); anything else starts the server.
if (CommandLineVerbs.IsVerb(args))
{
    return await CommandLineVerbs.RunAsync(args, CliConsole.Process(), CancellationToken.None);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddKnowledgeGraph();

var app = builder.Build();
app.MapKnowledgeGraph();
app.Run();
return 0;

/// <summary>The host's entry point, visible to the HTTP tests.</summary>
public partial class Program;
