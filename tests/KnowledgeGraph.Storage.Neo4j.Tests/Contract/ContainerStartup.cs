namespace KnowledgeGraph.Storage.Neo4j.Tests.Contract;

/// <summary>What became of starting the container suite's server.</summary>
/// <param name="Unavailable">Why no Docker engine answers: the suite is skipped (or fails with <c>KG_REQUIRE_DOCKER=1</c>).</param>
/// <param name="Failure">Why the server did not start although an engine answers: the suite fails.</param>
public sealed record StartOutcome(string? Unavailable, string? Failure);

/// <summary>
/// Decides whether a start-up problem is a skip or a failure: only a Docker engine that does not
/// answer is a skip; once one answers, anything that goes wrong starting the server (a timeout,
/// a crash, an HTTP error, a bad argument) is a failure with its cause.
/// </summary>
public static class ContainerStartup
{
    /// <summary>Asks <paramref name="whyNoEngine"/> first, and runs <paramref name="start"/> only when an engine answers.</summary>
    public static async Task<StartOutcome> StartAsync(string image, Func<Task<string?>> whyNoEngine, Func<Task> start)
    {
        if (await whyNoEngine() is { } noEngine)
        {
            return new StartOutcome($"no Docker engine answers, so {image} cannot run ({noEngine})", null);
        }

        try
        {
            await start();
            return new StartOutcome(null, null);
        }
        catch (Exception e)
        {
            return new StartOutcome(null, $"a Docker engine answers, but {image} did not start ({e.GetType().Name}: {e.Message.Split('\n')[0].Trim()})");
        }
    }
}
