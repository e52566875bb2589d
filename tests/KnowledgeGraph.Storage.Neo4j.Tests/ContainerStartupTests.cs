using KnowledgeGraph.Storage.Neo4j.Tests.Contract;

namespace KnowledgeGraph.Storage.Neo4j.Tests;

/// <summary>
/// The container suite skips only when no Docker engine answers: with a Docker ping that answers
/// and a server start that throws (both test doubles), the suite fails with the cause.
/// </summary>
public sealed class ContainerStartupTests
{
    private const string Image = "neo4j:test";

    public static TheoryData<Exception, string> StartFailures => new()
    {
        { new TimeoutException("The wait strategy gave up after 3 minutes."), "TimeoutException: The wait strategy gave up after 3 minutes." },
        { new HttpRequestException("Connection refused (localhost:32768)"), "HttpRequestException: Connection refused (localhost:32768)" },
        { new InvalidOperationException("Container exited with code 1\nat line two"), "InvalidOperationException: Container exited with code 1" },
        { new ArgumentException("The port 7474 is not bound."), "ArgumentException: The port 7474 is not bound." },
        { new OperationCanceledException("The start-up was cancelled."), "OperationCanceledException: The start-up was cancelled." },
    };

    [Theory]
    [MemberData(nameof(StartFailures))]
    public async Task An_answering_engine_with_a_server_that_does_not_start_is_a_failure_not_a_skip(Exception thrown, string cause)
    {
        var start = new ServerStartDouble(thrown);

        var outcome = await ContainerStartup.StartAsync(Image, DockerPingDouble.Answers, start.StartAsync);

        Assert.Equal(new StartOutcome(null, $"a Docker engine answers, but {Image} did not start ({cause})"), outcome);
        Assert.Equal(1, start.Calls);
    }

    [Fact]
    public async Task No_answering_engine_is_a_skip_and_no_start_is_tried()
    {
        var start = new ServerStartDouble(new InvalidOperationException("must not be called"));

        var outcome = await ContainerStartup.StartAsync(Image, DockerPingDouble.NoAnswer, start.StartAsync);

        Assert.Equal(new StartOutcome($"no Docker engine answers, so {Image} cannot run (unix:///var/run/docker.sock does not answer)", null), outcome);
        Assert.Equal(0, start.Calls);
    }

    [Fact]
    public async Task An_answering_engine_and_a_server_that_starts_is_neither()
    {
        var start = new ServerStartDouble(null);

        var outcome = await ContainerStartup.StartAsync(Image, DockerPingDouble.Answers, start.StartAsync);

        Assert.Equal(new StartOutcome(null, null), outcome);
        Assert.Equal(1, start.Calls);
    }

    /// <summary>Test double of the Docker ping: an engine that answers, or none.</summary>
    private static class DockerPingDouble
    {
        public static Task<string?> Answers() => Task.FromResult<string?>(null);

        public static Task<string?> NoAnswer() => Task.FromResult<string?>("unix:///var/run/docker.sock does not answer");
    }

    /// <summary>Test double of the server start: throws the given exception, or succeeds.</summary>
    private sealed class ServerStartDouble(Exception? failure)
    {
        public int Calls { get; private set; }

        public async Task StartAsync()
        {
            Calls++;
            await Task.Yield();
            if (failure is not null)
            {
                throw failure;
            }
        }
    }
}
