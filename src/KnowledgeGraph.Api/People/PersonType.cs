using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL;
using KnowledgeGraph.Api.Organisations;
using KnowledgeGraph.Api.Statements;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Api.People;

/// <summary>The <c>Person</c> type.</summary>
internal sealed class PersonType : ObjectGraphType<Person>
{
    public PersonType()
    {
        Name = "Person";
        Description = "A person who makes statements or holds a role in an organisation.";
        this.AddNodeFields();
        Field<NonNullGraphType<StringGraphType>>("name").Description("The name as the sources give it; only what is known (a first name alone, say).").Resolve(ctx => ctx.Source.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("aliases")
            .Description("Other names and spellings the sources use.").Resolve(ctx => ctx.Source.Aliases);
        Field<StringGraphType>("description").Description("Who the person is, as the sources describe them; null when not known.").Resolve(ctx => ctx.Source.Description);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AffiliationType>>>>("affiliations")
            .Description("The organisations the person belongs to, with their roles, past and present.")
            .Resolve(ctx => ctx.Source.Affiliations);
        this.RelationConnection<Person, Statement, StatementType, StatementFilterInput, StatementFilter>(
            "statements", "The statements this person made.", _ => Relations.PersonStatements, p => p.Key);
    }
}

/// <summary>The <c>Affiliation</c> type.</summary>
internal sealed class AffiliationType : ObjectGraphType<Affiliation>
{
    public AffiliationType()
    {
        Name = "Affiliation";
        Description = "A person's role in an organisation.";
        Field<NonNullGraphType<PersonType>>("person").Description("The person.").Resolve(ctx => ctx.Request().Nodes<Person>().Load(ctx.Source.PersonKey));
        Field<NonNullGraphType<OrganisationType>>("organisation").Description("The organisation.").Resolve(ctx => ctx.Request().Nodes<Organisation>().Load(ctx.Source.OrganisationKey));
        Field<StringGraphType>("role").Description("The role, such as \"deputy chair\"; null when not known.").Resolve(ctx => ctx.Source.Role);
        Field<BooleanGraphType>("current").Description("Whether the person holds the role now (false: a former role); null when not known.").Resolve(ctx => ctx.Source.Current);
    }
}

/// <summary>The <c>PersonFilterInput</c> input.</summary>
internal sealed class PersonFilterInput : FilterInputType<PersonFilterInput>
{
    public PersonFilterInput()
        : base("PersonFilterInput", "Conditions on a person; all given fields must hold.")
    {
        Field<IdOperationFilterInput>("id").Description("Conditions on the person's id.");
        Field<StringOperationFilterInput>("name").Description("Conditions on the name.");
        Field<StringOperationFilterInput>("description").Description("Conditions on the description.");
        Field<ListFilterInput<AffiliationFilterInput>>("affiliations").Description("Conditions on the person's affiliations.");
    }
}

/// <summary>The <c>AffiliationFilterInput</c> input.</summary>
internal sealed class AffiliationFilterInput : FilterInputType<AffiliationFilterInput>
{
    public AffiliationFilterInput()
        : base("AffiliationFilterInput", "Conditions on an affiliation; all given fields must hold.")
    {
        Field<StringOperationFilterInput>("role").Description("Conditions on the role.");
        Field<BooleanOperationFilterInput>("current").Description("Conditions on whether the role is current.");
        Field<OrganisationFilterInput>("organisation").Description("The organisation matches.");
        Field<PersonFilterInput>("person").Description("The person matches.");
    }
}

/// <summary>Translates <see cref="PersonFilterInput"/>.</summary>
internal sealed class PersonFilter : IFilterable
{
    public static string Plural => "people";

    public static IReadOnlyList<SortOption> Sorts { get; } =
    [
        new("name", Fields.Name, "By name."),
    ];

    public static Filter? Translate(object? input, string path) => FilterReader.Object(input, path, (name, value, at) => name switch
    {
        "id" => FilterReader.Ids(Domain.Ids.NodeType.Person, value, at),
        "name" => FilterReader.Operations(Fields.Name, value, at),
        "description" => FilterReader.Operations(Fields.Description, value, at),
        "affiliations" => FilterReader.List(FilterRelations.Affiliations, value, at, AffiliationFilter.Translate),
        _ => throw FilterReader.Invalid(at, "is not a field of PersonFilterInput."),
    });
}

/// <summary>Translates <see cref="AffiliationFilterInput"/>.</summary>
internal sealed class AffiliationFilter : IFilterable
{
    public static string Plural => "affiliations";

    public static IReadOnlyList<SortOption> Sorts { get; } =
    [
        new("role", Fields.Role, "By role."),
    ];

    public static Filter? Translate(object? input, string path) => FilterReader.Object(input, path, (name, value, at) => name switch
    {
        "role" => FilterReader.Operations(Fields.Role, value, at),
        "current" => FilterReader.Operations(Fields.Current, value, at),
        "organisation" => FilterReader.One(FilterRelations.Organisation, OrganisationFilter.Translate(value, at)),
        "person" => FilterReader.One(FilterRelations.Person, PersonFilter.Translate(value, at)),
        _ => throw FilterReader.Invalid(at, "is not a field of AffiliationFilterInput."),
    });
}
