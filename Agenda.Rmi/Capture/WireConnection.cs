using System.Net;

namespace Agenda.Rmi.Capture;

/// <summary>What is known of a connection when it opens: enough to start its conversation whenever recording begins.</summary>
public sealed record WireConnection(long Id, string Listener, IPEndPoint Client, IPEndPoint Server, DateTimeOffset OpenedAt);
