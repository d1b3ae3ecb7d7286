using Agenda.Core.Contacts;

namespace Agenda.Core.Tests.RichContacts;

public class RichCardValidationTests
{
    private static ContactCard Ana => ContactCard.Simple("Ana", "", "", "");

    [Fact]
    public void AValidRichCardHasNoErrorsAndComesBackAsItWas()
    {
        var (normalized, errors) = ContactValidator.Validate(RichCards.Bia);
        Assert.Empty(errors);
        Assert.Equal(RichCards.Bia, normalized);
    }

    [Fact]
    public void ErrorsNameTheEntryByItsIndexAsSent()
    {
        var card = Ana with
        {
            Phones = [new("", ""), new(ContactLabels.Work, "12"), new(ContactLabels.Home, "123x")], // the blank row still counts
            Emails = [new(ContactLabels.Home, "ok@example.com"), new(ContactLabels.Work, "nope")],
            Addresses = [new(ContactLabels.Home, City: new string('c', 101))],
            Urls = [new(ContactLabels.Other, "https://ok.example"), new(ContactLabels.Other, "not a link")],
            Groups = ["ok", "a,b"],
        };

        var errors = ContactValidator.Validate(card).Errors;

        Assert.Equal(["Phone number must contain at least 3 digits."], errors["Phones[1].Number"]);
        Assert.Equal(["Phone number may contain only digits, spaces and + - ( ) ."], errors["Phones[2].Number"]);
        Assert.Equal(["Email must be a valid address, like name@example.com."], errors["Emails[1].Address"]);
        Assert.Equal(["City must be at most 100 characters."], errors["Addresses[0].City"]);
        Assert.Equal(["Link must be an absolute address, like https://example.com."], errors["Urls[1].Url"]);
        Assert.Equal(["Group must not contain a comma."], errors["Groups[1]"]);
        Assert.Equal(6, errors.Count);
    }

    [Fact]
    public void BlankRowsAreDroppedLabelsNormalisedAndTheFirstEntryBecomesPrimary()
    {
        var card = Ana with
        {
            Phones = [new(" ", " "), new(" MOBILE ", " 123 456 "), new("", "789")],
            Emails = [new("Fax-ish", "a@b.co")],
            Addresses = [new("home"), new("", City: " Recife ")],
            Urls = [new("", "example.com")],
            Groups = [" Amigos ", "amigos", "", "Work"],
        };

        var (normalized, errors) = ContactValidator.Validate(card);

        Assert.Empty(errors);
        Assert.Equal([new ContactPhone("mobile", "123 456", true), new ContactPhone("other", "789")], normalized.Phones);
        Assert.Equal([new ContactEmail("Fax-ish", "a@b.co", true)], normalized.Emails);
        Assert.Equal([new ContactAddress("other", City: "Recife")], normalized.Addresses);
        Assert.Equal([new ContactUrl("other", "https://example.com")], normalized.Urls);
        Assert.Equal(["Amigos", "Work"], normalized.Groups);
        Assert.Equal("123 456", normalized.PhoneNumber);
    }

    [Fact]
    public void OnlyOneEntryOfAListCanBePrimary()
    {
        var card = Ana with { Phones = [new("mobile", "123", true), new("work", "456", true)] };
        Assert.Equal(["Only one phone can be primary."], ContactValidator.Validate(card).Errors["Phones"]);
    }

    [Fact]
    public void ListsAndNotesAreBounded()
    {
        var card = Ana with
        {
            Phones = [.. Enumerable.Range(0, 21).Select(i => new ContactPhone("other", $"555 {i:D3}"))],
            Notes = new string('n', ContactValidator.MaxNotesLength + 1),
            VCardExtras = ["no colon here"],
        };
        var errors = ContactValidator.Validate(card).Errors;
        Assert.Equal(["A contact can have at most 20 phones."], errors["Phones"]);
        Assert.Equal(["Notes must be at most 10000 characters."], errors["Notes"]);
        Assert.Equal(["Each kept vCard property must be one unfolded content line, like X-FOO:bar."], errors["VCardExtras"]);
    }

    [Theory]
    [InlineData("1990-05-17", 1990, 5, 17)]
    [InlineData("19900517", 1990, 5, 17)]
    [InlineData("--05-17", null, 5, 17)]
    [InlineData("--0229", null, 2, 29)]
    public void DatesAreReadWithAndWithoutAYear(string text, int? year, int month, int day)
    {
        Assert.True(PartialDate.TryParse(text, out var date));
        Assert.Equal((year, month, day), (date.Year, date.Month, date.Day));
        Assert.True(PartialDate.TryParse(date.ToString(), out var again) && again == date);
    }

    [Theory]
    [InlineData("2023-02-29")]
    [InlineData("--13-01")]
    [InlineData("1990-5-17")]
    [InlineData("17/05/1990")]
    [InlineData("")]
    public void ImpossibleOrForeignDatesAreRefused(string text) => Assert.False(PartialDate.TryParse(text, out _));
}
