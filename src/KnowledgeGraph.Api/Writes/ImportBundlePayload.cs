using GraphQL.Types;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Import;

namespace KnowledgeGraph.Api.Writes;

/// <summary>The <c>ImportBundlePayload</c> type: what changed, and every error.</summary>
internal sealed class ImportBundlePayloadType : ObjectGraphType<ImportResult>
{
    public ImportBundlePayloadType()
    {
        Name = "ImportBundlePayload";
        Description = "The result of importBundle: every record of the document and what became of it, or every error (and then nothing was written).";
        Field<NonNullGraphType<BooleanGraphType>>("accepted").Description("Whether the document landed (in a dry run: would land).").Resolve(c => c.Source.Accepted);
        Field<NonNullGraphType<BooleanGraphType>>("dryRun").Description("Whether nothing was written by request.").Resolve(c => c.Source.DryRun);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RecordChangeType>>>>("changes").Description("Every record of the document, in document order, with what became of it.").Resolve(c => c.Source.Changes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RecordSummaryType>>>>("summary").Description("How many records of each type were created, updated, unchanged, merged or rejected.")
            .Resolve(c => c.Source.Counts.Where(k => k.Value.Total > 0).Select(k => new RecordSummary(k.Key, k.Value)).ToArray());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ResolutionAmbiguityType>>>>("ambiguities").Description("Records whose name fitted two or more stored records equally; nothing was guessed.").Resolve(c => c.Source.Ambiguities);
        Field<ListGraphType<NonNullGraphType<ImportBundleErrorType>>>("errors").Description("Every problem of the document, by JSON path; null when it landed.")
            .Resolve(c => c.Source.Accepted ? null : c.Source.Problems);
    }
}

/// <summary>One record type's counts.</summary>
internal sealed record RecordSummary(NodeType Type, OutcomeCounts Counts);

/// <summary>The <c>RecordSummary</c> type.</summary>
internal sealed class RecordSummaryType : ObjectGraphType<RecordSummary>
{
    public RecordSummaryType()
    {
        Name = "RecordSummary";
        Description = "How many records of one type met each outcome.";
        Field<NonNullGraphType<StringGraphType>>("type").Description("The record type, such as Person.").Resolve(c => c.Source.Type.ToString());
        Field<NonNullGraphType<IntGraphType>>("created").Description("Records new to the store.").Resolve(c => c.Source.Counts.Created);
        Field<NonNullGraphType<IntGraphType>>("updated").Description("Stored records with something new.").Resolve(c => c.Source.Counts.Updated);
        Field<NonNullGraphType<IntGraphType>>("unchanged").Description("Stored records already exactly so.").Resolve(c => c.Source.Counts.Unchanged);
        Field<NonNullGraphType<IntGraphType>>("merged").Description("Records resolved onto a stored record under another key and merged into it.").Resolve(c => c.Source.Counts.Merged);
        Field<NonNullGraphType<IntGraphType>>("rejected").Description("Records of a rejected document.").Resolve(c => c.Source.Counts.Rejected);
    }
}

/// <summary>The <c>RecordChange</c> type.</summary>
internal sealed class RecordChangeType : ObjectGraphType<RecordChange>
{
    public RecordChangeType()
    {
        Name = "RecordChange";
        Description = "One record of an imported document and what became of it.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The record's global id in the store (for a merged record, the record it was merged into); fetch it with node(id:).").Resolve(c => c.Source.Id.Encode());
        Field<NonNullGraphType<StringGraphType>>("type").Description("The record type, such as Person.").Resolve(c => c.Source.Id.Type.ToString());
        Field<NonNullGraphType<StringGraphType>>("key").Description("The record's key in the store.").Resolve(c => c.Source.Id.Key);
        Field<NonNullGraphType<RecordOutcomeType>>("outcome").Description("What the import did to it.").Resolve(c => c.Source.Outcome);
        Field<NonNullGraphType<StringGraphType>>("path").Description("The record's JSON path in the document.").Resolve(c => c.Source.Path);
        Field<StringGraphType>("givenKey").Description("The key the document gave or derived, when the record was resolved onto another.").Resolve(c => c.Source.GivenKey);
        Field<StringGraphType>("rule").Description("The resolution rule that matched it to a stored record (same-name, alias, honorific, transliteration, designation, surname, same-utterance, near-utterance).").Resolve(c => c.Source.Rule);
        Field<FloatGraphType>("score").Description("The resolution rule's score, from 0 to 1.").Resolve(c => c.Source.Score);
    }
}

/// <summary>The <c>RecordOutcome</c> enum.</summary>
internal sealed class RecordOutcomeType : EnumerationGraphType<RecordOutcome>
{
    public RecordOutcomeType()
    {
        Name = "RecordOutcome";
        Description = "What an import did to one record.";
        Values["CREATED"]!.Description = "A record new to the store.";
        Values["UPDATED"]!.Description = "A stored record, with something new.";
        Values["UNCHANGED"]!.Description = "A stored record, already exactly so.";
        Values["MERGED"]!.Description = "Resolved onto a stored record under another key, and merged into it.";
        Values["REJECTED"]!.Description = "A record of a rejected document; nothing of it was written.";
    }
}

/// <summary>The <c>ResolutionAmbiguity</c> type.</summary>
internal sealed class ResolutionAmbiguityType : ObjectGraphType<Ambiguity>
{
    public ResolutionAmbiguityType()
    {
        Name = "ResolutionAmbiguity";
        Description = "A record whose name fitted two or more stored records equally well.";
        Field<NonNullGraphType<StringGraphType>>("path").Description("The record's JSON path in the document.").Resolve(c => c.Source.Path);
        Field<NonNullGraphType<StringGraphType>>("name").Description("The name (or statement text) resolved.").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("rule").Description("The rule every candidate met.").Resolve(c => c.Source.Rule);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("candidates").Description("The global ids of the stored records that tie.")
            .Resolve(c => c.Source.Candidates.Select(k => new NodeId(c.Source.Type, k).Encode()).ToArray());
    }
}

/// <summary>The <c>Error</c> interface every mutation error implements, as in HotChocolate's mutation conventions.</summary>
internal sealed class ErrorInterface : InterfaceGraphType
{
    public ErrorInterface()
    {
        Name = "Error";
        Description = "An error a mutation reports in its payload's errors list.";
        Field<NonNullGraphType<StringGraphType>>("message").Description("What was wrong.");
    }
}

/// <summary>The <c>InvalidBundleError</c> type.</summary>
internal sealed class InvalidBundleErrorType : ObjectGraphType<ImportProblem>
{
    public InvalidBundleErrorType()
    {
        Name = "InvalidBundleError";
        Description = "One thing wrong with a document, at a JSON path; the document was not written.";
        Interface<ErrorInterface>();
        IsTypeOf = o => o is ImportProblem;
        Field<NonNullGraphType<StringGraphType>>("message").Description("What was wrong.").Resolve(c => c.Source.Message);
        Field<NonNullGraphType<StringGraphType>>("path").Description("Where, as a JSON path such as $.statements[3].evidence[0].text.").Resolve(c => c.Source.Path);
    }
}

/// <summary>The <c>ImportBundleError</c> union.</summary>
internal sealed class ImportBundleErrorType : UnionGraphType
{
    public ImportBundleErrorType()
    {
        Name = "ImportBundleError";
        Description = "An error importBundle can report.";
        Type<InvalidBundleErrorType>();
    }
}
