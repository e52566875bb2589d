using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Pipeline;
using KnowledgeGraph.Api.Organisations;
using KnowledgeGraph.Domain.Model;

namespace KnowledgeGraph.Api.People;

/// <summary>The <c>Affiliation</c> type.</summary>
internal sealed class AffiliationType : ObjectGraphType<Affiliation>
{
    public AffiliationType()
    {
        Name = "Affiliation";
        Description = "A person's role in an organisation.";
        Field<NonNullGraphType<PersonType>>("person").Description("The person.").Resolve(ctx => ctx.Request().Nodes<Person>(ctx).Load(ctx.Source.PersonKey));
        Field<NonNullGraphType<OrganisationType>>("organisation").Description("The organisation.").Resolve(ctx => ctx.Request().Nodes<Organisation>(ctx).Load(ctx.Source.OrganisationKey));
        Field<StringGraphType>("role").Description("The role, such as \"deputy chair\"; null when not known.").Resolve(ctx => ctx.Source.Role);
        Field<BooleanGraphType>("current").Description("Whether the person holds the role now (false: a former role); null when not known.").Resolve(ctx => ctx.Source.Current);
    }
}
