using KnowledgeGraph.Domain.Ids;

namespace KnowledgeGraph.Domain.Analytics;

/// <summary>
/// A breadth-first search for the shortest paths between two nodes, fed one level of
/// relationships at a time by a store, and the paths it found in their fixed order: by the
/// sequence of node ids (<c>Type:key</c>, ordinal), then by the sequence of links
/// (<see cref="LinkText"/>, ordinal). No I/O: the store reads, this decides.
/// </summary>
public sealed class PathSearch
{
    private readonly NodeId _from;
    private readonly NodeId _to;
    private readonly PathLimits _limits;
    private readonly Dictionary<NodeId, int> _depth = [];
    private readonly Dictionary<NodeId, HashSet<(NodeId Previous, PathLink Link)>> _parents = [];
    private List<NodeId> _frontier;
    private int _level;
    private bool _found;

    /// <summary>Starts a search from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public PathSearch(NodeId from, NodeId to, PathLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        (_from, _to, _limits) = (from, to, limits);
        _depth[from] = 0;
        _frontier = [from];
    }

    /// <summary>The nodes whose relationships the next level reads; empty when the search is over.</summary>
    public IReadOnlyList<NodeId> NextFrontier() => _found || _level >= _limits.MaxLength ? [] : _frontier;

    /// <summary>
    /// Takes the relationships of the frontier: for each, the frontier node, the relationship,
    /// whether it points away from that node, and the node at its other end.
    /// </summary>
    public void Expand(IEnumerable<(NodeId Node, string Relationship, bool Forward, NodeId Other)> edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        var next = new HashSet<NodeId>();
        foreach (var (node, relationship, forward, other) in edges)
        {
            if (!_depth.TryGetValue(other, out var depth))
            {
                depth = _level + 1;
                _depth[other] = depth;
                next.Add(other);
            }

            if (depth == _level + 1)
            {
                if (!_parents.TryGetValue(other, out var parents))
                {
                    _parents[other] = parents = [];
                }

                parents.Add((node, new PathLink(relationship, forward)));
            }
        }

        _level++;
        _found = next.Contains(_to);
        _frontier = [.. next.Order(IdOrder.Instance)];
    }

    /// <summary>The shortest paths found, at most <see cref="PathLimits.MaxPaths"/>, in their fixed order.</summary>
    public IReadOnlyList<GraphPath> Paths()
    {
        if (_from == _to)
        {
            return [new GraphPath([_from], [])];
        }

        if (!_found)
        {
            return [];
        }

        // The nodes on some shortest path, and for each the ways on to the next node.
        var onPath = new HashSet<NodeId> { _to };
        var forwardLinks = new Dictionary<NodeId, List<(NodeId Next, string Link)>>();
        var stack = new Stack<NodeId>([_to]);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            foreach (var (previous, link) in _parents.GetValueOrDefault(node) ?? [])
            {
                if (!forwardLinks.TryGetValue(previous, out var list))
                {
                    forwardLinks[previous] = list = [];
                }

                // The link as seen walking from previous to node: forward when it points that way.
                list.Add((node, LinkText(link)));
                if (onPath.Add(previous))
                {
                    stack.Push(previous);
                }
            }
        }

        var paths = new List<GraphPath>();
        var nodes = new List<NodeId> { _from };
        Walk(_from);
        return paths;

        void Walk(NodeId node)
        {
            if (paths.Count >= _limits.MaxPaths)
            {
                return;
            }

            if (node == _to)
            {
                Emit();
                return;
            }

            foreach (var next in (forwardLinks.GetValueOrDefault(node) ?? []).Select(l => l.Next).Distinct().Order(IdOrder.Instance))
            {
                nodes.Add(next);
                Walk(next);
                nodes.RemoveAt(nodes.Count - 1);
            }
        }

        // Every choice of link per hop for this node sequence, in ordinal order of the links.
        void Emit()
        {
            var choices = new List<string[]>();
            for (var i = 0; i + 1 < nodes.Count; i++)
            {
                var (a, b) = (nodes[i], nodes[i + 1]);
                choices.Add([.. forwardLinks[a].Where(l => l.Next == b).Select(l => l.Link).Distinct().Order(StringComparer.Ordinal)]);
            }

            var index = new int[choices.Count];
            while (paths.Count < _limits.MaxPaths)
            {
                paths.Add(new GraphPath([.. nodes], [.. index.Select((c, i) => ParseLink(choices[i][c]))]));
                var hop = choices.Count - 1;
                while (hop >= 0 && ++index[hop] == choices[hop].Length)
                {
                    index[hop--] = 0;
                }

                if (hop < 0)
                {
                    break;
                }
            }
        }
    }

    /// <summary>A link as text, as both stores order it: the relationship, then <c>&gt;</c> when it points along the path, <c>&lt;</c> when against.</summary>
    public static string LinkText(PathLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return link.Relationship + (link.Forward ? ">" : "<");
    }

    /// <summary>The link a <see cref="LinkText"/> stands for.</summary>
    public static PathLink ParseLink(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        return new PathLink(text[..^1], text[^1] == '>');
    }

    /// <summary>A node id from its <c>Type:key</c> text.</summary>
    public static NodeId ParseId(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return new NodeId(Enum.Parse<NodeType>(text[..colon]), text[(colon + 1)..]);
    }

    /// <summary>Node ids in ordinal order of their <c>Type:key</c> text.</summary>
    private sealed class IdOrder : IComparer<NodeId>
    {
        public static readonly IdOrder Instance = new();

        public int Compare(NodeId x, NodeId y) => string.CompareOrdinal(x.ToString(), y.ToString());
    }
}
