using GraphQL;
using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Conventions.Nodes;
using KnowledgeGraph.Domain.Changes;
using KnowledgeGraph.Domain.Editing;
using KnowledgeGraph.Domain.Import;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Ports;

namespace KnowledgeGraph.Api.Writes;

/// <summary>The input of <c>mergeNodes</c>.</summary>
internal sealed class MergeNodesInput
{
    public string Survivor { get; set; } = string.Empty;

    public string Duplicate { get; set; } = string.Empty;
}

/// <summary>The <c>MergeNodesInput</c> input type.</summary>
internal sealed class MergeNodesInputType : InputObjectGraphType<MergeNodesInput>
{
    public MergeNodesInputType()
    {
        Name = "MergeNodesInput";
        Description = "Two records of one type that are the same thing: the duplicate is merged into the survivor.";
        Field<NonNullGraphType<IdGraphType>>("survivor").Description("The global id of the record that stays.");
        Field<NonNullGraphType<IdGraphType>>("duplicate").Description("The global id of the record merged into it; afterwards this id resolves to the survivor.");
    }
}

/// <summary>What <c>mergeNodes</c> returns.</summary>
internal sealed record MergeNodesResult(Node? Survivor, IReadOnlyList<object>? Errors);

/// <summary>The <c>MergeNodesPayload</c> type.</summary>
internal sealed class MergeNodesPayloadType : ObjectGraphType<MergeNodesResult>
{
    public MergeNodesPayloadType()
    {
        Name = "MergeNodesPayload";
        Description = "The result of mergeNodes: the survivor after the merge, or every error (and then nothing was written).";
        Field<NodeInterface>("node").Description("The survivor, with the duplicate's name among its aliases and all its relationships; null when the merge failed.").Resolve(c => c.Source.Survivor);
        Field<ListGraphType<NonNullGraphType<MergeNodesErrorType>>>("errors").Description("Every problem with the input; null when the merge was made.").Resolve(c => c.Source.Errors);
    }
}

/// <summary>The <c>MergeNodesError</c> union.</summary>
internal sealed class MergeNodesErrorType : UnionGraphType
{
    public MergeNodesErrorType()
    {
        Name = "MergeNodesError";
        Description = "An error mergeNodes can report.";
        Type<InvalidIdErrorType>();
        Type<NotFoundErrorType>();
        Type<MergeConflictErrorType>();
    }
}

/// <summary><c>mergeNodes</c>: one record of two that are the same thing.</summary>
internal static partial class MergeNodesMutation
{
    public static void AddMergeNodes(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<MergeNodesPayloadType>>("mergeNodes")
            .Description("Merges a duplicate record into the survivor of the same type, in one transaction: the duplicate's name and aliases become aliases of the survivor, "
                + "every relationship of the duplicate (statements, affiliations, members, containment, places mentioned, negotiation parties and rounds, evidence, responses) moves to the survivor without doubling, "
                + "the duplicate leaves every list, and its id keeps resolving through node and nodes, and in later imports, to the survivor. Articles are not merged.")
            .Argument<NonNullGraphType<MergeNodesInputType>>("input", "The survivor and the duplicate.")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<MergeNodesInput>("input");
                var services = context.RequestServices!;
                var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
                var keyName = MutationType.KeyName(context);
                var result = await MergeAsync(services.GetRequiredService<IGraphStore>(), services.GetRequiredService<IGraphStoreAdmin>(), input, time, keyName, context.CancellationToken);
                if (result.Survivor is { } survivor)
                {
                    var merged = survivor.Id.ToString();
                    var logger = services.GetRequiredService<ILogger<MutationType>>();
                    LogMerge(logger, keyName, merged);
                }

                return result;
            });
    }

    private static async Task<MergeNodesResult> MergeAsync(IGraphStore store, IGraphStoreAdmin admin, MergeNodesInput input, TimeProvider time, string keyName, CancellationToken cancellationToken)
    {
        var errors = new List<object>();
        NodeId? Decode(string id, string field)
        {
            if (NodeId.TryDecode(id, out var nodeId, out var error))
            {
                return nodeId;
            }

            errors.Add(new InvalidIdProblem($"'{field}': {error}", "input." + field, id));
            return null;
        }

        var survivor = Decode(input.Survivor, "survivor");
        var duplicate = Decode(input.Duplicate, "duplicate");
        if (survivor is not { } s || duplicate is not { } d)
        {
            return new MergeNodesResult(null, errors);
        }

        if (s.Type != d.Type)
        {
            return Conflict(MergeConflictReason.DifferentTypes, $"The survivor is a {s.Type} and the duplicate a {d.Type}; only records of one type can be merged.");
        }

        if (s == d)
        {
            return Conflict(MergeConflictReason.SameNode, $"The survivor and the duplicate are the same {s.Type} (\"{s.Key}\"); a record is not merged into itself.");
        }

        if (s.Type == NodeType.Article)
        {
            return Conflict(MergeConflictReason.Article, "Articles cannot be merged: each evidence span points into its own article's text.");
        }

        // Logged under both ids, so that the history of either one shows the merge.
        var change = ChangeEntry.Create(time, keyName, "mergeNodes", [new ChangedNode(s, RecordOutcome.Updated), new ChangedNode(d, RecordOutcome.Merged)]);
        var outcome = await admin.MergeAsync(s, d, change, cancellationToken);
        return outcome switch
        {
            MergeOutcome.SurvivorNotFound => new MergeNodesResult(null, [new NotFoundProblem($"'survivor': no {s.Type} has the key \"{s.Key}\".", "input.survivor", input.Survivor)]),
            MergeOutcome.DuplicateNotFound => new MergeNodesResult(null, [new NotFoundProblem($"'duplicate': no {d.Type} has the key \"{d.Key}\".", "input.duplicate", input.Duplicate)]),
            MergeOutcome.Cycle => Conflict(MergeConflictReason.Cycle, $"The {s.Type} \"{s.Key}\" and \"{d.Key}\" lie one above the other ({Hierarchy(s.Type)}); merging them would make a record contain itself."),
            _ => new MergeNodesResult(await LoadAsync(store, s, cancellationToken), null),
        };
    }

    private static string Hierarchy(NodeType type) => type switch
    {
        NodeType.Place => "one contains the other",
        NodeType.Organisation => "one is part of the other",
        _ => "one answers the other",
    };

    private static MergeNodesResult Conflict(MergeConflictReason reason, string message) => new(null, [new MergeConflictProblem(message, reason)]);

    /// <summary>One node by id, fresh from the store.</summary>
    internal static async Task<Node?> LoadAsync(IGraphStore store, NodeId id, CancellationToken cancellationToken) => id.Type switch
    {
        NodeType.Person => First(await store.GetAsync<Person>([id.Key], cancellationToken)),
        NodeType.Organisation => First(await store.GetAsync<Organisation>([id.Key], cancellationToken)),
        NodeType.Place => First(await store.GetAsync<Place>([id.Key], cancellationToken)),
        NodeType.Statement => First(await store.GetAsync<Statement>([id.Key], cancellationToken)),
        NodeType.Negotiation => First(await store.GetAsync<Negotiation>([id.Key], cancellationToken)),
        _ => First(await store.GetAsync<Article>([id.Key], cancellationToken)),
    };

    private static T? First<T>(IReadOnlyList<T> items)
        where T : class => items.Count > 0 ? items[0] : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "mergeNodes by key {KeyName}: merged into {Survivor}.")]
    private static partial void LogMerge(ILogger logger, string keyName, string survivor);
}
