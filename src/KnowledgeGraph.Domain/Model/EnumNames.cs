using System.Collections.Frozen;
using System.Text;

namespace KnowledgeGraph.Domain.Model;

/// <summary>The wire names of the model's enums: SCREAMING_SNAKE_CASE, as GraphQL and the import format spell them.</summary>
public static class EnumNames
{
    /// <summary>The longest wire name read without a string (every wire name is far shorter).</summary>
    private const int MaxStackName = 64;

    /// <summary><c>IntelligenceAgency</c> → <c>INTELLIGENCE_AGENCY</c>.</summary>
    public static string ToWire<T>(T value)
        where T : struct, Enum =>
        Names<T>.Wire.TryGetValue(value, out var wire) ? wire : Spell(value.ToString());

    /// <summary>The wire name of a value of any of the model's enums, given untyped (as filter values are).</summary>
    public static string WireOf(object value) => value switch
    {
        PlaceKind v => ToWire(v),
        OrganisationKind v => ToWire(v),
        StatementKind v => ToWire(v),
        NegotiationStatus v => ToWire(v),
        _ => throw new ArgumentException($"{value.GetType().Name} is not an enum of the model.", nameof(value)),
    };

    /// <summary>
    /// The enum value a store holds as <paramref name="wire"/>; anything else is a store that
    /// was written by something other than this code, reported as <see cref="InvalidDataException"/>.
    /// </summary>
    public static T FromStore<T>(string wire)
        where T : struct, Enum =>
        TryFromWire<T>(wire, out var value)
            ? value
            : throw new InvalidDataException($"The store holds '{wire}', which is not a {typeof(T).Name}.");

    /// <summary>
    /// <see cref="FromStore{T}(string)"/> for a wire name given as the UTF-8 bytes a store holds,
    /// without making a string of it.
    /// </summary>
    public static T FromStore<T>(ReadOnlySpan<byte> utf8)
        where T : struct, Enum
    {
        // Every wire name is short ASCII; anything longer or not ASCII is no wire name.
        Span<char> chars = stackalloc char[MaxStackName];
        if (utf8.Length <= MaxStackName
            && System.Text.Ascii.ToUtf16(utf8, chars, out var written) == System.Buffers.OperationStatus.Done
            && Names<T>.ValuesBySpan.TryGetValue(chars[..written], out var value))
        {
            return value;
        }

        return FromStore<T>(Encoding.UTF8.GetString(utf8));
    }

    /// <summary>The enum value with this wire name, if any.</summary>
    public static bool TryFromWire<T>(string? wire, out T value)
        where T : struct, Enum
    {
        if (wire is not null && Names<T>.Values.TryGetValue(wire, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    private static string Spell(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(name[i]));
        }

        return builder.ToString();
    }

    /// <summary>The wire name of every named value of <typeparamref name="T"/>, both ways, spelled once.</summary>
    private static class Names<T>
        where T : struct, Enum
    {
        public static readonly FrozenDictionary<T, string> Wire = Enum.GetValues<T>().Distinct().ToFrozenDictionary(v => v, v => Spell(v.ToString()));

        public static readonly FrozenDictionary<string, T> Values = Enum.GetValues<T>().Distinct().ToFrozenDictionary(v => Wire[v], v => v, StringComparer.Ordinal);

        public static readonly FrozenDictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> ValuesBySpan = Values.GetAlternateLookup<ReadOnlySpan<char>>();
    }
}
