using System.Collections;
using Agenda.Core.Contacts;
using Agenda.Rmi.Python;

namespace Agenda.Rmi.AgendaObjects;

/// <summary>
/// A dict sent to agenda.contacts' add or update, read: the changes its keys make to a card (<see cref="SnakeFields"/>),
/// and the keys it used, so the store's validation errors come back under the names the caller sent.
/// </summary>
internal sealed class SnakeInput
{
    private static readonly string Expected = string.Join(", ", SnakeFields.Writable.Keys);

    private readonly IReadOnlyList<Func<ContactCard, ContactCard>> _changes;
    private readonly bool _setsPhoneNumber, _setsEmail;

    private SnakeInput(IReadOnlyList<Func<ContactCard, ContactCard>> changes, bool setsPhoneNumber, bool setsEmail) =>
        (_changes, _setsPhoneNumber, _setsEmail) = (changes, setsPhoneNumber, setsEmail);

    /// <summary>Reads <paramref name="value"/>, the argument named <paramref name="parameter"/>; raises TypeError or ValueError.</summary>
    public static SnakeInput Read(object? value, string parameter)
    {
        if (value is not IDictionary dict) throw SnakeValues.WrongType(parameter, "a dict", value);
        var changes = new List<Func<ContactCard, ContactCard>>();
        foreach (DictionaryEntry field in dict)
        {
            if (field.Key is string name && SnakeFields.Writable.TryGetValue(name, out var read)) changes.Add(read(field.Value));
            else if (field.Key is string known && SnakeFields.ReadOnly.Contains(known))
                throw PyException.TypeError($"{parameter}['{known}'] is read-only; the fields a contact takes are {Expected}");
            else throw PyException.TypeError($"{parameter} has unexpected field '{field.Key}'; expected {Expected}");
        }
        foreach (var (single, list) in new[] { (SnakeFields.PhoneNumber, SnakeFields.Phones), (SnakeFields.Email, SnakeFields.Emails) })
            if (dict.Contains(single) && dict.Contains(list))
                throw PyException.TypeError($"{parameter} has both {single} and {list}; {single} is the primary entry of {list}, so send one of them");
        return new SnakeInput(changes, dict.Contains(SnakeFields.PhoneNumber), dict.Contains(SnakeFields.Email));
    }

    /// <summary>add: the card the dict describes, where an absent key is empty.</summary>
    public ContactCard NewCard() => Apply(new ContactCard());

    /// <summary>update: a present key replaces the stored value, None clears it, absent keeps it; a list is replaced whole.</summary>
    public ContactPatch Patch() => new() { Edit = Apply };

    /// <summary>Runs a write of this input, raising the store's validation errors as a ValueError in this input's names.</summary>
    public async Task<Contact> WriteAsync(Func<Task<Contact>> write)
    {
        try { return await write(); }
        catch (ContactValidationException e) { throw StoreCalls.Invalid(e, FieldName); }
    }

    /// <summary>
    /// A store path as the caller spells it: <c>Phones[1].Number</c> is <c>phones[1].number</c>, but a caller that set the
    /// primary phone with <c>phone_number</c> reads its number's errors under <c>phone_number</c> (and likewise <c>email</c>).
    /// </summary>
    private string FieldName(string storePath) => storePath switch
    {
        _ when _setsPhoneNumber && IsEntryField(storePath, nameof(ContactCard.Phones), nameof(ContactPhone.Number)) => SnakeFields.PhoneNumber,
        _ when _setsEmail && IsEntryField(storePath, nameof(ContactCard.Emails), nameof(ContactEmail.Address)) => SnakeFields.Email,
        _ => SnakeDicts.FieldName(storePath),
    };

    private ContactCard Apply(ContactCard card) => _changes.Aggregate(card, (changed, change) => change(changed));

    private static bool IsEntryField(string path, string list, string field) =>
        path.StartsWith(list + "[", StringComparison.Ordinal) && path.EndsWith("]." + field, StringComparison.Ordinal);
}
