using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Model;

namespace KnowledgeGraph.Domain.Import;

/// <summary>Gives records resolved onto stored ones the stored keys, in every record that refers to them.</summary>
internal static class KeyRewrite
{
    public static GraphBatch Apply(GraphBatch batch, IReadOnlyDictionary<NodeId, string> map)
    {
        if (map.Count == 0)
        {
            return batch;
        }

        string K(NodeType type, string key) => map.TryGetValue(new NodeId(type, key), out var to) ? to : key;
        string? N(NodeType type, string? key) => key is null ? null : K(type, key);

        return new GraphBatch(
            batch.Articles,
            batch.Places.Select(p => p with { Key = K(NodeType.Place, p.Key), ContainedInKey = N(NodeType.Place, p.ContainedInKey) }).ToArray(),
            batch.Organisations.Select(o => o with
            {
                Key = K(NodeType.Organisation, o.Key),
                CountryKey = N(NodeType.Place, o.CountryKey),
                PartOfKey = N(NodeType.Organisation, o.PartOfKey),
            }).ToArray(),
            batch.People.Select(p =>
            {
                var key = K(NodeType.Person, p.Key);
                return p with
                {
                    Key = key,
                    Affiliations = p.Affiliations.Select(a => a with { PersonKey = key, OrganisationKey = K(NodeType.Organisation, a.OrganisationKey) }).ToArray(),
                };
            }).ToArray(),
            batch.Negotiations.Select(n => n with
            {
                Key = K(NodeType.Negotiation, n.Key),
                VenueKey = N(NodeType.Place, n.VenueKey),
                PartyKeys = n.PartyKeys.Select(k => K(NodeType.Organisation, k)).ToArray(),
                Rounds = n.Rounds.Select(r => r with { VenueKey = N(NodeType.Place, r.VenueKey) }).ToArray(),
            }).ToArray(),
            batch.Statements.Select(s => s with
            {
                Key = K(NodeType.Statement, s.Key),
                Speaker = s.Speaker is { } sp
                    ? sp with { Key = K(sp.Type == SpeakerType.Person ? NodeType.Person : NodeType.Organisation, sp.Key) }
                    : null,
                SaidAtKey = N(NodeType.Place, s.SaidAtKey),
                AboutKeys = s.AboutKeys.Select(k => K(NodeType.Place, k)).ToArray(),
                NegotiationKey = N(NodeType.Negotiation, s.NegotiationKey),
                RespondsToKey = N(NodeType.Statement, s.RespondsToKey),
            }).ToArray())
        {
            Change = batch.Change,
            Redirects = batch.Redirects.Select(r => r with { Survivor = K(r.Type, r.Survivor) }).ToArray(),
        };
    }
}
