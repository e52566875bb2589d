using GraphQL;
using GraphQL.Types;
using KnowledgeGraph.Api.Auth;
using KnowledgeGraph.Domain.Import;
using KnowledgeGraph.Domain.Ports;

namespace KnowledgeGraph.Api.Writes;

/// <summary>
/// The root mutation type. Every mutation needs an API key (checked by the endpoint before it
/// runs) and ends in the one validated, all-or-nothing import.
/// </summary>
internal sealed partial class MutationType : ObjectGraphType
{
    public MutationType()
    {
        Name = "Mutation";
        Description = "Writes. Each needs an API key (X-Api-Key or Authorization: Bearer) and goes through the same validated, all-or-nothing import.";
        Field<NonNullGraphType<ImportBundlePayloadType>>("importBundle")
            .Description("Imports one document (a bundle, as the import verb reads it) all or nothing: records are resolved onto stored ones by name, alias and known variant, and the payload says what became of each.")
            .Argument<NonNullGraphType<ImportBundleInputType>>("input", "The document and how to import it.")
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<ImportBundleInput>("input");
                var services = context.RequestServices!;
                var importer = new DocumentImporter(services.GetRequiredService<IGraphStore>(), services.GetRequiredService<IGraphStoreAdmin>());
                var key = KeyName(context);
                var result = await importer.ImportAsync("importBundle", input.Bundle, _ => null, new ImportOptions(input.DryRun, input.OnAmbiguity, key, "importBundle"), context.CancellationToken);
                if (result.Accepted && !result.DryRun)
                {
                    var changed = result.Changes.Count(c => c.Outcome is not RecordOutcome.Unchanged);
                    var logger = services.GetRequiredService<ILogger<MutationType>>();
                    LogWrite(logger, key, changed);
                }

                return result;
            });
        Extraction.ExtractionFields.AddImportArticle(this);

        People.PersonMutations.AddPersonMutations(this);
        Organisations.OrganisationMutations.AddOrganisationMutations(this);
        Places.PlaceMutations.AddPlaceMutations(this);
        Negotiations.NegotiationMutations.AddNegotiationMutations(this);
        Articles.ArticleMutations.AddArticleMutations(this);
        Statements.StatementMutations.AddStatementMutations(this);
        this.AddMergeNodes();
        this.AddRetractStatement();
    }

    /// <summary>The name of the API key the request was let in with (the endpoint lets no mutation in without one).</summary>
    internal static string KeyName(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<IHttpContextAccessor>().HttpContext?.Items[ApiKeys.NameItem] as string
        ?? throw new InvalidOperationException("A mutation ran without an API key.");

    [LoggerMessage(Level = LogLevel.Information, Message = "importBundle by key {KeyName}: {Changed} record(s) changed.")]
    private static partial void LogWrite(ILogger logger, string keyName, int changed);
}
