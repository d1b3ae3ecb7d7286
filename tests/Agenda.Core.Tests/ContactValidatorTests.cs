using Agenda.Core.Contacts;

namespace Agenda.Core.Tests;

public class ContactValidatorTests
{
    private static Dictionary<string, string[]> ErrorsOf(string? first = "Ana", string? second = "Silva", string? phone = "69 984059615", string? email = "ana@example.com") =>
        ContactValidator.Validate(ContactCard.Simple(first, second, phone, email)).Errors;

    [Fact]
    public void TheOriginalAgendasDataIsValid() => Assert.Empty(ErrorsOf());

    [Fact]
    public void OnlyFirstNameIsRequired() => Assert.Empty(ErrorsOf(second: null, phone: null, email: null));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void MissingFirstNameIsRejected(string? first) =>
        Assert.Equal(["First name is required."], ErrorsOf(first: first)["FirstName"]);

    [Fact]
    public void NamesLongerThan100CharactersAreRejected()
    {
        Assert.Empty(ErrorsOf(first: new string('a', 100), second: new string('b', 100)));
        var errors = ErrorsOf(first: new string('a', 101), second: new string('b', 101));
        Assert.Equal(["First name must be at most 100 characters."], errors["FirstName"]);
        Assert.Equal(["Second name must be at most 100 characters."], errors["SecondName"]);
    }

    [Fact]
    public void FieldsAreTrimmedBeforeTheyAreChecked()
    {
        var (normalized, errors) = ContactValidator.Validate(ContactCard.Simple("  Ana ", null, " 123 ", " a@b.co "));
        Assert.Empty(errors);
        Assert.Equal(ContactCard.Simple("Ana", "", "123", "a@b.co"), normalized);
    }

    [Theory]
    [InlineData("a@b.co")]
    [InlineData("first.last+tag@sub.example.com.br")]
    [InlineData("josé@exemplo.com")]
    public void ValidEmailsAreAccepted(string email) => Assert.Empty(ErrorsOf(email: email));

    [Theory]
    [InlineData("plainaddress")]
    [InlineData("a@b")]
    [InlineData("a@@b.com")]
    [InlineData("a b@c.com")]
    [InlineData("a@b..com")]
    [InlineData("@b.com")]
    public void InvalidEmailsAreRejected(string email) =>
        Assert.Equal(["Email must be a valid address, like name@example.com."], ErrorsOf(email: email)["Emails[0].Address"]);

    [Theory]
    [InlineData("69 984059615")]
    [InlineData("+55 (69) 98405-9615")]
    [InlineData("123")]
    [InlineData("1.2.3")]
    public void ValidPhoneNumbersAreAccepted(string phone) => Assert.Empty(ErrorsOf(phone: phone));

    [Theory]
    [InlineData("12", "Phone number must contain at least 3 digits.")]
    [InlineData("12ab3", "Phone number may contain only digits, spaces and + - ( ) .")]
    [InlineData("555#1234", "Phone number may contain only digits, spaces and + - ( ) .")]
    public void InvalidPhoneNumbersAreRejected(string phone, string message) =>
        Assert.Equal([message], ErrorsOf(phone: phone)["Phones[0].Number"]);

    [Fact]
    public void PhoneNumbersLongerThan32CharactersAreRejected() =>
        Assert.Contains("Phone number must be at most 32 characters.", ErrorsOf(phone: new string('1', 33))["Phones[0].Number"]);

    [Fact]
    public void ControlCharactersAreRejectedInEveryTextField()
    {
        var errors = ErrorsOf(first: "A\u0000na", second: "Sil\tva", email: "a\u0007@b.co");
        Assert.Contains("First name must not contain control characters.", errors["FirstName"]);
        Assert.Contains("Second name must not contain control characters.", errors["SecondName"]);
        Assert.Contains("Email must not contain control characters.", errors["Emails[0].Address"]);
    }

    [Fact]
    public void EveryBadFieldIsReportedAtOnce() =>
        Assert.Equal(["Emails[0].Address", "FirstName", "Phones[0].Number"], ErrorsOf(first: "", phone: "x", email: "y").Keys.Order());
}
