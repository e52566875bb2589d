using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Conventions.Nodes;
using KnowledgeGraph.Api.GraphQL.Conventions.Paging;
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
