using System.Globalization;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Import;

namespace KnowledgeGraph.Domain.Changes;

/// <summary>One node a write touched, and what the write did to it.</summary>
/// <param name="Id">The node.</param>
/// <param name="Outcome">Created, updated or merged (a merged record is the stored one it was merged into).</param>
public sealed record ChangedNode(NodeId Id, RecordOutcome Outcome);

/// <summary>
/// One entry of the change log: who wrote (the API key's name), when, by which operation, and
/// which nodes. Every write carries one to its store, which records it in the transaction of the
/// write itself, so the log holds an entry exactly when the write landed.
/// </summary>
/// <param name="Id">A unique id, time-ordered (a version 7 UUID in 32 hex digits).</param>
/// <param name="At">When, in UTC.</param>
/// <param name="KeyName">The name of the API key (or <c>cli</c>, <c>system</c>) the write was made with.</param>
/// <param name="Operation">The operation, such as <c>importBundle</c> or <c>createPerson</c>.</param>
/// <param name="Nodes">The nodes created or changed, in the order the write made them.</param>
public sealed record ChangeEntry(string Id, DateTimeOffset At, string KeyName, string Operation, IReadOnlyList<ChangedNode> Nodes)
{
    /// <summary>The key name of writes made by the <c>import</c> verb.</summary>
    public const string CliKeyName = "cli";

    /// <summary>The key name of writes the server makes itself (seeding an empty store).</summary>
    public const string SystemKeyName = "system";

    /// <summary>A new entry stamped now by <paramref name="clock"/>.</summary>
    public static ChangeEntry Create(TimeProvider clock, string keyName, string operation, IReadOnlyList<ChangedNode> nodes)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow();
        return new ChangeEntry(Guid.CreateVersion7(now).ToString("N", CultureInfo.InvariantCulture), now, keyName, operation, nodes);
    }

    /// <summary>The text a store keeps a node as: <c>Type:key</c>.</summary>
    public static string NodeText(NodeId id) => id.ToString();

    /// <summary>Reads <see cref="NodeText"/> back.</summary>
    public static NodeId ParseNode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return new NodeId(Enum.Parse<NodeType>(text[..colon]), text[(colon + 1)..]);
    }
}

/// <summary>Which change-log entries to list: each condition given narrows the list.</summary>
/// <param name="Node">Only entries that touched this node.</param>
/// <param name="KeyName">Only entries written with this key name (exact).</param>
/// <param name="From">Only entries at or after this instant.</param>
/// <param name="To">Only entries before this instant.</param>
public sealed record ChangeQuery(NodeId? Node = null, string? KeyName = null, DateTimeOffset? From = null, DateTimeOffset? To = null);
