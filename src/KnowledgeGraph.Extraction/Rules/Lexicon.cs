using KnowledgeGraph.Domain.Model;

namespace KnowledgeGraph.Extraction.Rules;

// The words the rules read. General English news usage, nothing taken from any one article.
internal static class Lexicon
{
    /// <summary>Reporting verbs (finite forms) and the kind of statement each makes.</summary>
    public static readonly Dictionary<string, StatementKind> ReportingVerbs = Build(
        (StatementKind.Assessment, "said says say told tells added adds noted notes"),
        (StatementKind.Assessment, "stressed stresses emphasised emphasized emphasises emphasizes insisted insists added adds noted notes believes believe argued argues estimated estimates described describes assessed predicted predicts"),
        (StatementKind.Claim, "claimed claims claim touted touts asserted asserts alleged alleges maintained maintains"),
        (StatementKind.Denial, "denied denies deny"),
        (StatementKind.Rejection, "rejected rejects reject dismissed dismisses dismiss refused refuses refuse"),
        (StatementKind.Demand, "demanded demands demand insisting"),
        (StatementKind.Warning, "warned warns warn cautioned cautions"),
        (StatementKind.Threat, "threatened threatens threaten vowed vows"),
        (StatementKind.Confirmation, "confirmed confirms confirm"),
        (StatementKind.Acknowledgement, "acknowledged acknowledges acknowledge admitted admits admit conceded concedes"),
        (StatementKind.Accusation, "accused accuses accuse blamed blames"),
        (StatementKind.Appeal, "urged urges urge appealed appeals pleaded"),
        (StatementKind.Agreement, "agreed agrees"),
        (StatementKind.Announcement, "announced announces announce declared declares unveiled"),
        (StatementKind.Report, "reported reports"));

    /// <summary>Neutral verbs of saying: an assessment when they carry a quote, a claim when they report a clause.</summary>
    public static readonly HashSet<string> NeutralVerbs = Set("said says say told tells added adds noted notes");

    /// <summary>Participles that open a second statement by the same speaker: ", warning that …".</summary>
    public static readonly Dictionary<string, StatementKind> Participles = Build(
        (StatementKind.Assessment, "saying adding noting insisting arguing stressing"),
        (StatementKind.Warning, "warning cautioning"),
        (StatementKind.Claim, "claiming alleging"),
        (StatementKind.Accusation, "accusing"),
        (StatementKind.Denial, "denying"),
        (StatementKind.Threat, "threatening"),
        (StatementKind.Demand, "demanding"),
        (StatementKind.Announcement, "announcing"),
        (StatementKind.Confirmation, "confirming"),
        (StatementKind.Acknowledgement, "acknowledging admitting"),
        (StatementKind.Appeal, "urging"),
        (StatementKind.Rejection, "rejecting"));

    /// <summary>Words before a verb-looking word that make it a noun ("the claims", "Russian claims").</summary>
    public static readonly HashSet<string> Determiners = Set("the a an its his her their our my your this that these those such any some no every each new fresh earlier latest repeated");

    /// <summary>Auxiliaries and adverbs that may stand between a subject and its verb.</summary>
    public static readonly HashSet<string> BetweenSubjectAndVerb = Set("has have had also again later previously repeatedly publicly formally flatly firmly strongly immediately quickly swiftly had already then on sunday monday tuesday wednesday thursday friday saturday today yesterday earlier");

    /// <summary>Lowercase words that may sit inside a speaker's noun phrase.</summary>
    public static readonly HashSet<string> NounPhraseWords = Set(
        "the of and for foreign defense defence interior health finance economy justice ministry ministries army command forces force military intelligence "
        + "chief commander president minister spokesman spokeswoman spokesperson governor mayor head chair chairman chairwoman director ambassador envoy adviser advisor "
        + "general officer leader secretary deputy former current acting senior top regional local state national federal southern northern eastern western central "
        + "front office service services police navy air border guard guards security council government parliament committee agency authority authorities ministry's "
        + "prime vice foreign-affairs affairs military's presidential press emergency emergencies rescue operations staff general's prosecutor prosecutors court union "
        + "delegation negotiator negotiators team operator company administration cabinet department bureau guard coast naval "
        + "town city village border frontline province residents emergency weather environmental opposition provincial harbour");

    /// <summary>Heads that make a noun phrase an organisation, with the kind they suggest.</summary>
    public static readonly Dictionary<string, OrganisationKind> OrganisationHeads = new(StringComparer.Ordinal)
    {
        ["ministry"] = OrganisationKind.Ministry, ["ministries"] = OrganisationKind.Ministry, ["department"] = OrganisationKind.Ministry,
        ["command"] = OrganisationKind.Military, ["forces"] = OrganisationKind.Military, ["army"] = OrganisationKind.Military,
        ["military"] = OrganisationKind.Military, ["navy"] = OrganisationKind.Military, ["front"] = OrganisationKind.Military, ["guard"] = OrganisationKind.Military, ["guards"] = OrganisationKind.Military,
        ["intelligence"] = OrganisationKind.IntelligenceAgency, ["service"] = OrganisationKind.Other, ["services"] = OrganisationKind.Other,
        ["council"] = OrganisationKind.Council, ["parliament"] = OrganisationKind.Council, ["committee"] = OrganisationKind.Council,
        ["government"] = OrganisationKind.Government, ["administration"] = OrganisationKind.Government, ["cabinet"] = OrganisationKind.Government, ["authorities"] = OrganisationKind.Government,
        ["office"] = OrganisationKind.Other, ["agency"] = OrganisationKind.Other, ["authority"] = OrganisationKind.Other, ["police"] = OrganisationKind.Other,
        ["union"] = OrganisationKind.Intergovernmental, ["delegation"] = OrganisationKind.Other, ["company"] = OrganisationKind.Other, ["operator"] = OrganisationKind.Other,
        ["bureau"] = OrganisationKind.Other, ["court"] = OrganisationKind.Other, ["staff"] = OrganisationKind.Military,
    };

    /// <summary>Role nouns: "intelligence chief", "the commander".</summary>
    public static readonly HashSet<string> Roles = Set(
        "chief commander president minister spokesman spokeswoman spokesperson governor mayor head chair chairman chairwoman director ambassador envoy "
        + "adviser advisor general officer leader secretary prosecutor negotiator colonel");

    /// <summary>Titles written before a name.</summary>
    public static readonly HashSet<string> Titles = Set(
        "mr mr. mrs mrs. ms ms. dr dr. prof prof. lt lt. col col. gen gen. maj maj. capt capt. sgt sgt. adm adm. cpl cpl. "
        + "president prime minister general colonel lieutenant major captain sergeant admiral commander governor mayor ambassador chancellor king queen prince sheikh "
        + "senator judge pope");

    /// <summary>Plural nouns naming sources who stay unnamed.</summary>
    public static readonly HashSet<string> UnnamedSources = Set(
        "officials experts analysts sources diplomats observers residents witnesses critics activists people insiders medics doctors groups agents campaigners");

    /// <summary>Nouns that name an organisation by the name that follows ("operator Greyline Ports").</summary>
    public static readonly HashSet<string> OrganisationDescriptors = Set("operator company firm group carrier airline bank broadcaster agency union party insurer lender miner producer maker carmaker manufacturer retailer outlet newspaper");

    /// <summary>Pronouns that point back to the last fitting speaker.</summary>
    public static readonly HashSet<string> PersonPronouns = Set("he she");

    /// <summary>Abbreviations that keep their dot (so "Lt. Col." does not end a sentence).</summary>
    public static readonly HashSet<string> Abbreviations = Set(
        "mr mrs ms dr prof lt col gen maj capt sgt adm cpl st jr sr no vs etc inc corp co ltd jan feb mar apr aug sept sep oct nov dec rep sen gov");

    /// <summary>Words that open a clause and end a backward walk for a subject.</summary>
    public static readonly HashSet<string> ClauseOpeners = Set(
        "that as and but while whereas when if after before because since which who whom whose where although though even so or nor yet despite until unless once");

    /// <summary>Words that close a reported clause and open another (", even as …").</summary>
    public static readonly string[] ClauseBreaks = [", even as ", ", while ", ", whereas ", "; ", " — ", " – ", ", as ", ", although ", ", though "];

    /// <summary>Words naming talks, for the negotiation rules.</summary>
    public static readonly HashSet<string> TalksWords = Set("talks negotiations negotiation ceasefire truce summit round");

    /// <summary>Seats of government standing for their country's government.</summary>
    public static readonly Dictionary<string, string> SeatsOfGovernment = new(StringComparer.Ordinal)
    {
        ["the kremlin"] = "RU", ["kremlin"] = "RU", ["the white house"] = "US", ["white house"] = "US",
        ["downing street"] = "GB", ["the elysee"] = "FR", ["the élysée"] = "FR", ["the pentagon"] = "US",
    };

    /// <summary>Month names and their numbers.</summary>
    public static readonly Dictionary<string, int> Months = new(StringComparer.Ordinal)
    {
        ["january"] = 1, ["february"] = 2, ["march"] = 3, ["april"] = 4, ["may"] = 5, ["june"] = 6, ["july"] = 7,
        ["august"] = 8, ["september"] = 9, ["october"] = 10, ["november"] = 11, ["december"] = 12,
        ["jan"] = 1, ["feb"] = 2, ["mar"] = 3, ["apr"] = 4, ["jun"] = 6, ["jul"] = 7, ["aug"] = 8, ["sept"] = 9, ["sep"] = 9, ["oct"] = 10, ["nov"] = 11, ["dec"] = 12,
    };

    /// <summary>Weekday names.</summary>
    public static readonly Dictionary<string, DayOfWeek> Weekdays = new(StringComparer.Ordinal)
    {
        ["monday"] = DayOfWeek.Monday, ["tuesday"] = DayOfWeek.Tuesday, ["wednesday"] = DayOfWeek.Wednesday, ["thursday"] = DayOfWeek.Thursday,
        ["friday"] = DayOfWeek.Friday, ["saturday"] = DayOfWeek.Saturday, ["sunday"] = DayOfWeek.Sunday,
    };

    /// <summary>Capitalised words that never start a name.</summary>
    public static readonly HashSet<string> NotNames = Set(
        "the a an in on at of for to from by with and but or as if when while after before despite meanwhile earlier later however according "
        + "it its he she they we i our their his her this that these those there here what who why how "
        + "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december");

    /// <summary>Prepositions after which a country's name is a territory, not an actor.</summary>
    public static readonly HashSet<string> Locatives = Set("in into of over across from to near at throughout inside towards toward on around outside within beyond");

    public static bool IsVerbLike(string lower) =>
        ReportingVerbs.ContainsKey(lower) || lower.EndsWith("ed", StringComparison.Ordinal) || lower is "is" or "was" or "are" or "were" or "does" or "did" or "has" or "have" or "had" or "will" or "would" or "could" or "can";

    private static HashSet<string> Set(string words) => new(words.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    private static Dictionary<string, StatementKind> Build(params (StatementKind Kind, string Words)[] groups)
    {
        var d = new Dictionary<string, StatementKind>(StringComparer.Ordinal);
        foreach (var (kind, words) in groups)
        {
            foreach (var w in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                d[w] = kind;
            }
        }

        return d;
    }
}
