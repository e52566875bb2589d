using KnowledgeGraph.Api.GraphQL.Conventions.Filtering;
using KnowledgeGraph.Api.Organisations;
using KnowledgeGraph.Api.People;
using KnowledgeGraph.Domain.Query;

namespace KnowledgeGraph.Api.Statements;

/// <summary>The <c>SpeakerFilterInput</c> input: each field declared once, for the schema and for the translation.</summary>
internal sealed class SpeakerFilterInput : FilterInputType<SpeakerFilterInput>, IDeclaredFilter
{
    public SpeakerFilterInput()
        : base("SpeakerFilterInput", "Conditions on a speaker, a person or an organisation; all given fields must hold.")
    {
    }

    // A speaker is a person or an organisation: a condition holds when it holds for whichever it is.
    private static readonly AnyOf AnySpeaker = new([FilterReader.One(FilterRelations.SpeakerPerson, null)!, FilterReader.One(FilterRelations.SpeakerOrganisation, null)!]);

    public static IReadOnlyList<FilterField> Declared { get; } =
    [
        FilterField.Of<StringOperationFilterInput>("name", "Conditions on the speaker's name, whether a person or an organisation.", (value, at) => FilterReader.Operations(Domain.Query.Fields.Name, value, at) is { } byName
            ? new AnyOf([FilterReader.One(FilterRelations.SpeakerPerson, byName)!, FilterReader.One(FilterRelations.SpeakerOrganisation, byName)!])
            : AnySpeaker),
        FilterField.One<PersonFilterInput>("person", FilterRelations.SpeakerPerson, "The speaker is a person who matches."),
        FilterField.One<OrganisationFilterInput>("organisation", FilterRelations.SpeakerOrganisation, "The speaker is an organisation that matches."),
    ];

    /// <summary>The condition on a statement's speaker; an empty one holds for any known speaker.</summary>
    public static Filter Translate(object? input, string path) => FilterReader.Declared<SpeakerFilterInput>(input, path) ?? AnySpeaker;
}
