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

    [Theory]
    [InlineData("2025-03-07")]
    [InlineData("2024-02-29")]
    [InlineData("0987-11-30")]
    public void A_date_reads_the_same_from_the_utf8_a_store_holds(string text) =>
        Assert.Equal(DateText.Read(text), DateText.Read(System.Text.Encoding.UTF8.GetBytes(text)));

    [Theory]
    [InlineData("2025-3-7", "'2025-3-7' is not a date written yyyy-MM-dd.")]
    [InlineData("2023-02-29", "'2023-02-29' was not recognized as a valid DateOnly.")]
    [InlineData("2025-03-07T00:00:00Z", "'2025-03-07T00:00:00Z' is not a date written yyyy-MM-dd.")]
    [InlineData("2025\u201303\u201307", "'2025\u201303\u201307' is not a date written yyyy-MM-dd.")]
    [InlineData("", "'' is not a date written yyyy-MM-dd.")]
    public void Anything_else_in_utf8_is_not_a_date(string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => DateText.Read(System.Text.Encoding.UTF8.GetBytes(text)));
        Assert.EndsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_wire_name_reads_back_from_utf8_and_a_foreign_one_is_bad_data()
    {
        static void RoundTrip<T>()
            where T : struct, Enum
        {
            foreach (var value in Enum.GetValues<T>())
            {
                Assert.Equal(value, EnumNames.FromStore<T>(System.Text.Encoding.UTF8.GetBytes(EnumNames.ToWire(value))));
            }
        }

        RoundTrip<PlaceKind>();
        RoundTrip<OrganisationKind>();
        RoundTrip<StatementKind>();
        RoundTrip<NegotiationStatus>();
        foreach (var foreign in new[] { "intelligence_agency", "", "RÉGION", new string('A', 80) })
        {
            var error = Assert.Throws<InvalidDataException>(() => EnumNames.FromStore<PlaceKind>(System.Text.Encoding.UTF8.GetBytes(foreign)));
            Assert.Equal($"The store holds '{foreign}', which is not a PlaceKind.", error.Message);
        }
    }

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
