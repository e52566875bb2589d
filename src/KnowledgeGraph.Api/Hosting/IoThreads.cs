using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;

namespace KnowledgeGraph.Api.Hosting;

/// <summary>
/// Where requests run: on the threads that wait for the sockets, or on the thread pool.
/// </summary>
/// <remarks>
/// <para>
/// By default .NET hands every socket event from the thread that waits for it to the thread
/// pool, and Kestrel hands it on once more, so a request wakes two threads before any of its
/// own code runs. On a small machine the wake-ups cost more than a key lookup: under 32 clients
/// a point lookup made 2.5 context switches, and a third of its CPU was kernel time, most of it
/// switching threads. Run inline, a request is read, answered and written by the thread that
/// saw its bytes arrive, as a Node.js server does it (0.26 context switches per lookup).
/// </para>
/// <para>
/// While a request runs there, no other connection of that thread is read, so only short
/// work may stay: <see cref="GraphQL.Pipeline.IoThreadPolicy"/> sends every operation that
/// is not a cheap query to the thread pool before it executes. Inline scheduling is on by
/// default with SQLite, whose calls are short and synchronous. With Neo4j every store call
/// waits on the network, and inline its answers would be parsed on the socket threads, so it
/// is off unless set.
/// </para>
/// </remarks>
public static class IoThreads
{
    /// <summary>The setting: <c>true</c> runs requests on the socket threads (default with SQLite), <c>false</c> on the thread pool.</summary>
    public const string InlineSchedulingKey = "Http:InlineScheduling";

    /// <summary>.NET's own switch for running socket completions on the threads that wait for them, read once per process.</summary>
    internal const string InlineCompletionsVariable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>Turns inline scheduling on for this host when the setting (or, unset, the store) asks for it.</summary>
    internal static void Configure(WebApplicationBuilder builder, StoreKind store)
    {
        if (!builder.Configuration.GetValue(InlineSchedulingKey, store == StoreKind.Sqlite))
        {
            return;
        }

        // Read by .NET when the process first uses a socket asynchronously, which a server has
        // not done before its host is built. An explicit value in the environment wins.
        if (Environment.GetEnvironmentVariable(InlineCompletionsVariable) is null)
        {
            Environment.SetEnvironmentVariable(InlineCompletionsVariable, "1");
        }

        builder.Services.Configure<SocketTransportOptions>(options => options.UnsafePreferInlineScheduling = true);
    }
}
