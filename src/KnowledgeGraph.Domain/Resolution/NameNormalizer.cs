using System.Globalization;
using System.Text;

namespace KnowledgeGraph.Domain.Resolution;

/// <summary>
/// The forms a name is compared in. Every function is pure and culture-free: the same name gives
/// the same form on every machine.
/// </summary>
public static class NameNormalizer
{
    // Honorifics and ranks dropped from the front of a person's name. Abbreviations appear
    // without their dot, since punctuation is gone by the time they are compared.
    private static readonly HashSet<string> Honorifics = new(StringComparer.Ordinal)
    {
        "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
        "president", "vice", "prime", "minister", "premier", "chancellor", "secretary", "ambassador",
        "general", "gen", "lieutenant", "lt", "colonel", "col", "major", "maj", "captain", "capt", "cpt",
        "sergeant", "sgt", "admiral", "adm", "commander", "cmdr", "marshal", "brigadier", "brig", "corporal", "cpl",
        "private", "pte", "senator", "sen", "rep", "representative", "governor", "gov", "mayor", "deputy",
        "defence", "defense", "foreign", "chief", "head", "spokesman", "spokeswoman", "spokesperson",
    };

    // Words that carry no meaning in an organisation's designation.
    private static readonly HashSet<string> DesignationStopWords = new(StringComparer.Ordinal)
    {
        "the", "of", "for", "and", "s",
    };

    /// <summary>Lower case, without diacritics, punctuation (apostrophes vanish, other marks become spaces) or repeated spaces.</summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length);
        var space = true;
        foreach (var c in name)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
            {
                continue;
            }

            if (c is '\'' or '’' or 'ʼ' or '`' or '´')
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                var folded = Fold(char.ToLowerInvariant(c));
                builder.Append(folded);
                space = false;
            }
            else if (!space)
            {
                builder.Append(' ');
                space = true;
            }
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary>The normalised words of a name.</summary>
    public static IReadOnlyList<string> Words(string name) =>
        Normalize(name).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A person's name without leading honorifics and ranks ("Lt. Col. Ivan Petrenko" → "ivan petrenko").</summary>
    public static string WithoutHonorifics(string name)
    {
        var words = Words(name);
        var skip = 0;
        while (skip < words.Count - 1 && Honorifics.Contains(words[skip]))
        {
            skip++;
        }

        return string.Join(' ', words.Skip(skip));
    }

    /// <summary>The normalised name with each word replaced by its transliteration group's first spelling.</summary>
    public static string Transliterated(string name) =>
        string.Join(' ', Words(name).Select(Transliterations.Canonical));

    /// <summary>
    /// An organisation's designation as a sorted set of words: country adjectives become the
    /// country, spelling variants one spelling, filler words dropped.
    /// </summary>
    public static string Designation(string name)
    {
        var words = new List<string>();
        foreach (var word in Words(Transliterations.ReplacePhrases(Normalize(name))))
        {
            if (DesignationStopWords.Contains(word))
            {
                continue;
            }

            words.Add(Transliterations.Canonical(Designations.Canonical(word)));
        }

        return string.Join(' ', words.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
    }

    /// <summary>A slug made from a name, for records given without a key ("Ivan Petrenko" → "ivan-petrenko").</summary>
    /// <returns>The slug, or null when the name has no letters or digits.</returns>
    public static string? SlugOf(string name)
    {
        var words = Words(name).Select(AsciiOnly).Where(w => w.Length > 0).ToArray();
        if (words.Length == 0)
        {
            return null;
        }

        var slug = string.Join('-', words);
        return slug.Length <= Ids.Slug.MaxLength ? slug : slug[..Ids.Slug.MaxLength].TrimEnd('-');
    }

    private static string AsciiOnly(string word) =>
        string.Concat(word.Where(c => c is >= 'a' and <= 'z' or >= '0' and <= '9'));

    // Latin letters with diacritics fold to their base letter; done by table rather than by
    // Unicode decomposition so that it does not depend on the platform's globalization data.
    private static string Fold(char c) => c switch
    {
        'à' or 'á' or 'â' or 'ã' or 'ä' or 'å' or 'ā' or 'ă' or 'ą' => "a",
        'ç' or 'ć' or 'ĉ' or 'ċ' or 'č' => "c",
        'ď' or 'đ' => "d",
        'è' or 'é' or 'ê' or 'ë' or 'ē' or 'ĕ' or 'ė' or 'ę' or 'ě' => "e",
        'ĝ' or 'ğ' or 'ġ' or 'ģ' => "g",
        'ĥ' or 'ħ' => "h",
        'ì' or 'í' or 'î' or 'ï' or 'ĩ' or 'ī' or 'ĭ' or 'į' or 'ı' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' or 'ļ' or 'ľ' or 'ŀ' or 'ł' => "l",
        'ñ' or 'ń' or 'ņ' or 'ň' => "n",
        'ò' or 'ó' or 'ô' or 'õ' or 'ö' or 'ø' or 'ō' or 'ŏ' or 'ő' => "o",
        'ŕ' or 'ŗ' or 'ř' => "r",
        'ś' or 'ŝ' or 'ş' or 'š' or 'ș' => "s",
        'ţ' or 'ť' or 'ŧ' or 'ț' => "t",
        'ù' or 'ú' or 'û' or 'ü' or 'ũ' or 'ū' or 'ŭ' or 'ů' or 'ű' or 'ų' => "u",
        'ŵ' => "w",
        'ý' or 'ÿ' or 'ŷ' => "y",
        'ź' or 'ż' or 'ž' => "z",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        _ => c.ToString(),
    };
}
