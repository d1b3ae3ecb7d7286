using System.Collections;
using Agenda.Core.Contacts;
using Agenda.Rmi.Python;

namespace Agenda.Rmi.AgendaObjects;

/// <summary>
/// KLEIN_ROCHA's contacts: <c>objeto_agenda.Objeto</c> class dicts with exactly the original agenda's five keys
/// (<c>id</c>, <c>FirstName</c>, <c>SecondName</c>, <c>PhoneNumber</c>, <c>Email</c>) and <c>__class__</c>, whatever else the
/// card holds. Clients send them with their id (and may leave out the class); plain dicts are accepted too. Wrong types
/// and unknown keys are the caller's mistake and raise TypeError naming the field; nothing is guessed.
/// </summary>
internal static class ObjetoDicts
{
    public const string IdKey = "id", ClassKey = "__class__";
    private const string FirstName = "FirstName", SecondName = "SecondName", PhoneNumber = "PhoneNumber", Email = "Email";
    private static readonly string[] Fields = [FirstName, SecondName, PhoneNumber, Email];
    private static readonly HashSet<string> Accepted = [.. Fields, IdKey, ClassKey];

    /// <summary>A store path in the original's terms: a phone's number is <c>PhoneNumber</c>, an email's address <c>Email</c>.</summary>
    public static string FieldName(string storePath) => ContactFieldPath.ToOriginalField(storePath);

    public static Dictionary<string, object?> ToDict(Contact contact) =>
        ToDict(new ContactSummary(contact.Id, contact.FirstName, contact.SecondName, contact.PhoneNumber, contact.Email));

    public static Dictionary<string, object?> ToDict(ContactSummary contact) => new(6)
    {
        [ClassKey] = OriginalAgendaObject.ContactClass, [IdKey] = contact.Id,
        [FirstName] = contact.FirstName, [SecondName] = contact.SecondName, [PhoneNumber] = contact.PhoneNumber, [Email] = contact.Email,
    };

    /// <summary>inserir: the original agenda's contact, one phone and one email at most; an absent field or None is empty.</summary>
    public static ContactCard ReadNew(object? value, string parameter)
    {
        var given = Read(value, parameter);
        return ContactCard.Simple(given[FirstName], given[SecondName], given[PhoneNumber], given[Email]);
    }

    /// <summary>
    /// atualizar: the five fields replaced (an absent field or None is empty, as the original agenda stored it), applied to
    /// the stored card so its other phones, addresses, groups and the rest stay as they are.
    /// </summary>
    public static ContactPatch ReadChange(object? value, string parameter)
    {
        var given = Read(value, parameter);
        return new(given[FirstName] ?? "", given[SecondName] ?? "", given[PhoneNumber] ?? "", given[Email] ?? "");
    }

    /// <summary>The four fields by key, each a str or None (absent reads as None).</summary>
    private static Dictionary<string, string?> Read(object? value, string parameter)
    {
        if (value is not IDictionary dict)
            throw PyException.TypeError($"{parameter} must be a dict with {string.Join(", ", Fields)}, not {PythonTypes.NameOf(value)}");
        var unknown = dict.Keys.Cast<object>().Where(k => k is not string s || !Accepted.Contains(s)).Select(k => $"'{k}'").ToList();
        if (unknown.Count > 0)
            throw PyException.TypeError($"{parameter} has unexpected field{(unknown.Count == 1 ? "" : "s")} {string.Join(", ", unknown)}; expected {string.Join(", ", Fields)}");
        if (dict.Contains(ClassKey) && !Equals(dict[ClassKey], OriginalAgendaObject.ContactClass))
            throw PyException.TypeError($"{parameter} must be an {OriginalAgendaObject.ContactClass}, not {dict[ClassKey]}");
        return Fields.ToDictionary(key => key, key => dict.Contains(key) ? dict[key] switch
        {
            null => null,
            string s => s,
            var other => throw PyException.TypeError($"{key} must be a str, not {PythonTypes.NameOf(other)}"),
        } : null);
    }
}
