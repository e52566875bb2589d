using System.Collections;
using GraphQL.Types;
using KnowledgeGraph.Domain.Analytics;
using KnowledgeGraph.Domain.Ids;

namespace KnowledgeGraph.Api.Statistics;

/// <summary>
/// The <c>where</c> of a group: a <c>StatementFilterInput</c> value, as JSON, that lists exactly
/// the group's statements: the client's own filter and range, and one condition per key.
/// </summary>
internal static class DrillDown
{
    /// <summary>The speaker of a group grouped by speaker (the store writes it <c>Type:key</c>).</summary>
    public static NodeId? Speaker(StatsGroup group)
    {
        if (group.Context.Key(group.Row, StatDimension.Speaker) is not { } key)
        {
            return null;
        }

        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return new NodeId(Enum.Parse<NodeType>(key[..colon]), key[(colon + 1)..]);
    }

    /// <summary>The filter of one group.</summary>
    public static Dictionary<string, object?> For(StatsGroup group)
    {
        var context = group.Context;
        var row = group.Row;
        var parts = new List<object?>();
        if (context.Where is { } where)
        {
            parts.Add(where);
        }

        var (from, to) = (context.From, context.To);
        for (var i = 0; i < context.GroupBy.Count; i++)
        {
            var key = row.Keys[i];
            switch (context.GroupBy[i])
            {
                case StatDimension.Speaker:
                    var speaker = Speaker(group)!.Value;
                    parts.Add(Obj("speaker", Obj(speaker.Type == NodeType.Person ? "person" : "organisation", IdIs(speaker))));
                    break;
                case StatDimension.SpeakerOrganisation:
                    var organisation = new NodeId(NodeType.Organisation, key).Encode();
                    parts.Add(Obj("or", new List<object?>
                    {
                        Obj("speaker", Obj("organisation", Obj("id", Obj("eq", organisation)))),
                        Obj("speaker", Obj("person", Obj("affiliations", Obj("some", new Dictionary<string, object?>
                        {
                            ["organisation"] = Obj("id", Obj("eq", organisation)),
                            ["current"] = Obj("neq", false),
                        })))),
                    }));
                    break;
                case StatDimension.Place when context.PlaceLevel == PlaceLevel.AsStated:
                    parts.Add(Obj("about", Obj("some", IdIs(new NodeId(NodeType.Place, key)))));
                    break;
                case StatDimension.Place:
                    // The places inside the region (or country) that the group's statements name:
                    // a statement about any of them is in the group, and no other statement is.
                    parts.Add(Obj("about", Obj("some", Obj("id", Obj("in", row.Places.Select(p => (object?)new NodeId(NodeType.Place, p).Encode()).ToList())))));
                    break;
                case StatDimension.Kind:
                    parts.Add(Obj("kind", Obj("eq", key)));
                    break;
                case StatDimension.Negotiation:
                    parts.Add(Obj("negotiation", IdIs(new NodeId(NodeType.Negotiation, key))));
                    break;
                case StatDimension.Time:
                    var start = TimeBuckets.Parse(key);
                    var last = TimeBuckets.EndOf(start, context.Bucket).AddDays(-1);
                    from = from is { } f && f > start ? f : start;
                    to = to is { } t && t < last ? t : last;
                    break;
            }
        }

        var range = new Dictionary<string, object?>();
        if (from is { } gte)
        {
            range["gte"] = TimeBuckets.Format(gte);
        }

        if (to is { } lte)
        {
            range["lte"] = TimeBuckets.Format(lte);
        }

        if (range.Count > 0)
        {
            parts.Add(Obj("date", range));
        }

        return Obj("and", parts);
    }

    /// <summary>A coerced input value written back as JSON input, by its input type.</summary>
    public static object? ToJson(object? value, IGraphType type) => (value, type) switch
    {
        (null, _) => null,
        (_, NonNullGraphType nonNull) => ToJson(value, nonNull.ResolvedType!),
        (IEnumerable items and not string and not IDictionary, ListGraphType list) =>
            items.Cast<object?>().Select(item => ToJson(item, list.ResolvedType!)).ToList(),
        (IDictionary<string, object?> fields, IInputObjectGraphType input) =>
            fields.ToDictionary(f => f.Key, f => ToJson(f.Value, input.GetField(f.Key)!.ResolvedType!), StringComparer.Ordinal),
        (_, ScalarGraphType scalar) => scalar.Serialize(value),
        _ => value,
    };

    private static Dictionary<string, object?> IdIs(NodeId id) => Obj("id", Obj("eq", id.Encode()));

    private static Dictionary<string, object?> Obj(string name, object? value) => new(StringComparer.Ordinal) { [name] = value };
}
