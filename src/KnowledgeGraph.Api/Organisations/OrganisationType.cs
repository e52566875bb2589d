using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Conventions.Nodes;
using KnowledgeGraph.Api.GraphQL.Conventions.Paging;
using KnowledgeGraph.Api.GraphQL.Pipeline;
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
            .Resolve(ctx => ctx.Source.CountryKey is { } key ? ctx.Request().Nodes<Place>(ctx).Load(key) : null);
        Field<OrganisationType>("partOf")
            .Description("The organisation this one is part of, such as a ministry's government.")
            .Resolve(ctx => ctx.Source.PartOfKey is { } key ? ctx.Request().Nodes<Organisation>(ctx).Load(key) : null);
        this.RelationConnection<Organisation, Affiliation, AffiliationType, AffiliationFilterInput, AffiliationFilter>(
            "members", "The people affiliated with this organisation, with their roles.", _ => Relations.OrganisationMembers, o => o.Key);
        this.RelationConnection<Organisation, Statement, StatementType, StatementFilterInput, StatementFilter>(
            "statements", "The statements this organisation made.", _ => Relations.OrganisationStatements, o => o.Key);
    }
}
