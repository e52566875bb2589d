using System.Text.Json.Nodes;
using GraphQL.Types;
using KnowledgeGraph.Api.Writes;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Model;

namespace KnowledgeGraph.Api.Organisations;

/// <summary><c>createOrganisation</c> and <c>updateOrganisation</c>, both through the one import path.</summary>
internal static class OrganisationMutations
{
    public static void AddOrganisationMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CreateOrganisationPayloadType>>("createOrganisation")
            .Description("Creates an organisation. The key is derived from the name unless given; a key already stored is an error (use updateOrganisation), and a name that resolves onto a stored organisation is merged into it, as an import would.")
            .Argument<NonNullGraphType<CreateOrganisationInputType>>("input", "The organisation.")
            .ResolveAsync(async ctx =>
            {
                var m = new RecordMutation(ctx, "createOrganisation");
                await m.CheckNewKeyAsync(NodeType.Organisation, m.Get("name") as string, "updateOrganisation");
                return await m.ImportAsync(new JsonObject { ["organisations"] = new JsonArray(Record(m, m.Get("name") as string, m.Get("kind"))) }, "organisations");
            });

        mutation.Field<NonNullGraphType<UpdateOrganisationPayloadType>>("updateOrganisation")
            .Description("Changes an organisation: the fields given replace the stored ones, the fields left out are kept; aliases given are added.")
            .Argument<NonNullGraphType<UpdateOrganisationInputType>>("input", "The organisation's id and the fields to change.")
            .ResolveAsync(async ctx =>
            {
                var m = new RecordMutation(ctx, "updateOrganisation");
                var stored = await m.TargetAsync<Organisation>(NodeType.Organisation);
                if (stored is null)
                {
                    return await m.ImportAsync(new JsonObject(), "organisations");
                }

                var record = Record(m, m.Get("name") as string ?? stored.Name, m.Get("kind") ?? stored.Kind);
                record["key"] = stored.Key;
                return await m.ImportAsync(new JsonObject { ["organisations"] = new JsonArray(record) }, "organisations");
            });
    }

    private static JsonObject Record(RecordMutation m, string? name, object? kind)
    {
        var record = new JsonObject();
        m.Copy(record, "key");
        record["name"] = name;
        record["kind"] = kind is null ? null : RecordMutation.Wire(kind);
        m.Copy(record, "aliases", RecordMutation.Strings);
        m.Copy(record, "description");
        m.CopyReference(record, "country", NodeType.Place);
        m.CopyReference(record, "partOf", NodeType.Organisation);
        return record;
    }
}

/// <summary>The <c>CreateOrganisationInput</c> input type.</summary>
internal sealed class CreateOrganisationInputType : InputObjectGraphType
{
    public CreateOrganisationInputType()
    {
        Name = "CreateOrganisationInput";
        Description = "A new organisation.";
        Field<StringGraphType>("key").Description("The key (a slug); derived from the name when left out.");
        Field<NonNullGraphType<StringGraphType>>("name").Description("The usual English name.");
        Field<NonNullGraphType<OrganisationKindType>>("kind").Description("What kind of body it is.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("aliases").Description("Other names and designations.");
        Field<StringGraphType>("description").Description("What the organisation is.");
        Field<IdGraphType>("country").Description("The global id of the place (a country) it belongs to.");
        Field<IdGraphType>("partOf").Description("The global id of the organisation it is part of.");
    }
}

/// <summary>The <c>UpdateOrganisationInput</c> input type.</summary>
internal sealed class UpdateOrganisationInputType : InputObjectGraphType
{
    public UpdateOrganisationInputType()
    {
        Name = "UpdateOrganisationInput";
        Description = "The fields of an organisation to change; fields left out are kept.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The organisation's global id.");
        Field<StringGraphType>("name").Description("A new name.");
        Field<OrganisationKindType>("kind").Description("A new kind.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("aliases").Description("Aliases to add.");
        Field<StringGraphType>("description").Description("A new description.");
        Field<IdGraphType>("country").Description("The global id of a new country.");
        Field<IdGraphType>("partOf").Description("The global id of a new parent organisation.");
    }
}

/// <summary>The <c>CreateOrganisationPayload</c> type.</summary>
internal sealed class CreateOrganisationPayloadType() : MutationPayloadType<OrganisationType, CreateOrganisationErrorType>("createOrganisation", "organisation", "organisation");

/// <summary>The <c>UpdateOrganisationPayload</c> type.</summary>
internal sealed class UpdateOrganisationPayloadType() : MutationPayloadType<OrganisationType, UpdateOrganisationErrorType>("updateOrganisation", "organisation", "organisation");

/// <summary>The <c>CreateOrganisationError</c> union.</summary>
internal sealed class CreateOrganisationErrorType() : MutationErrorType("createOrganisation");

/// <summary>The <c>UpdateOrganisationError</c> union.</summary>
internal sealed class UpdateOrganisationErrorType() : MutationErrorType("updateOrganisation");
