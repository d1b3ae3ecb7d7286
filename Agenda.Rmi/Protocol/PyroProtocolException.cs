namespace Agenda.Rmi.Protocol;

/// <summary>
/// The byte stream is not valid Pyro4 (bad tag, version, checksum, size, annotation block or HMAC). The connection's
/// position in the stream can no longer be trusted, so the connection is closed; the message uses Pyro4's own wording.
/// </summary>
public sealed class PyroProtocolException(string message) : Exception(message);
