using System.Collections;
using System.Globalization;
using Agenda.Core.Contacts;
using Agenda.Rmi.Python;

namespace Agenda.Rmi.AgendaObjects;

/// <summary>
/// A contact as a Python dict, both ways: what a client sends and what the object answers. The two agenda objects
/// spell the fields differently (<c>FirstName</c> for the original agenda, <c>first_name</c> for agenda.contacts), and
/// only the original's dicts carry a <c>__class__</c>, only agenda.contacts answers with version and timestamps.
/// Wrong types and unknown keys are the caller's mistake and raise TypeError naming the field; nothing is guessed.
/// </summary>
internal sealed class ContactDicts
{
    public const string IdKey = "id";
    public const string ClassKey = "__class__";
    private const string VersionKey = "version", CreatedAtKey = "created_at", UpdatedAtKey = "updated_at";

    /// <summary>KLEIN_ROCHA's <c>objeto_agenda.Objeto</c> class dicts, which carry their id (and may carry the class) when sent.</summary>
    public static readonly ContactDicts Original = new(
        "FirstName", "SecondName", "PhoneNumber", "Email", className: OriginalAgendaObject.ContactClass, withVersion: false);

    /// <summary>agenda.contacts' plain dicts: callers send only the four fields and get id, version and UTC timestamps back.</summary>
    public static readonly ContactDicts Snake = new(
        "first_name", "second_name", "phone_number", "email", className: null, withVersion: true);

    private readonly string _firstName, _secondName, _phoneNumber, _email;
    private readonly string? _className;
    private readonly bool _withVersion;
    private readonly HashSet<string> _accepted;

    private ContactDicts(string firstName, string secondName, string phoneNumber, string email, string? className, bool withVersion)
    {
        (_firstName, _secondName, _phoneNumber, _email) = (firstName, secondName, phoneNumber, email);
        (_className, _withVersion) = (className, withVersion);
        _accepted = className is null ? [firstName, secondName, phoneNumber, email] : [firstName, secondName, phoneNumber, email, IdKey, ClassKey];
    }

    /// <summary>Maps the store's field names (validation messages) to this spelling.</summary>
    public string FieldName(string storeField) => ContactFieldPath.ToOriginalField(storeField) switch
    {
        nameof(ContactCard.FirstName) => _firstName,
        nameof(ContactCard.SecondName) => _secondName,
        nameof(ContactCard.PhoneNumber) => _phoneNumber,
        nameof(ContactCard.Email) => _email,
        _ => storeField,
    };

    public Dictionary<string, object?> ToDict(Contact contact)
    {
        var dict = new Dictionary<string, object?>();
        if (_className is not null) dict[ClassKey] = _className;
        dict[IdKey] = contact.Id;
        dict[_firstName] = contact.FirstName;
        dict[_secondName] = contact.SecondName;
        dict[_phoneNumber] = contact.PhoneNumber;
        dict[_email] = contact.Email;
        if (_withVersion)
        {
            dict[VersionKey] = contact.Version;
            dict[CreatedAtKey] = IsoUtc(contact.CreatedAt);
            dict[UpdatedAtKey] = IsoUtc(contact.UpdatedAt);
        }
        return dict;
    }

    /// <summary>A whole contact (add, inserir, atualizar): an absent field or None is empty.</summary>
    public ContactCard ReadInput(object? value, string parameter)
    {
        var given = Read(value, parameter);
        return ContactCard.Simple(given.GetValueOrDefault(_firstName), given.GetValueOrDefault(_secondName),
            given.GetValueOrDefault(_phoneNumber), given.GetValueOrDefault(_email));
    }

    /// <summary>A change (update): an absent field keeps its value, None clears it.</summary>
    public ContactPatch ReadPatch(object? value, string parameter)
    {
        var given = Read(value, parameter);
        string? Change(string key) => given.TryGetValue(key, out var field) ? field ?? "" : null;
        return new(Change(_firstName), Change(_secondName), Change(_phoneNumber), Change(_email));
    }

    /// <summary>The fields present in <paramref name="value"/> by key, each a str or None.</summary>
    private Dictionary<string, string?> Read(object? value, string parameter)
    {
        if (value is not IDictionary dict)
            throw PyException.TypeError($"{parameter} must be a dict with {_firstName}, {_secondName}, {_phoneNumber} and {_email}, not {PythonTypes.NameOf(value)}");
        var given = new Dictionary<string, string?>();
        foreach (var key in (string[])[_firstName, _secondName, _phoneNumber, _email])
        {
            if (!dict.Contains(key)) continue;
            given[key] = dict[key] switch
            {
                null => null,
                string s => s,
                var other => throw PyException.TypeError($"{key} must be a str, not {PythonTypes.NameOf(other)}"),
            };
        }
        var unknown = dict.Keys.Cast<object>().Where(k => k is not string s || !_accepted.Contains(s)).Select(k => $"'{k}'").ToList();
        if (unknown.Count > 0)
            throw PyException.TypeError($"{parameter} has unexpected field{(unknown.Count == 1 ? "" : "s")} {string.Join(", ", unknown)}; expected {_firstName}, {_secondName}, {_phoneNumber}, {_email}");
        if (_className is not null && dict.Contains(ClassKey) && !Equals(dict[ClassKey], _className))
            throw PyException.TypeError($"{parameter} must be an {_className}, not {dict[ClassKey]}");
        return given;
    }

    private static string IsoUtc(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture);
}
