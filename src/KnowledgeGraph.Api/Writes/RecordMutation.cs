using System.Globalization;
using System.Text.Json.Nodes;
using GraphQL;
using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Import;
using KnowledgeGraph.Domain.Model;
using KnowledgeGraph.Domain.Ports;
using KnowledgeGraph.Domain.Resolution;

namespace KnowledgeGraph.Api.Writes;

/// <summary>A problem a fine-grained mutation reports in its payload; nothing was written.</summary>
/// <param name="Message">What was wrong.</param>
/// <param name="Field">Where, as a path into the mutation's arguments, such as <c>input.affiliations[0].organisation</c>.</param>
internal abstract record MutationProblem(string Message, string Field);

/// <summary>An id that is not a global id, or names another type than the field takes.</summary>
internal sealed record InvalidIdProblem(string Message, string Field, string Id) : MutationProblem(Message, Field);

/// <summary>A well-formed id of the right type that no stored record has.</summary>
internal sealed record NotFoundProblem(string Message, string Field, string Id) : MutationProblem(Message, Field);

/// <summary>Any other rule of the import broken by the input.</summary>
internal sealed record InvalidInputProblem(string Message, string Field) : MutationProblem(Message, Field);

/// <summary>What a fine-grained mutation answers: the record it wrote (or resolved onto), every record it touched, or its problems.</summary>
internal sealed record MutationResult(NodeId? Record, IReadOnlyList<RecordChange> Changes, IReadOnlyList<MutationProblem> Problems)
{
    public static MutationResult Failed(IReadOnlyList<MutationProblem> problems) => new(null, [], problems);
}

/// <summary>
/// The shell of every fine-grained mutation: it reads the <c>input</c> argument, turns global
/// ids into keys (each wrong or unknown one a typed error naming its field), builds a
/// <c>knowledge-graph/v2</c> document in memory, and hands it to the one write path,
/// <see cref="DocumentImporter"/>, so validation, resolution, atomicity and the change log are
/// those of every import. The importer's JSON paths are reported as input fields.
/// </summary>
internal sealed class RecordMutation
{
    private readonly IResolveFieldContext _context;
    private readonly string _operation;
    private readonly List<MutationProblem> _problems = [];
    private readonly List<(NodeId Id, string Field, string Raw)> _references = [];

    public RecordMutation(IResolveFieldContext context, string operation)
    {
        _context = context;
        _operation = operation;
        Input = context.GetArgument<Dictionary<string, object?>>("input") ?? [];
        var services = context.RequestServices!;
        Store = services.GetRequiredService<IGraphStore>();
        Admin = services.GetRequiredService<IGraphStoreAdmin>();
    }

    /// <summary>The <c>input</c> argument: a key is absent when the client did not give the field.</summary>
    public Dictionary<string, object?> Input { get; }

    public IGraphStore Store { get; }

    public IGraphStoreAdmin Admin { get; }

    public bool HasProblems => _problems.Count > 0;

    /// <summary>The request's token: the store's work stops with the request.</summary>
    public CancellationToken CancellationToken => _context.CancellationToken;

    public void Problem(MutationProblem problem) => _problems.Add(problem);

    /// <summary>Whether the input gives <paramref name="name"/> (a null counts as given).</summary>
    public bool Has(string name) => Input.ContainsKey(name);

    public object? Get(string name) => Input.TryGetValue(name, out var value) ? value : null;

    public static object? Get(IDictionary<string, object?> map, string name) => map.TryGetValue(name, out var value) ? value : null;

    /// <summary>The key of a global id that must name a record of one of <paramref name="types"/>; checked against the store by <see cref="CheckReferencesAsync"/>.</summary>
    public NodeId? Reference(object? raw, string field, params NodeType[] types)
    {
        if (raw is null)
        {
            return null;
        }

        var text = Convert.ToString(raw, CultureInfo.InvariantCulture) ?? string.Empty;
        var expected = string.Join(" or ", types);
        if (!NodeId.TryDecode(text, out var id, out var error))
        {
            _problems.Add(new InvalidIdProblem($"{error} Expected the global id of a {expected}.", field, text));
            return null;
        }

        if (!types.Contains(id.Type))
        {
            _problems.Add(new InvalidIdProblem($"The id '{text}' is a {id.Type}'s; this field takes a {expected}.", field, text));
            return null;
        }

        _references.Add((id, field, text));
        return id;
    }

    /// <summary>Each referenced id that no stored record has becomes a <see cref="NotFoundProblem"/> (one store call for all).</summary>
    public async Task CheckReferencesAsync()
    {
        if (_references.Count == 0)
        {
            return;
        }

        var existing = await Admin.ExistingAsync(_references.Select(r => r.Id).Distinct().ToArray(), _context.CancellationToken);
        foreach (var (id, field, raw) in _references.Where(r => !existing.Contains(r.Id)))
        {
            _problems.Add(new NotFoundProblem($"No {id.Type} has the id '{raw}' ({id}).", field, raw));
        }
    }

    /// <summary>The stored record that <c>input.{name}</c> names, or null with a problem.</summary>
    public async Task<T?> TargetAsync<T>(NodeType type, string name = "id")
        where T : Node
    {
        var field = "input." + name;
        var id = Reference(Get(name), field, type);
        if (id is null)
        {
            return null;
        }

        // Checked here, by reading it, rather than with the other references.
        _references.RemoveAt(_references.Count - 1);
        var found = await Store.GetAsync<T>([id.Value.Key], _context.CancellationToken);
        if (found.Count == 0)
        {
            var raw = Convert.ToString(Get(name), CultureInfo.InvariantCulture)!;
            _problems.Add(new NotFoundProblem($"No {type} has the id '{raw}' ({id}).", field, raw));
            return null;
        }

        return found[0];
    }

    /// <summary>For a create: a key given, or the one derived from the name, that a stored record has already is an error (update that record instead).</summary>
    public async Task CheckNewKeyAsync(NodeType type, string? derivedFrom, string updateMutation)
    {
        var given = Get("key") as string;
        var key = given ?? (derivedFrom is null ? null : NameNormalizer.SlugOf(derivedFrom));
        if (key is null || !Slug.IsValid(key))
        {
            return; // the importer reports a key it cannot use
        }

        var existing = await Admin.ExistingAsync([new NodeId(type, key)], _context.CancellationToken);
        if (existing.Count > 0)
        {
            _problems.Add(new InvalidInputProblem(
                $"A {type} with the key \"{key}\" exists already ({new NodeId(type, key).Encode()}); change it with {updateMutation}, or give another key.",
                given is null ? "input.name" : "input.key"));
        }
    }

    /// <summary>
    /// Imports <paramref name="bundle"/> (its one record in <paramref name="list"/>) through the one
    /// write path, unless problems were found already; the record's import paths become input fields.
    /// </summary>
    public async Task<MutationResult> ImportAsync(JsonObject bundle, string list, Func<string, string>? field = null)
    {
        await CheckReferencesAsync();
        if (_problems.Count > 0)
        {
            return MutationResult.Failed(_problems);
        }

        bundle["format"] = BundleImporter.FormatV2;
        var importer = new DocumentImporter(Store, Admin);
        var result = await importer.ImportAsync(
            _operation,
            bundle.ToJsonString(),
            _ => null,
            new ImportOptions(KeyName: MutationType.KeyName(_context), Operation: _operation),
            _context.CancellationToken);
        var prefix = $"$.{list}[0]";
        if (!result.Accepted)
        {
            return MutationResult.Failed(result.Problems
                .Select(p => p.Cycle is { } cycle && p.Path.EndsWith(".containedIn", StringComparison.Ordinal)
                    ? new Places.ContainmentCycleProblem(p.Message, Field(p.Path), cycle.Select(k => new NodeId(NodeType.Place, k).Encode()).ToArray())
                    : (MutationProblem)new InvalidInputProblem(p.Message, Field(p.Path)))
                .ToArray());
        }

        var record = result.Changes.First(c => string.Equals(c.Path, prefix, StringComparison.Ordinal)).Id;
        return new MutationResult(record, result.Changes, []);

        string Field(string path)
        {
            var at = path.StartsWith(prefix, StringComparison.Ordinal) ? "input" + path[prefix.Length..] : path == "$" ? "input" : path;
            return field is null ? at : field(at);
        }
    }

    // Builders of the document's JSON.

    /// <summary>Copies an input field to the record when given and not null.</summary>
    public void Copy(JsonObject record, string name, Func<object, JsonNode?>? convert = null)
    {
        if (Get(name) is { } value)
        {
            record[name] = convert is null ? JsonValue.Create(value) : convert(value);
        }
    }

    public static JsonArray Strings(object? list) =>
        new((list as IEnumerable<object?> ?? []).Select(v => (JsonNode?)JsonValue.Create(v as string)).ToArray());

    public static JsonNode Wire(object value) => JsonValue.Create(value switch
    {
        PlaceKind k => EnumNames.ToWire(k),
        OrganisationKind k => EnumNames.ToWire(k),
        NegotiationStatus k => EnumNames.ToWire(k),
        StatementKind k => EnumNames.ToWire(k),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    })!;

    public static IReadOnlyList<IDictionary<string, object?>> Objects(object? list) =>
        (list as IEnumerable<object?> ?? []).OfType<IDictionary<string, object?>>().ToArray();

    /// <summary>A reference field given as a global id, written as the record's key.</summary>
    public void CopyReference(JsonObject record, string name, params NodeType[] types)
    {
        if (Reference(Get(name), "input." + name, types) is { } id)
        {
            record[name] = id.Key;
        }
    }

    /// <summary>A list of global ids, written as keys.</summary>
    public JsonArray References(object? list, string field, NodeType type)
    {
        var keys = new JsonArray();
        var items = (list as IEnumerable<object?> ?? []).ToArray();
        for (var i = 0; i < items.Length; i++)
        {
            if (Reference(items[i], $"{field}[{i}]", type) is { } id)
            {
                keys.Add(id.Key);
            }
        }

        return keys;
    }
}
