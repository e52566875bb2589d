using KnowledgeGraph.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddKnowledgeGraph();

var app = builder.Build();
app.MapKnowledgeGraph();
app.Run();

/// <summary>The host's entry point, visible to the HTTP tests.</summary>
public partial class Program;
