namespace Agenda.Core.Contacts;

/// <summary>Base of the errors the store raises for caller mistakes; front doors translate these, never raw database errors.</summary>
public abstract class ContactStoreException(string message) : Exception(message);

public sealed class ContactNotFoundException(long id)
    : ContactStoreException($"contact {id} not found")
{
    public long Id { get; } = id;
}

public sealed class ContactValidationException(IReadOnlyDictionary<string, string[]> errors)
    : ContactStoreException("invalid contact: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")))
{
    /// <summary>Field name (as in <see cref="ContactCard"/>) → messages.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}

public sealed class ContactVersionConflictException(long id, long expected, long actual)
    : ContactStoreException($"contact {id} has version {actual}, not the expected {expected}")
{
    public long Id { get; } = id;
    public long ExpectedVersion { get; } = expected;
    public long ActualVersion { get; } = actual;
}
