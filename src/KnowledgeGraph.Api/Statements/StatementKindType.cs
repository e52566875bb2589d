using GraphQL.Types;
using KnowledgeGraph.Domain.Model;

namespace KnowledgeGraph.Api.Statements;

/// <summary>The <c>StatementKind</c> enum.</summary>
internal sealed class StatementKindType : EnumerationGraphType<StatementKind>
{
    public StatementKindType()
    {
        Name = "StatementKind";
        Description = "The speech act a statement performs.";
        Values["CLAIM"]!.Description = "Asserts something as fact.";
        Values["DENIAL"]!.Description = "Says a claim is false.";
        Values["DEMAND"]!.Description = "Requires something of another party.";
        Values["REJECTION"]!.Description = "Refuses a demand, a call or a claim.";
        Values["ASSESSMENT"]!.Description = "Judges or evaluates a situation.";
        Values["ANNOUNCEMENT"]!.Description = "Makes something known.";
        Values["REPORT"]!.Description = "Relays what happened.";
        Values["WARNING"]!.Description = "Cautions about a consequence.";
        Values["THREAT"]!.Description = "States an intention to harm.";
        Values["CONFIRMATION"]!.Description = "Affirms that something is so.";
        Values["ACCUSATION"]!.Description = "Charges another party with wrongdoing.";
        Values["ACKNOWLEDGEMENT"]!.Description = "Admits or recognises something.";
        Values["AGREEMENT"]!.Description = "An agreement reached by parties.";
        Values["APPEAL"]!.Description = "A call for something to happen.";
    }
}
