using Agenda.Core.Contacts;
using Agenda.Rmi.Daemon;
using Agenda.Rmi.Python;

namespace Agenda.Rmi.AgendaObjects;

/// <summary>
/// Runs a store call and turns the store's typed errors into the Python exceptions a Pyro client expects:
/// unknown id → KeyError, invalid fields → ValueError naming each field in the object's own spelling of the store's paths,
/// stale version → ValueError.
/// </summary>
internal static class StoreCalls
{
    /// <summary>A remote method whose body calls the store, with the store's errors raised as Python exceptions.</summary>
    public static RemoteMethod Method(Func<string, string> fieldName, string name, IReadOnlyList<PyParameter> parameters,
        Func<PyArguments, RemoteCallContext, Task<object?>> body) =>
        new(name, parameters, (a, c) => Run(fieldName, body, a, c));

    /// <summary>
    /// A Pyro write names its client by address and port (<c>192.0.2.7:51234</c>): Pyro4 carries no user, and the
    /// port tells two programs on one machine apart.
    /// </summary>
    public static WriteOrigin Origin(this RemoteCallContext context) => new(Door.Rmi, context.Peer switch
    {
        System.Net.IPEndPoint ip => new System.Net.IPEndPoint(AllowedClients.Plain(ip.Address), ip.Port).ToString(),
        var other => other?.ToString(),
    });

    // The body and its arguments are passed apart, so a call allocates no closure.
    private static async ValueTask<object?> Run(Func<string, string> fieldName,
        Func<PyArguments, RemoteCallContext, Task<object?>> body, PyArguments a, RemoteCallContext c)
    {
        try
        {
            return await body(a, c);
        }
        catch (ContactNotFoundException e)
        {
            throw PyException.KeyError($"no contact with id {e.Id}");
        }
        catch (ContactValidationException e)
        {
            throw Invalid(e, fieldName);
        }
        catch (ContactVersionConflictException e)
        {
            throw PyException.ValueError(
                $"contact {e.Id} was changed meanwhile: it has version {e.ActualVersion}, not the expected {e.ExpectedVersion}; nothing was changed");
        }
    }

    /// <summary>The ValueError for invalid fields: <c>invalid contact: phones[1].number: Phone number must ...; first_name: ...</c>.</summary>
    public static PyException Invalid(ContactValidationException e, Func<string, string> fieldName) =>
        PyException.ValueError("invalid contact: " + string.Join("; ", e.Errors
            .GroupBy(f => fieldName(f.Key), f => f.Value)
            .Select(f => $"{f.Key}: {string.Join(" ", f.SelectMany(m => m))}")));
}
