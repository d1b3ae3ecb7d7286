namespace Agenda.Web.Components.Naming;

/// <summary>
/// How a Pyro client reaches this process, read from the <c>Rmi</c> section with the same defaults the Pyro wiring
/// uses. Kept to the few keys the name server page shows; the full options class belongs to the Pyro wiring.
/// </summary>
public sealed record PyroConnectionInfo(string Host, string AdvertisedHost, int NameServerPort, int BroadcastPort, int DaemonPort)
{
    public static PyroConnectionInfo From(IConfiguration configuration)
    {
        var rmi = configuration.GetSection("Rmi");
        var host = rmi["Host"] is { Length: > 0 } h ? h : "127.0.0.1";
        return new(
            host,
            rmi["AdvertisedHost"] is { Length: > 0 } advertised ? advertised : host,
            rmi.GetValue("NameServerPort", 9090),
            rmi.GetValue("BroadcastPort", 9091),
            rmi.GetValue("DaemonPort", 9095));
    }

    /// <summary>A Python Pyro4 program that lists the agenda through this name server.</summary>
    public string PythonSnippet => $"""
        import Pyro4
        from Pyro4.util import SerializerBase

        # KLEIN_ROCHA sends contacts as the original agenda's class; read them as plain dicts.
        SerializerBase.register_dict_to_class("objeto_agenda.Objeto", lambda classname, d: d)

        ns = Pyro4.locateNS(host="{AdvertisedHost}", port={NameServerPort})
        print(ns.list())

        agenda = Pyro4.Proxy("PYRONAME:KLEIN_ROCHA@{AdvertisedHost}:{NameServerPort}")
        for contato in agenda.listar_todos():
            print(contato["id"], contato["FirstName"], contato["SecondName"], contato["PhoneNumber"], contato["Email"])
        """;
}
