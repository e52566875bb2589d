using KnowledgeGraph.Domain.Model;

namespace KnowledgeGraph.Domain.Query;

/// <summary>The kind of value a scalar field holds, which decides how it compares.</summary>
public enum FieldValueType
{
    /// <summary>A string: ordinal comparison, substring tests, case folding.</summary>
    Text,

    /// <summary>True or false.</summary>
    Boolean,

    /// <summary>A calendar date (<see cref="DateOnly"/>): earlier is smaller.</summary>
    Date,

    /// <summary>An instant (<see cref="DateTimeOffset"/>): compared as instants, whatever the offset.</summary>
    DateTime,

    /// <summary>A value of one of the model's enums, compared by its wire name.</summary>
    Enum,
}

/// <summary>One scalar field of a record that a filter or a sort may name.</summary>
/// <param name="Name">The name from <see cref="Fields"/>.</param>
/// <param name="Type">The kind of value.</param>
/// <param name="Nullable">Whether a record may lack the value.</param>
/// <param name="Filterable">Whether a filter may compare it.</param>
/// <param name="Sortable">Whether a list may be ordered by it.</param>
public sealed record FieldSpec(string Name, FieldValueType Type, bool Nullable, bool Filterable, bool Sortable);

/// <summary>One relation a <see cref="Related"/> filter may follow from a record.</summary>
/// <param name="Name">The name from <see cref="FilterRelations"/>.</param>
/// <param name="Target">The record type it leads to.</param>
/// <param name="ToMany">Whether a record may have several related records.</param>
public sealed record RelationSpec(string Name, Type Target, bool ToMany);

/// <summary>
/// The store-independent facts about one record type as the query model sees it: its scalar
/// fields (type, nullability, whether filterable and sortable) and its relations. Each store
/// adapter maps these names to its columns or properties and nothing more.
/// </summary>
public sealed class RecordTable
{
    private readonly Dictionary<string, FieldSpec> _fields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RelationSpec> _relations = new(StringComparer.Ordinal);

    internal RecordTable(Type record) => Record = record;

    /// <summary>The record type of the model.</summary>
    public Type Record { get; }

    /// <summary>The record type's name.</summary>
    public string Name => Record.Name;

    /// <summary>The scalar fields, by name.</summary>
    public IReadOnlyDictionary<string, FieldSpec> Fields => _fields;

    /// <summary>The relations, by name.</summary>
    public IReadOnlyDictionary<string, RelationSpec> Relations => _relations;

    /// <summary>The field named <paramref name="name"/>; an unknown name is a programming error.</summary>
    public FieldSpec Field(string name) =>
        _fields.TryGetValue(name, out var field) ? field : throw new NotSupportedException($"{Name} has no field '{name}'.");

    /// <summary>The relation named <paramref name="name"/>; an unknown name is a programming error.</summary>
    public RelationSpec Relation(string name) =>
        _relations.TryGetValue(name, out var relation) ? relation : throw new NotSupportedException($"{Name} has no relation '{name}'.");

    /// <summary>The field named <paramref name="name"/>, which must be sortable.</summary>
    public FieldSpec SortField(string name)
    {
        var field = Field(name);
        return field.Sortable ? field : throw new NotSupportedException($"{Name} cannot be sorted by '{name}'.");
    }

    internal RecordTable With(string name, FieldValueType type, bool nullable = false, bool sortable = false)
    {
        _fields.Add(name, new FieldSpec(name, type, nullable, Filterable: true, sortable));
        return this;
    }

    internal RecordTable Follows(string name, Type target, bool toMany = false)
    {
        _relations.Add(name, new RelationSpec(name, target, toMany));
        return this;
    }
}

/// <summary>The <see cref="RecordTable"/> of every record type a store lists.</summary>
public static class RecordFields
{
    /// <summary><see cref="Model.Article"/>.</summary>
    public static readonly RecordTable Article = new RecordTable(typeof(Article))
        .With(Fields.Key, FieldValueType.Text)
        .With(Fields.Title, FieldValueType.Text, nullable: true, sortable: true)
        .With(Fields.Url, FieldValueType.Text, nullable: true)
        .With(Fields.Publisher, FieldValueType.Text, nullable: true, sortable: true)
        .With(Fields.PublishedAt, FieldValueType.DateTime, nullable: true, sortable: true);

    /// <summary><see cref="Model.Place"/>.</summary>
    public static readonly RecordTable Place = new RecordTable(typeof(Place))
        .With(Fields.Key, FieldValueType.Text)
        .With(Fields.Name, FieldValueType.Text, sortable: true)
        .With(Fields.Kind, FieldValueType.Enum, sortable: true)
        .Follows(FilterRelations.ContainedIn, typeof(Place));

    /// <summary><see cref="Model.Organisation"/>.</summary>
    public static readonly RecordTable Organisation = new RecordTable(typeof(Organisation))
        .With(Fields.Key, FieldValueType.Text)
        .With(Fields.Name, FieldValueType.Text, sortable: true)
        .With(Fields.Kind, FieldValueType.Enum, sortable: true)
        .With(Fields.Description, FieldValueType.Text, nullable: true)
        .Follows(FilterRelations.Country, typeof(Place))
        .Follows(FilterRelations.PartOf, typeof(Organisation));

    /// <summary><see cref="Model.Affiliation"/>.</summary>
    public static readonly RecordTable Affiliation = new RecordTable(typeof(Affiliation))
        .With(Fields.Role, FieldValueType.Text, nullable: true, sortable: true)
        .With(Fields.Current, FieldValueType.Boolean, nullable: true)
        .Follows(FilterRelations.Organisation, typeof(Organisation))
        .Follows(FilterRelations.Person, typeof(Person));

    /// <summary><see cref="Model.Person"/>.</summary>
    public static readonly RecordTable Person = new RecordTable(typeof(Person))
        .With(Fields.Key, FieldValueType.Text)
        .With(Fields.Name, FieldValueType.Text, sortable: true)
        .With(Fields.Description, FieldValueType.Text, nullable: true)
        .Follows(FilterRelations.Affiliations, typeof(Affiliation), toMany: true);

    /// <summary><see cref="Model.Negotiation"/>.</summary>
    public static readonly RecordTable Negotiation = new RecordTable(typeof(Negotiation))
        .With(Fields.Key, FieldValueType.Text)
        .With(Fields.Name, FieldValueType.Text, sortable: true)
        .With(Fields.Status, FieldValueType.Enum, sortable: true)
        .Follows(FilterRelations.Venue, typeof(Place))
        .Follows(FilterRelations.Parties, typeof(Organisation), toMany: true);

    /// <summary><see cref="Model.Statement"/>.</summary>
    public static readonly RecordTable Statement = new RecordTable(typeof(Statement))
        .With(Fields.Key, FieldValueType.Text)
        .With(Fields.Text, FieldValueType.Text, sortable: true)
        .With(Fields.Kind, FieldValueType.Enum, sortable: true)
        .With(Fields.Direct, FieldValueType.Boolean)
        .With(Fields.Date, FieldValueType.Date, nullable: true, sortable: true)
        .With(Fields.Retracted, FieldValueType.Boolean)
        .Follows(FilterRelations.SpeakerPerson, typeof(Person))
        .Follows(FilterRelations.SpeakerOrganisation, typeof(Organisation))
        .Follows(FilterRelations.SaidAt, typeof(Place))
        .Follows(FilterRelations.About, typeof(Place), toMany: true)
        .Follows(FilterRelations.Negotiation, typeof(Negotiation))
        .Follows(FilterRelations.RespondsTo, typeof(Statement))
        .Follows(FilterRelations.EvidenceArticle, typeof(Article), toMany: true);

    /// <summary>Every table, by record type.</summary>
    public static readonly IReadOnlyDictionary<Type, RecordTable> ByType = new Dictionary<Type, RecordTable>
    {
        [typeof(Article)] = Article,
        [typeof(Place)] = Place,
        [typeof(Organisation)] = Organisation,
        [typeof(Affiliation)] = Affiliation,
        [typeof(Person)] = Person,
        [typeof(Negotiation)] = Negotiation,
        [typeof(Statement)] = Statement,
    };

    /// <summary>The table of <paramref name="record"/>; a type no store lists is a programming error.</summary>
    public static RecordTable Of(Type record) =>
        ByType.TryGetValue(record, out var table) ? table : throw new NotSupportedException($"{record.Name} is not a listed record.");
}
