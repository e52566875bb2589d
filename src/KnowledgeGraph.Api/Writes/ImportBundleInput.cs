using GraphQL.Types;
using KnowledgeGraph.Domain.Import;

namespace KnowledgeGraph.Api.Writes;

/// <summary>The input of <c>importBundle</c>.</summary>
internal sealed class ImportBundleInput
{
    public string Bundle { get; set; } = string.Empty;

    public bool DryRun { get; set; }

    public AmbiguityPolicy OnAmbiguity { get; set; }
}

/// <summary>The <c>ImportBundleInput</c> input type.</summary>
internal sealed class ImportBundleInputType : InputObjectGraphType<ImportBundleInput>
{
    public ImportBundleInputType()
    {
        Name = "ImportBundleInput";
        Description = "A document to import, all or nothing.";
        Field(x => x.Bundle).Description("The bundle as JSON text, in format knowledge-graph/v1 or v2 (schema/bundle.schema.json). Over the API, article text is given inline (\"text\", v2).");
        Field(x => x.DryRun, nullable: true).DefaultValue(false).Description("Check the document and report what would change, without writing.");
        Field<AmbiguityPolicyType>("onAmbiguity").DefaultValue(AmbiguityPolicy.Reject).Description("What to do when a name fits two stored records equally.");
    }
}

/// <summary>The <c>AmbiguityPolicy</c> enum.</summary>
internal sealed class AmbiguityPolicyType : EnumerationGraphType<AmbiguityPolicy>
{
    public AmbiguityPolicyType()
    {
        Name = "AmbiguityPolicy";
        Description = "What to do with a record whose name fits two stored records equally well; nothing is ever guessed.";
        Values["REJECT"]!.Description = "Reject the document and report the ambiguity as an error.";
        Values["CREATE_NEW"]!.Description = "Create the record new under its own key and report the ambiguity.";
    }
}
