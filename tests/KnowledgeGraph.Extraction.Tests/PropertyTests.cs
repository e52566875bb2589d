namespace KnowledgeGraph.Extraction.Tests;

/// <summary>
/// Generated articles (a fixed seed, so every run sees the same ones): whatever the mix of quote
/// styles, attributions, paragraphs and non-ASCII text, every proposed span lies inside the text
/// and is exactly the text at its offsets, and every generated quote is found with its speaker.
/// </summary>
public sealed class PropertyTests
{
    private static readonly string[] First = ["Ada", "Bram", "Céline", "Dmytro", "Elif", "Fionn", "Grete", "Hamid"];
    private static readonly string[] Last = ["Brenn", "Castell", "Dovik", "Ernström", "Fajardo", "Gorran", "Hallé", "Ivers"];
    private static readonly string[] Titles = ["Mayor", "Minister", "General", "Senator"];
    private static readonly string[] Sayings =
    [
        "The roads to the north are open again", "We have asked for more time", "Nobody in this town wants a war",
        "The water supply will be restored by winter", "Our answer has not changed", "The talks achieved nothing at all",
    ];

    private static readonly (string Open, string Close)[] Marks = [("“", "”"), ("\"", "\""), ("«", "»"), ("‘", "’")];

    [Fact]
    public void Spans_are_always_the_text_at_their_offsets_and_every_quote_is_found_with_its_speaker()
    {
        var random = new Random(20310309);
        for (var article = 0; article < 200; article++)
        {
            var sb = new System.Text.StringBuilder();
            var expected = new List<(int Start, int End, string Speaker)>();
            var paragraphs = random.Next(1, 7);
            for (var p = 0; p < paragraphs; p++)
            {
                if (p > 0)
                {
                    sb.Append(random.Next(3) == 0 ? "\r\n\r\n" : "\n\n");
                }

                var name = $"{First[random.Next(First.Length)]} {Last[random.Next(Last.Length)]}";
                var (open, close) = Marks[random.Next(Marks.Length)];
                var saying = Sayings[random.Next(Sayings.Length)];
                switch (random.Next(3))
                {
                    case 0:
                        var start = sb.Length;
                        sb.Append(open).Append(saying).Append(',').Append(close);
                        expected.Add((start, sb.Length, name));
                        sb.Append(' ').Append(Titles[random.Next(Titles.Length)]).Append(' ').Append(name).Append(" said.");
                        break;
                    case 1:
                        sb.Append(Titles[random.Next(Titles.Length)]).Append(' ').Append(name).Append(" said: ");
                        var s2 = sb.Length;
                        sb.Append(open).Append(saying).Append('.').Append(close);
                        expected.Add((s2, sb.Length, name));
                        break;
                    default:
                        sb.Append("Residents of the town said that ").Append(char.ToLowerInvariant(saying[0])).Append(saying[1..]).Append(" 🙂.");
                        break;
                }
            }

            var text = sb.ToString();
            var r = ArticleExtractor.Extract(new ArticleInput("g", text), KnownEntities.Empty, Gazetteer.Empty);
            foreach (var s in r.Statements)
            {
                Assert.InRange(s.Start, 0, text.Length - 1);
                Assert.InRange(s.End, s.Start + 1, text.Length);
                Assert.Equal(text[s.Start..s.End], s.SpanText);
            }

            foreach (var (start, end, speaker) in expected)
            {
                var found = r.Statements.SingleOrDefault(s => s.Start == start && s.End == end);
                Assert.True(found is not null, $"quote [{start},{end}) not found in:\n{text}");
                Assert.Equal(speaker, found.Speaker?.Name);
            }
        }
    }
}
