namespace KnowledgeGraph.Benchmarks.Corpus;

/// <summary>
/// How large each part of a synthetic corpus is, as a function of its number of statements.
/// The place hierarchy grows much more slowly than the statements (the world has only so many
/// regions), so a region's share of statements grows with the corpus: that is what makes
/// <c>statementsAbout</c> on a region harder at 10^6 than at 10^4.
/// </summary>
internal sealed record CorpusShape
{
    public const int Countries = 12;
    public const int RegionsPerCountry = 9;
    public const int StatementsPerArticle = 10;

    public CorpusShape(int statements)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statements, 100);
        Statements = statements;
    }

    public int Statements { get; }

    public static int Regions => Countries * RegionsPerCountry;

    /// <summary>3 towns per region up to 6,000 statements, then one more per 2,000, at most 40.</summary>
    public int TownsPerRegion => Math.Clamp(Statements / 2_000, 3, 40);

    public int Towns => Regions * TownsPerRegion;

    public int Places => Countries + Regions + Towns;

    public int People => Math.Clamp(Statements / 20, 100, 50_000);

    /// <summary>At least three per country (its government, defence ministry and armed forces).</summary>
    public int Organisations => Math.Clamp(Statements / 100, 4 * Countries, 10_000);

    public int Negotiations => Math.Clamp(Statements / 1_000, 5, 1_000);

    public int Articles => (Statements + StatementsPerArticle - 1) / StatementsPerArticle;

    /// <summary>The region a town lies in.</summary>
    public int RegionOfTown(int town) => town / TownsPerRegion;

    /// <summary>The country a region lies in.</summary>
    public static int CountryOfRegion(int region) => region / RegionsPerCountry;
}

/// <summary>What a generator produced: every count a store must reproduce exactly.</summary>
internal sealed record CorpusCounts
{
    public long Articles { get; set; }

    public long Places { get; set; }

    public long Organisations { get; set; }

    public long People { get; set; }

    public long Affiliations { get; set; }

    public long Negotiations { get; set; }

    public long NegotiationParties { get; set; }

    public long NegotiationRounds { get; set; }

    public long Statements { get; set; }

    public long StatementAbout { get; set; }

    public long Evidence { get; set; }

    public long Responses { get; set; }

    public long ArticleCharacters { get; set; }
}
