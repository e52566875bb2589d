namespace KnowledgeGraph.Tests.Infrastructure;

/// <summary>One seeded host shared by the read-only tests of a class.</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public ApiFactory Factory { get; } = new();

    /// <summary>A client for the seeded host; send GraphQL through <see cref="Protocol.GraphQLWire"/>.</summary>
    public HttpClient Http { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        Http = Factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}
