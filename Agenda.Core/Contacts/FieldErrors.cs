namespace Agenda.Core.Contacts;

/// <summary>
/// Validation messages by field path, in the store's spelling: <c>FirstName</c>, <c>Phones[1].Number</c>. Each door
/// respells the path in its own terms (<c>phones[1].number</c> for REST and Python).
/// </summary>
internal sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = [];

    public int Count => _errors.Count;

    public void Add(string field, string message) =>
        (_errors.TryGetValue(field, out var list) ? list : _errors[field] = []).Add(message);

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
}
