using Agenda.Rmi.Hosting;

namespace Agenda.Web.Components.Naming;

/// <summary>
/// How a Pyro client reaches this process: the few <see cref="RmiOptions"/> the name server page shows.
/// </summary>
public sealed record PyroConnectionInfo(string Host, string AdvertisedHost, int NameServerPort, int BroadcastPort, int DaemonPort)
{
    /// <summary>From the same options the Pyro listeners use, so the page can never disagree with them.</summary>
    public static PyroConnectionInfo From(RmiOptions rmi) => new(
        rmi.Host, RmiHostingExtensions.AdvertisedHost(rmi), rmi.NameServerPort, rmi.BroadcastPort, rmi.DaemonPort);

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
