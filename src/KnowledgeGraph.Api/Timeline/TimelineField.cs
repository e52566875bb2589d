using GraphQL;
using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL;
using KnowledgeGraph.Api.GraphQL.Conventions.Paging;
using KnowledgeGraph.Domain.Analytics;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Ports;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Api.Timeline;

/// <summary>The root field <c>timeline</c>: what happened around a node, in date order, answers threaded.</summary>
internal static class TimelineField
{
    /// <summary>Adds <c>timeline</c> to the root type.</summary>
    public static void AddTimeline(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<ConnectionType<TimelineItem, TimelineEntryType>>>("timeline")
            .Description($"What happened around a place (and the places inside it), a person, an organisation or a negotiation: its statements and the rounds of talks held there, with it or in it, in date order (unknown dates last; on one day, rounds first). "
                + $"A statement that answers another one in the timeline is threaded under it (`responses`), not listed on its own. Pages over the top-level entries; reads the first {Timelines.MaxEvents} events.")
            .Argument<NonNullGraphType<IdGraphType>>("node", "The global id of a Place, Person, Organisation or Negotiation.")
            .PagingArgs()
            .ResolveAsync(async ctx =>
            {
                var id = ctx.GetArgument<string>("node");
                if (!NodeId.TryDecode(id, out var subject, out var error))
                {
                    throw ErrorCodes.Error(ErrorCodes.InvalidId, $"'node': {error}");
                }

                if (!Timelines.Supports(subject.Type))
                {
                    throw ErrorCodes.Error(ErrorCodes.InvalidId, $"'node': the id '{id}' is a {subject.Type} id; a timeline is drawn for a Place, Person, Organisation or Negotiation.");
                }

                var page = PagingArguments.Read(ctx);
                var analytics = ctx.RequestServices!.GetRequiredService<IGraphAnalytics>();
                var events = await analytics.TimelineAsync(subject, Timelines.MaxEvents, ctx.CancellationToken);
                return new Connection<TimelineItem>(Page<TimelineItem>.FromAll(Thread(events), page));
            });

    /// <summary>Each statement under the statement it answers, when that one is in the timeline too.</summary>
    internal static IReadOnlyList<TimelineItem> Thread(IReadOnlyList<TimelineEvent> events)
    {
        var items = events.Select(e => new TimelineItem(e, new List<TimelineItem>())).ToList();
        var byKey = items.Where(i => i.Event.StatementKey is not null)
            .GroupBy(i => i.Event.StatementKey!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var top = new List<TimelineItem>();
        foreach (var item in items)
        {
            if (item.Event.RespondsToKey is { } answered && byKey.TryGetValue(answered, out var parent) && !ReferenceEquals(parent, item))
            {
                ((List<TimelineItem>)parent.Responses).Add(item);
            }
            else
            {
                top.Add(item);
            }
        }

        return top;
    }
}

/// <summary>An entry of a timeline with the entries that answer it.</summary>
internal sealed record TimelineItem(TimelineEvent Event, IReadOnlyList<TimelineItem> Responses);
