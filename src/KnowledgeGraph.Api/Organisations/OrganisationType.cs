using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL;
using KnowledgeGraph.Api.People;
using KnowledgeGraph.Api.Places;
using KnowledgeGraph.Api.Statements;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Api.Organisations;

/// <summary>The <c>Organisation</c> type.</summary>
internal sealed class OrganisationType : ObjectGraphType<Organisation>
{
    public OrganisationType()
    {
        Name = "Organisation";
        Description = "A government, ministry, military command, agency, international body or news outlet. A country acting (\"Moscow demanded…\") is its government.";
        this.AddNodeFields();
        Field<NonNullGraphType<StringGraphType>>("name").Description("The usual English name.").Resolve(ctx => ctx.Source.Name);
        Field<NonNullGraphType<OrganisationKindType>>("kind").Description("What kind of body this is.").Resolve(ctx => ctx.Source.Kind);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("aliases")
            .Description("Other names the sources use, such as \"Kyiv\" for the Ukrainian government.").Resolve(ctx => ctx.Source.Aliases);
        Field<StringGraphType>("description").Description("What the organisation is; null when not known.").Resolve(ctx => ctx.Source.Description);
        Field<PlaceType>("country")
            .Description("The country the organisation belongs to; null when not known or international.")
            .Resolve(ctx => ctx.Source.CountryKey is { } key ? ctx.Request().Nodes<Place>().Load(key) : null);
        Field<OrganisationType>("partOf")
            .Description("The organisation this one is part of, such as a ministry's government.")
            .Resolve(ctx => ctx.Source.PartOfKey is { } key ? ctx.Request().Nodes<Organisation>().Load(key) : null);
        this.RelationConnection<Organisation, Affiliation, AffiliationType, AffiliationFilterInput, AffiliationFilter>(
            "members", "The people affiliated with this organisation, with their roles.", _ => Relations.OrganisationMembers, o => o.Key);
        this.RelationConnection<Organisation, Statement, StatementType, StatementFilterInput, StatementFilter>(
            "statements", "The statements this organisation made.", _ => Relations.OrganisationStatements, o => o.Key);
    }
}

/// <summary>The <c>OrganisationKind</c> enum.</summary>
internal sealed class OrganisationKindType : EnumerationGraphType<OrganisationKind>
{
    public OrganisationKindType()
    {
        Name = "OrganisationKind";
        Description = "What kind of body an organisation is.";
        Values["GOVERNMENT"]!.Description = "A national government, the actor when a country acts.";
        Values["MINISTRY"]!.Description = "A ministry or department of a government.";
        Values["MILITARY"]!.Description = "Armed forces or a military command.";
        Values["INTELLIGENCE_AGENCY"]!.Description = "An intelligence service.";
        Values["COUNCIL"]!.Description = "A council, such as a security council.";
        Values["INTERGOVERNMENTAL"]!.Description = "A body of several states, such as the EU.";
        Values["MEDIA"]!.Description = "A news outlet.";
        Values["NEWS_AGENCY"]!.Description = "A wire agency, such as AFP.";
        Values["OTHER"]!.Description = "Any other organisation.";
    }
}

/// <summary>The <c>OrganisationFilterInput</c> input.</summary>
internal sealed class OrganisationFilterInput : FilterInputType<OrganisationFilterInput>
{
    public OrganisationFilterInput()
        : base("OrganisationFilterInput", "Conditions on an organisation; all given fields must hold.")
    {
        Field<IdOperationFilterInput>("id").Description("Conditions on the organisation's id.");
        Field<StringOperationFilterInput>("name").Description("Conditions on the name.");
        Field<EnumOperationFilterInput<OrganisationKindType>>("kind").Description("Conditions on the kind.");
        Field<StringOperationFilterInput>("description").Description("Conditions on the description.");
        Field<PlaceFilterInput>("country").Description("The organisation's country matches.");
        Field<OrganisationFilterInput>("partOf").Description("The organisation this one is part of matches.");
    }
}

/// <summary>Translates <see cref="OrganisationFilterInput"/>.</summary>
internal sealed class OrganisationFilter : IFilterable
{
    public static string Plural => "organisations";

    public static IReadOnlyList<SortOption> Sorts { get; } =
    [
        new("name", Fields.Name, "By name."),
        new("kind", Fields.Kind, "By kind."),
    ];

    public static Filter? Translate(object? input, string path) => FilterReader.Object(input, path, (name, value, at) => name switch
    {
        "id" => FilterReader.Ids(Domain.Ids.NodeType.Organisation, value, at),
        "name" => FilterReader.Operations(Fields.Name, value, at),
        "kind" => FilterReader.Operations(Fields.Kind, value, at),
        "description" => FilterReader.Operations(Fields.Description, value, at),
        "country" => FilterReader.One(FilterRelations.Country, PlaceFilter.Translate(value, at)),
        "partOf" => FilterReader.One(FilterRelations.PartOf, Translate(value, at)),
        _ => throw FilterReader.Invalid(at, "is not a field of OrganisationFilterInput."),
    });
}
