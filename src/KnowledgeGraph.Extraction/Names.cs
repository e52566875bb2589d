using System.Text;

namespace KnowledgeGraph.Extraction;

/// <summary>Name normalisation and key making shared by resolution, the gazetteer and evaluation.</summary>
public static class Names
{
    /// <summary>
    /// The comparison form of a name: lower case, typographic apostrophes made plain, dots and
    /// hyphens dropped or spaced, runs of space collapsed ("U.S." and "US" compare equal).
    /// </summary>
    public static string Normalise(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var sb = new StringBuilder(name.Length);
        var space = false;
        foreach (var raw in name)
        {
            var c = raw switch { '’' or '‘' or 'ʼ' => '\'', '-' or '‐' or '–' or '—' => ' ', _ => raw };
            if (c == '.')
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    /// <summary>A record key from a name: ASCII letters and digits joined by single hyphens, at most 120 characters.</summary>
    public static string Slug(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var sb = new StringBuilder(name.Length);
        var hyphen = false;
        foreach (var raw in name)
        {
            var c = Fold(char.ToLowerInvariant(raw));
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (hyphen && sb.Length > 0)
                {
                    sb.Append('-');
                }

                hyphen = false;
                sb.Append(c);
            }
            else if (c is not '\'' and not '’' and not '.')
            {
                hyphen = true;
            }
        }

        var slug = sb.Length == 0 ? "x" : sb.ToString();
        return slug.Length <= 120 ? slug : slug[..120].TrimEnd('-');
    }

    private static char Fold(char c) => c switch
    {
        'à' or 'á' or 'â' or 'ã' or 'ä' or 'å' or 'ā' or 'ă' or 'ą' => 'a',
        'ç' or 'ć' or 'č' => 'c',
        'ď' => 'd',
        'è' or 'é' or 'ê' or 'ë' or 'ē' or 'ė' or 'ę' or 'ě' => 'e',
        'ğ' => 'g',
        'ì' or 'í' or 'î' or 'ï' or 'ı' or 'ī' => 'i',
        'ł' => 'l',
        'ñ' or 'ń' or 'ň' => 'n',
        'ò' or 'ó' or 'ô' or 'õ' or 'ö' or 'ø' or 'ō' or 'ő' => 'o',
        'ř' => 'r',
        'ś' or 'š' or 'ş' or 'ș' => 's',
        'ť' or 'ţ' or 'ț' => 't',
        'ù' or 'ú' or 'û' or 'ü' or 'ū' or 'ů' or 'ű' => 'u',
        'ý' or 'ÿ' => 'y',
        'ź' or 'ż' or 'ž' => 'z',
        _ => c,
    };
}
