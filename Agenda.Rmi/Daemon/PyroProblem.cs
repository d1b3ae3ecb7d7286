namespace Agenda.Rmi.Daemon;

/// <summary>What went wrong on a connection, for the connection doctor (<see cref="PyroDoctor"/>) and the wire capture.</summary>
public enum PyroProblem
{
    /// <summary>The bytes do not start with the PYRO tag: another protocol, or a scanner.</summary>
    NotPyro,
    ProtocolVersion,
    Checksum,
    TooLarge,
    BadCompression,
    /// <summary>Half a message, then silence past the partial-message timeout.</summary>
    Stalled,
    /// <summary>The client closed the connection in the middle of a message.</summary>
    Truncated,
    MessageType,
    Serializer,
    Hmac,
    TooManyConnections,
    /// <summary>The client's address is not in <c>Rmi:AllowedClients</c>.</summary>
    ClientNotAllowed,
    Handshake,
    UnknownObject,
    UnknownMethod,
    WrongArguments,
}
