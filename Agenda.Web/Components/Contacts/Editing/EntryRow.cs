using Agenda.Core.Contacts;

namespace Agenda.Web.Components.Contacts.Editing;

/// <summary>
/// One phone, email or link as the form edits it. A class edited in place, not a record: each row is its own
/// <c>@key</c>, so removing phone 1 keeps what is typed in phone 2 with phone 2's inputs.
/// </summary>
public sealed class EntryRow
{
    public string Label { get; set; } = "";
    public string Value { get; set; } = "";
    public bool Primary { get; set; }

    public static EntryRow Blank(EntryKind kind, bool primary) => new() { Label = kind.DefaultLabel, Primary = primary };

    public static EntryRow Of(ContactPhone phone) => new() { Label = phone.Label, Value = phone.Number, Primary = phone.Primary };

    public static EntryRow Of(ContactEmail email) => new() { Label = email.Label, Value = email.Address, Primary = email.Primary };

    public static EntryRow Of(ContactUrl url) => new() { Label = url.Label, Value = url.Url };

    public ContactPhone ToPhone() => new(Label, Value, Primary);

    public ContactEmail ToEmail() => new(Label, Value, Primary);

    public ContactUrl ToUrl() => new(Label, Value);
}

/// <summary>One postal address as the form edits it (see <see cref="EntryRow"/> for why a class).</summary>
public sealed class AddressRow
{
    public string Label { get; set; } = ContactLabels.Home;
    public string Street { get; set; } = "";
    public string City { get; set; } = "";
    public string Region { get; set; } = "";
    public string PostalCode { get; set; } = "";
    public string Country { get; set; } = "";

    public static AddressRow Of(ContactAddress a) =>
        new() { Label = a.Label, Street = a.Street, City = a.City, Region = a.Region, PostalCode = a.PostalCode, Country = a.Country };

    public ContactAddress ToAddress() => new(Label, Street, City, Region, PostalCode, Country);
}
