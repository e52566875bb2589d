namespace KnowledgeGraph.Tests.Infrastructure;

/// <summary>One seeded host shared by the read-only tests of a class.</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public ApiFactory Factory { get; } = new();

    public GraphQLClient Client { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        Client = Factory.GraphQL();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}
