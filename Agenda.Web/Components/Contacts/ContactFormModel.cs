using Agenda.Core.Contacts;

namespace Agenda.Web.Components.Contacts;

/// <summary>The editable fields of the add/edit form; validation is the store's, not data annotations.</summary>
public sealed class ContactFormModel
{
    public string FirstName { get; set; } = "";
    public string SecondName { get; set; } = "";
    public string PhoneNumber { get; set; } = "";
    public string Email { get; set; } = "";

    public static ContactFormModel From(Contact contact) => new()
    {
        FirstName = contact.FirstName,
        SecondName = contact.SecondName,
        PhoneNumber = contact.PhoneNumber,
        Email = contact.Email,
    };

    public ContactCard ToInput() => ContactCard.Simple(FirstName, SecondName, PhoneNumber, Email);
}
