using System.Collections;
using Agenda.Core.Contacts;
using Agenda.Rmi.Python;

namespace Agenda.Rmi.AgendaObjects;

/// <summary>
/// Reads a contact out of the dict a Python client sent. The two agenda objects spell the fields differently
/// (<c>FirstName</c> for the original agenda, <c>first_name</c> for agenda.contacts), so the spelling is a parameter.
/// Wrong types and unknown keys are the caller's mistake and raise TypeError naming the field; nothing is guessed.
/// </summary>
internal sealed class ContactDicts(string firstName, string secondName, string phoneNumber, string email, params string[] otherKeys)
{
    public static readonly ContactDicts Original = new("FirstName", "SecondName", "PhoneNumber", "Email", "id", "__class__");
    public static readonly ContactDicts Snake = new("first_name", "second_name", "phone_number", "email");

    /// <summary>Maps the store's field names (validation messages) to this spelling.</summary>
    public string FieldName(string storeField) => storeField switch
    {
        nameof(ContactInput.FirstName) => firstName,
        nameof(ContactInput.SecondName) => secondName,
        nameof(ContactInput.PhoneNumber) => phoneNumber,
        nameof(ContactInput.Email) => email,
        _ => storeField,
    };

    /// <summary>The fields present in <paramref name="value"/>, each a str or None; absent fields stay null in <c>Present</c>.</summary>
    public (ContactInput Fields, HashSet<string> Present) Read(object? value, string parameter)
    {
        if (value is not IDictionary dict)
            throw PyException.TypeError($"{parameter} must be a dict with {firstName}, {secondName}, {phoneNumber} and {email}, not {PythonTypes.NameOf(value)}");
        var present = new HashSet<string>();
        string? Field(string key)
        {
            if (!dict.Contains(key)) return null;
            present.Add(key);
            return dict[key] switch
            {
                null => null,
                string s => s,
                var other => throw PyException.TypeError($"{key} must be a str, not {PythonTypes.NameOf(other)}"),
            };
        }
        var fields = new ContactInput(Field(firstName), Field(secondName), Field(phoneNumber), Field(email));
        var known = new HashSet<string>([firstName, secondName, phoneNumber, email, .. otherKeys]);
        var unknown = dict.Keys.Cast<object>().Where(k => k is not string s || !known.Contains(s)).Select(k => $"'{k}'").ToList();
        if (unknown.Count > 0)
            throw PyException.TypeError($"{parameter} has unexpected field{(unknown.Count == 1 ? "" : "s")} {string.Join(", ", unknown)}; expected {firstName}, {secondName}, {phoneNumber}, {email}");
        return (fields, present);
    }
}
