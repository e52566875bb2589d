using System.Text.Json.Nodes;
using GraphQL.Types;
using KnowledgeGraph.Api.Writes;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Model;

namespace KnowledgeGraph.Api.People;

/// <summary><c>createPerson</c> and <c>updatePerson</c>, both through the one import path.</summary>
internal static class PersonMutations
{
    public static void AddPersonMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CreatePersonPayloadType>>("createPerson")
            .Description("Creates a person. The key is derived from the name unless given; a key already stored is an error (use updatePerson), and a name that resolves onto a stored person (alias, honorific, transliteration…) is merged into it, as an import would.")
            .Argument<NonNullGraphType<CreatePersonInputType>>("input", "The person.")
            .ResolveAsync(async ctx =>
            {
                var m = new RecordMutation(ctx, "createPerson");
                await m.CheckNewKeyAsync(NodeType.Person, m.Get("name") as string, "updatePerson");
                return await m.ImportAsync(new JsonObject { ["people"] = new JsonArray(Record(m, m.Get("name") as string)) }, "people");
            });

        mutation.Field<NonNullGraphType<UpdatePersonPayloadType>>("updatePerson")
            .Description("Changes a person: the fields given replace the stored ones, the fields left out are kept; aliases and affiliations given are added to the stored ones.")
            .Argument<NonNullGraphType<UpdatePersonInputType>>("input", "The person's id and the fields to change.")
            .ResolveAsync(async ctx =>
            {
                var m = new RecordMutation(ctx, "updatePerson");
                var stored = await m.TargetAsync<Person>(NodeType.Person);
                if (stored is null)
                {
                    return await m.ImportAsync(new JsonObject(), "people");
                }

                var record = Record(m, m.Get("name") as string ?? stored.Name);
                record["key"] = stored.Key;
                return await m.ImportAsync(new JsonObject { ["people"] = new JsonArray(record) }, "people");
            });
    }

    private static JsonObject Record(RecordMutation m, string? name)
    {
        var record = new JsonObject();
        m.Copy(record, "key");
        record["name"] = name;
        m.Copy(record, "aliases", RecordMutation.Strings);
        m.Copy(record, "description");
        var affiliations = RecordMutation.Objects(m.Get("affiliations"));
        if (affiliations.Count > 0)
        {
            var list = new JsonArray();
            for (var i = 0; i < affiliations.Count; i++)
            {
                var a = affiliations[i];
                var organisation = m.Reference(RecordMutation.Get(a, "organisation"), $"input.affiliations[{i}].organisation", NodeType.Organisation);
                list.Add(new JsonObject
                {
                    ["organisation"] = organisation?.Key,
                    ["role"] = RecordMutation.Get(a, "role") as string,
                    ["current"] = RecordMutation.Get(a, "current") is bool current ? current : null,
                });
            }

            record["affiliations"] = list;
        }

        return record;
    }
}

/// <summary>The <c>AffiliationInput</c> input type.</summary>
internal sealed class AffiliationInputType : InputObjectGraphType
{
    public AffiliationInputType()
    {
        Name = "AffiliationInput";
        Description = "A person's role in an organisation.";
        Field<NonNullGraphType<IdGraphType>>("organisation").Description("The organisation's global id.");
        Field<StringGraphType>("role").Description("The role, such as deputy chairman; null when not known.");
        Field<BooleanGraphType>("current").Description("Whether the person holds it now; null when not known.");
    }
}

/// <summary>The <c>CreatePersonInput</c> input type.</summary>
internal sealed class CreatePersonInputType : InputObjectGraphType
{
    public CreatePersonInputType()
    {
        Name = "CreatePersonInput";
        Description = "A new person.";
        Field<StringGraphType>("key").Description("The key (a slug); derived from the name when left out.");
        Field<NonNullGraphType<StringGraphType>>("name").Description("The usual English name.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("aliases").Description("Other names and spellings.");
        Field<StringGraphType>("description").Description("Who the person is.");
        Field<ListGraphType<NonNullGraphType<AffiliationInputType>>>("affiliations").Description("Roles in organisations.");
    }
}

/// <summary>The <c>UpdatePersonInput</c> input type.</summary>
internal sealed class UpdatePersonInputType : InputObjectGraphType
{
    public UpdatePersonInputType()
    {
        Name = "UpdatePersonInput";
        Description = "The fields of a person to change; fields left out are kept.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The person's global id.");
        Field<StringGraphType>("name").Description("A new name (the old one stays findable only if also given as an alias).");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("aliases").Description("Aliases to add.");
        Field<StringGraphType>("description").Description("A new description.");
        Field<ListGraphType<NonNullGraphType<AffiliationInputType>>>("affiliations").Description("Affiliations to add (one with the same organisation and role updates 'current').");
    }
}

/// <summary>The <c>CreatePersonPayload</c> type.</summary>
internal sealed class CreatePersonPayloadType() : MutationPayloadType<PersonType, CreatePersonErrorType>("createPerson", "person", "person");

/// <summary>The <c>UpdatePersonPayload</c> type.</summary>
internal sealed class UpdatePersonPayloadType() : MutationPayloadType<PersonType, UpdatePersonErrorType>("updatePerson", "person", "person");

/// <summary>The <c>CreatePersonError</c> union.</summary>
internal sealed class CreatePersonErrorType() : MutationErrorType("createPerson");

/// <summary>The <c>UpdatePersonError</c> union.</summary>
internal sealed class UpdatePersonErrorType() : MutationErrorType("updatePerson");
