using KnowledgeGraph.Domain.Model;

namespace KnowledgeGraph.Tests.Unit;

/// <summary>The text forms every store writes and reads: dates and the wire names of enums.</summary>
public sealed class StoredTextTests
{
    [Fact]
    public void A_date_is_written_as_iso_8601_and_read_back()
    {
        Assert.Equal("2025-03-07", DateText.Write(new DateOnly(2025, 3, 7)));
        Assert.Equal("0987-11-30", DateText.Write(new DateOnly(987, 11, 30)));
        Assert.Equal(new DateOnly(2025, 3, 7), DateText.Read("2025-03-07"));
    }

    [Theory]
    [InlineData("2025-3-7")]
    [InlineData("07.03.2025")]
    [InlineData("2025-03-07T00:00:00Z")]
    public void Anything_else_is_not_a_date(string text) =>
        Assert.Throws<FormatException>(() => DateText.Read(text));

    [Fact]
    public void Untyped_enum_values_of_the_model_get_their_wire_names()
    {
        Assert.Equal("INTELLIGENCE_AGENCY", EnumNames.WireOf(OrganisationKind.IntelligenceAgency));
        Assert.Equal("REGION", EnumNames.WireOf(PlaceKind.Region));
        Assert.Equal("DEMAND", EnumNames.WireOf(StatementKind.Demand));
        Assert.Equal(EnumNames.ToWire(NegotiationStatus.Ongoing), EnumNames.WireOf(NegotiationStatus.Ongoing));
        var error = Assert.Throws<ArgumentException>(() => EnumNames.WireOf(DayOfWeek.Monday));
        Assert.Equal("DayOfWeek is not an enum of the model. (Parameter 'value')", error.Message);
    }

    [Fact]
    public void A_stored_wire_name_reads_back_and_a_foreign_one_is_bad_data()
    {
        Assert.Equal(OrganisationKind.IntelligenceAgency, EnumNames.FromStore<OrganisationKind>("INTELLIGENCE_AGENCY"));
        var error = Assert.Throws<InvalidDataException>(() => EnumNames.FromStore<PlaceKind>("intelligence_agency"));
        Assert.Equal("The store holds 'intelligence_agency', which is not a PlaceKind.", error.Message);
    }
}
