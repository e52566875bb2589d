using System.Text;
using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Conventions.Nodes;
using KnowledgeGraph.Api.GraphQL.Conventions.Scalars;
using KnowledgeGraph.Api.GraphQL.Pipeline;
using KnowledgeGraph.Api.Writes;
using KnowledgeGraph.Domain.Changes;

namespace KnowledgeGraph.Api.Changes;

/// <summary>The <c>Change</c> type: one entry of the change log.</summary>
internal sealed class ChangeType : ObjectGraphType<ChangeEntry>
{
    public ChangeType()
    {
        Name = "Change";
        Description = "One write that landed: when, with which API key, by which operation, and the records it created or changed. Readable with an API key only.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The entry's id: Base64 of `Change:` and a time-ordered UUID. Entries are not nodes: `node(id:)` does not fetch them.")
            .Resolve(ctx => Encode(ctx.Source.Id));
        Field<NonNullGraphType<DateTimeScalar>>("at").Description("When the write was committed, in UTC.").Resolve(ctx => ctx.Source.At);
        Field<NonNullGraphType<StringGraphType>>("keyName").Description("The name of the API key it was made with (`Auth:ApiKeys:{name}`); `cli` for the import verb, `system` for the server's own seeding. Never the key itself.")
            .Resolve(ctx => ctx.Source.KeyName);
        Field<NonNullGraphType<StringGraphType>>("operation").Description("The operation: `importBundle`, `import` (the CLI verb), `seed`, or the name of a fine-grained mutation such as `createPerson` or `addEvidence`.")
            .Resolve(ctx => ctx.Source.Operation);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ChangeRecordType>>>>("records").Description("Every record the write created or changed, with what it did to each, in the order written.")
            .Resolve(ctx => ctx.Source.Nodes);
        Field<NonNullGraphType<ListGraphType<NodeInterface>>>("nodes").Description("The records the write created or changed, as they are now (loaded in one store call per record type for the whole page); null where a record no longer resolves.")
            .Resolve(ctx => new Sequence(ctx.Source.Nodes.Select(n => NodeQueries.Load(ctx, n.Id)).ToArray()));
    }

    /// <summary>The global id of an entry.</summary>
    public static string Encode(string id) => Convert.ToBase64String(Encoding.UTF8.GetBytes("Change:" + id));
}

/// <summary>The <c>ChangeRecord</c> type.</summary>
internal sealed class ChangeRecordType : ObjectGraphType<ChangedNode>
{
    public ChangeRecordType()
    {
        Name = "ChangeRecord";
        Description = "One record a write touched, and what it did to it.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The record's global id.").Resolve(ctx => ctx.Source.Id.Encode());
        Field<NonNullGraphType<RecordOutcomeType>>("outcome").Description("CREATED, UPDATED, or MERGED (a record resolved onto this stored one).").Resolve(ctx => ctx.Source.Outcome);
        Field<NodeInterface>("node").Description("The record as it is now; null when it no longer resolves.").Resolve(ctx => NodeQueries.Load(ctx, ctx.Source.Id));
    }
}
