using KnowledgeGraph.Api.GraphQL.Protection;

namespace KnowledgeGraph.Api.GraphQL;

/// <summary>
/// Limits and defaults of the GraphQL endpoint (section <c>GraphQL</c>, environment variables
/// <c>KG_GRAPHQL__&lt;NAME&gt;</c>). The defaults follow HotChocolate's: paging capped at 100,
/// a depth and a cost limit, a timeout, a bounded body, introspection on.
/// </summary>
public sealed class GraphQLOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "GraphQL";

    /// <summary>Items per page when a client gives neither <c>first</c> nor <c>last</c>.</summary>
    public int DefaultPageSize { get; set; } = 10;

    /// <summary>The most items a client may ask for in one page.</summary>
    public int MaxPageSize { get; set; } = 100;

    /// <summary>The most ids <c>nodes(ids:)</c> accepts.</summary>
    public int MaxNodeIds { get; set; } = 100;

    /// <summary>The largest request body accepted, in bytes.</summary>
    public long MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>How long one operation may run before it is cancelled.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Whether the store reads only the costly record parts a selection asks for (a statement's
    /// evidence, an article's text, ...); false reads whole records, as a check that both
    /// answer the same.
    /// </summary>
    public bool ReadSelectedPartsOnly { get; set; } = true;

    /// <summary>
    /// The deepest selection an operation may make, counted in fields along the longest path
    /// (<c>{ a { b { c } } }</c> is 3); introspection fields are not counted (see
    /// <see cref="QueryLimitsRule"/>). 0 turns the limit off.
    /// </summary>
    public int MaxDepth { get; set; } = 15;

    /// <summary>
    /// The highest cost an operation may have: every field costs 1, multiplied by the page
    /// sizes above it (<c>first</c>/<c>last</c>, else <see cref="DefaultPageSize"/>; other lists
    /// count 5), so the cost is the number of fields the answer could hold at worst. Two nested
    /// pages of 100 with a few fields pass; three do not. 0 turns the limit off.
    /// </summary>
    public int MaxComplexity { get; set; } = 50_000;

    /// <summary>
    /// Whether clients may introspect the schema (Banana Cake Pop needs it). When off, field
    /// suggestions ("Did you mean …?") are left out of error messages as well.
    /// </summary>
    public bool Introspection { get; set; } = true;

    /// <summary>Whether automatic persisted queries (Apollo's protocol) are accepted.</summary>
    public bool PersistedQueries { get; set; } = true;

    /// <summary>How many persisted queries are kept in memory (least recently used go first).</summary>
    public int PersistedQueryCacheSize { get; set; } = 1000;

    /// <summary>How many parsed and validated documents are kept in memory; 0 turns the cache off.</summary>
    public int DocumentCacheSize { get; set; } = 1000;

    /// <summary>The most tokens a document may have (names, punctuators, values), counted before it is parsed.</summary>
    public int MaxTokens { get; set; } = 10_000;

    /// <summary>How deep braces, brackets and parentheses may nest in a document, counted before it is parsed.</summary>
    public int MaxNesting { get; set; } = 40;

    /// <summary>The most fields an operation may select once its fragments are expanded (HotChocolate's 2048).</summary>
    public int MaxFields { get; set; } = 2048;

    /// <summary>How often one response name may be selected in one selection set.</summary>
    public int MaxRepeatedFields { get; set; } = 10;

    /// <summary>The most aliases a document may use.</summary>
    public int MaxAliases { get; set; } = 50;

    /// <summary>The most fragment definitions a document may hold.</summary>
    public int MaxFragments { get; set; } = 100;

    /// <summary>How long a chain of fragments spreading fragments may be.</summary>
    public int MaxFragmentDepth { get; set; } = 16;

    /// <summary>How deep input objects and lists may nest, in literals and in variables.</summary>
    public int MaxInputDepth { get; set; } = 16;

    /// <summary>The most items a list may hold in an argument, a literal or a variable.</summary>
    public int MaxListLength { get; set; } = 500;

    /// <summary>The most conditions one <c>where</c> may hold (comparisons, <c>and</c>/<c>or</c> entries, relation filters).</summary>
    public int MaxFilterConditions { get; set; } = 100;

    /// <summary>The most <c>__schema</c> and <c>__type</c> fields an operation may select once its fragments are expanded.</summary>
    public int MaxIntrospectionFields { get; set; } = 3;

    /// <summary>The largest response body, in bytes; a larger answer is replaced by an error.</summary>
    public long MaxResponseBytes { get; set; } = 8 * 1024 * 1024;
}
