using KnowledgeGraph.Domain.Ids;
using KnowledgeGraph.Domain.Model;

namespace KnowledgeGraph.Tests.Unit;

public sealed class NodeIdTests
{
    [Fact]
    public void A_global_id_is_Base64_of_type_and_key_and_decodes_back()
    {
        var id = new NodeId(NodeType.Person, "dmitry-medvedev");
        Assert.Equal("UGVyc29uOmRtaXRyeS1tZWR2ZWRldg==", id.Encode());
        Assert.True(NodeId.TryDecode(id.Encode(), out var decoded, out var error));
        Assert.Equal(id, decoded);
        Assert.Equal(string.Empty, error);
    }

    [Theory]
    [InlineData("", "The id is empty.")]
    [InlineData("%%%", "The id '%%%' is not Base64.")]
    [InlineData("UGVyc29u", "The id 'UGVyc29u' does not name a node type (expected Base64 of 'Type:key').")] // "Person"
    [InlineData("cGVyc29uOmE=", "The id 'cGVyc29uOmE=' does not name a node type (expected Base64 of 'Type:key').")] // "person:a"
    [InlineData("MTphYmM=", "The id 'MTphYmM=' does not name a node type (expected Base64 of 'Type:key').")] // "1:abc"
    [InlineData("UGVyc29uOkJhZCBLZXk=", "The id 'UGVyc29uOkJhZCBLZXk=' has an invalid key 'Bad Key'.")] // "Person:Bad Key"
    public void Anything_else_is_refused_with_the_reason(string id, string expected)
    {
        Assert.False(NodeId.TryDecode(id, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("dnipropetrovsk-oblast", true)]
    [InlineData("000-7ec11662766b884c", true)]
    [InlineData("Dnipro", false)]
    [InlineData("two--hyphens", false)]
    [InlineData("-leading", false)]
    [InlineData("trailing-", false)]
    [InlineData("", false)]
    public void Keys_are_lowercase_slugs(string key, bool valid) => Assert.Equal(valid, Slug.IsValid(key));

    [Fact]
    public void Keys_longer_than_the_limit_are_refused()
    {
        Assert.True(Slug.IsValid(new string('a', Slug.MaxLength)));
        Assert.False(Slug.IsValid(new string('a', Slug.MaxLength + 1)));
    }

    [Fact]
    public void Enum_wire_names_are_screaming_snake_case_both_ways()
    {
        Assert.Equal("INTELLIGENCE_AGENCY", EnumNames.ToWire(OrganisationKind.IntelligenceAgency));
        Assert.True(EnumNames.TryFromWire<OrganisationKind>("NEWS_AGENCY", out var kind));
        Assert.Equal(OrganisationKind.NewsAgency, kind);
        Assert.False(EnumNames.TryFromWire<OrganisationKind>("NewsAgency", out _));
    }
}
