using System.Text.Json.Nodes;
using GraphQL.Types;
using KnowledgeGraph.Api.Writes;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Model;

namespace KnowledgeGraph.Api.Places;

/// <summary><c>createPlace</c> and <c>updatePlace</c>, both through the one import path.</summary>
internal static class PlaceMutations
{
    public static void AddPlaceMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CreatePlacePayloadType>>("createPlace")
            .Description("Creates a place, inside another or not. The key is derived from the name unless given; a key already stored is an error (use updatePlace), and a name that resolves onto a stored place (Kiev/Kyiv…) is merged into it, as an import would.")
            .Argument<NonNullGraphType<CreatePlaceInputType>>("input", "The place.")
            .ResolveAsync(async ctx =>
            {
                var m = new RecordMutation(ctx, "createPlace");
                await m.CheckNewKeyAsync(NodeType.Place, m.Get("name") as string, "updatePlace");
                return await m.ImportAsync(new JsonObject { ["places"] = new JsonArray(Record(m, m.Get("name") as string, m.Get("kind"))) }, "places");
            });

        mutation.Field<NonNullGraphType<UpdatePlacePayloadType>>("updatePlace")
            .Description("Changes a place: the fields given replace the stored ones, the fields left out are kept; aliases given are added.")
            .Argument<NonNullGraphType<UpdatePlaceInputType>>("input", "The place's id and the fields to change.")
            .ResolveAsync(async ctx =>
            {
                var m = new RecordMutation(ctx, "updatePlace");
                var stored = await m.TargetAsync<Place>(NodeType.Place);
                if (stored is null)
                {
                    return await m.ImportAsync(new JsonObject(), "places");
                }

                var record = Record(m, m.Get("name") as string ?? stored.Name, m.Get("kind") ?? stored.Kind);
                record["key"] = stored.Key;
                return await m.ImportAsync(new JsonObject { ["places"] = new JsonArray(record) }, "places");
            });
    }

    private static JsonObject Record(RecordMutation m, string? name, object? kind)
    {
        var record = new JsonObject();
        m.Copy(record, "key");
        record["name"] = name;
        record["kind"] = kind is null ? null : RecordMutation.Wire(kind);
        m.Copy(record, "aliases", RecordMutation.Strings);
        m.CopyReference(record, "containedIn", NodeType.Place);
        return record;
    }
}

/// <summary>The <c>CreatePlaceInput</c> input type.</summary>
internal sealed class CreatePlaceInputType : InputObjectGraphType
{
    public CreatePlaceInputType()
    {
        Name = "CreatePlaceInput";
        Description = "A new place.";
        Field<StringGraphType>("key").Description("The key (a slug); derived from the name when left out.");
        Field<NonNullGraphType<StringGraphType>>("name").Description("The usual English name.");
        Field<NonNullGraphType<PlaceKindType>>("kind").Description("What kind of place it is.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("aliases").Description("Other names and spellings.");
        Field<IdGraphType>("containedIn").Description("The global id of the place it lies in.");
    }
}

/// <summary>The <c>UpdatePlaceInput</c> input type.</summary>
internal sealed class UpdatePlaceInputType : InputObjectGraphType
{
    public UpdatePlaceInputType()
    {
        Name = "UpdatePlaceInput";
        Description = "The fields of a place to change; fields left out are kept.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The place's global id.");
        Field<StringGraphType>("name").Description("A new name.");
        Field<PlaceKindType>("kind").Description("A new kind.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("aliases").Description("Aliases to add.");
        Field<IdGraphType>("containedIn").Description("The global id of the place it lies in now.");
    }
}

/// <summary>The <c>CreatePlacePayload</c> type.</summary>
internal sealed class CreatePlacePayloadType() : MutationPayloadType<PlaceType, CreatePlaceErrorType>("createPlace", "place", "place");

/// <summary>The <c>UpdatePlacePayload</c> type.</summary>
internal sealed class UpdatePlacePayloadType() : MutationPayloadType<PlaceType, UpdatePlaceErrorType>("updatePlace", "place", "place");

/// <summary>The <c>CreatePlaceError</c> union.</summary>
internal sealed class CreatePlaceErrorType : MutationErrorType
{
    public CreatePlaceErrorType()
        : base("createPlace") => Type<ContainmentCycleErrorType>();
}

/// <summary>The <c>UpdatePlaceError</c> union.</summary>
internal sealed class UpdatePlaceErrorType : MutationErrorType
{
    public UpdatePlaceErrorType()
        : base("updatePlace") => Type<ContainmentCycleErrorType>();
}
