using System.Text.Json.Nodes;
using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Conventions.Scalars;
using KnowledgeGraph.Api.Writes;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Model;

namespace KnowledgeGraph.Api.Negotiations;

/// <summary><c>createNegotiation</c> and <c>updateNegotiation</c>, with rounds, through the one import path.</summary>
internal static class NegotiationMutations
{
    public static void AddNegotiationMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CreateNegotiationPayloadType>>("createNegotiation")
            .Description("Creates a negotiation with its parties and rounds. The key is derived from the name unless given; a key already stored is an error (use updateNegotiation).")
            .Argument<NonNullGraphType<CreateNegotiationInputType>>("input", "The negotiation.")
            .ResolveAsync(async ctx =>
            {
                var m = new RecordMutation(ctx, "createNegotiation");
                await m.CheckNewKeyAsync(NodeType.Negotiation, m.Get("name") as string, "updateNegotiation");
                return await m.ImportAsync(new JsonObject { ["negotiations"] = new JsonArray(Record(m, m.Get("name") as string, m.Get("status"))) }, "negotiations");
            });

        mutation.Field<NonNullGraphType<UpdateNegotiationPayloadType>>("updateNegotiation")
            .Description("Changes a negotiation: the name, status and venue given replace the stored ones, the fields left out are kept; parties and rounds given are added (a round equal to a stored one in number, date and venue is not added twice).")
            .Argument<NonNullGraphType<UpdateNegotiationInputType>>("input", "The negotiation's id and the fields to change.")
            .ResolveAsync(async ctx =>
            {
                var m = new RecordMutation(ctx, "updateNegotiation");
                var stored = await m.TargetAsync<Negotiation>(NodeType.Negotiation);
                if (stored is null)
                {
                    return await m.ImportAsync(new JsonObject(), "negotiations");
                }

                var record = Record(m, m.Get("name") as string ?? stored.Name, m.Get("status") ?? stored.Status);
                record["key"] = stored.Key;
                return await m.ImportAsync(new JsonObject { ["negotiations"] = new JsonArray(record) }, "negotiations");
            });
    }

    private static JsonObject Record(RecordMutation m, string? name, object? status)
    {
        var record = new JsonObject();
        m.Copy(record, "key");
        record["name"] = name;
        record["status"] = status is null ? null : RecordMutation.Wire(status);
        m.Copy(record, "aliases", RecordMutation.Strings);
        m.CopyReference(record, "venue", NodeType.Place);
        if (m.Get("parties") is { } parties)
        {
            record["parties"] = m.References(parties, "input.parties", NodeType.Organisation);
        }

        var rounds = RecordMutation.Objects(m.Get("rounds"));
        if (rounds.Count > 0)
        {
            var list = new JsonArray();
            for (var i = 0; i < rounds.Count; i++)
            {
                var r = rounds[i];
                var venue = m.Reference(RecordMutation.Get(r, "venue"), $"input.rounds[{i}].venue", NodeType.Place);
                list.Add(new JsonObject
                {
                    ["number"] = RecordMutation.Get(r, "number") is int number ? number : null,
                    ["date"] = RecordMutation.Get(r, "date") is { } date ? RecordMutation.Wire(date) : null,
                    ["venue"] = venue?.Key,
                });
            }

            record["rounds"] = list;
        }

        return record;
    }
}

/// <summary>The <c>NegotiationRoundInput</c> input type.</summary>
internal sealed class NegotiationRoundInputType : InputObjectGraphType
{
    public NegotiationRoundInputType()
    {
        Name = "NegotiationRoundInput";
        Description = "One round of a negotiation.";
        Field<IntGraphType>("number").Description("The round's number, from 1; null when not known.");
        Field<DateScalar>("date").Description("When it was held; null when not known.");
        Field<IdGraphType>("venue").Description("The global id of the place it was held at.");
    }
}

/// <summary>The <c>CreateNegotiationInput</c> input type.</summary>
internal sealed class CreateNegotiationInputType : InputObjectGraphType
{
    public CreateNegotiationInputType()
    {
        Name = "CreateNegotiationInput";
        Description = "A new negotiation.";
        Field<StringGraphType>("key").Description("The key (a slug); derived from the name when left out.");
        Field<NonNullGraphType<StringGraphType>>("name").Description("The name, such as the talks' usual name.");
        Field<NonNullGraphType<NegotiationStatusType>>("status").Description("Where the talks stand.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("aliases").Description("Other names the talks go by.");
        Field<IdGraphType>("venue").Description("The global id of the place they are held at.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("parties").Description("The global ids of the organisations taking part.");
        Field<ListGraphType<NonNullGraphType<NegotiationRoundInputType>>>("rounds").Description("The rounds held.");
    }
}

/// <summary>The <c>UpdateNegotiationInput</c> input type.</summary>
internal sealed class UpdateNegotiationInputType : InputObjectGraphType
{
    public UpdateNegotiationInputType()
    {
        Name = "UpdateNegotiationInput";
        Description = "The fields of a negotiation to change; fields left out are kept.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The negotiation's global id.");
        Field<StringGraphType>("name").Description("A new name.");
        Field<NegotiationStatusType>("status").Description("A new status.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("aliases").Description("Aliases to add.");
        Field<IdGraphType>("venue").Description("The global id of a new venue.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("parties").Description("The global ids of parties to add.");
        Field<ListGraphType<NonNullGraphType<NegotiationRoundInputType>>>("rounds").Description("Rounds to add.");
    }
}

/// <summary>The <c>CreateNegotiationPayload</c> type.</summary>
internal sealed class CreateNegotiationPayloadType() : MutationPayloadType<NegotiationType, CreateNegotiationErrorType>("createNegotiation", "negotiation", "negotiation");

/// <summary>The <c>UpdateNegotiationPayload</c> type.</summary>
internal sealed class UpdateNegotiationPayloadType() : MutationPayloadType<NegotiationType, UpdateNegotiationErrorType>("updateNegotiation", "negotiation", "negotiation");

/// <summary>The <c>CreateNegotiationError</c> union.</summary>
internal sealed class CreateNegotiationErrorType() : MutationErrorType("createNegotiation");

/// <summary>The <c>UpdateNegotiationError</c> union.</summary>
internal sealed class UpdateNegotiationErrorType() : MutationErrorType("updateNegotiation");
