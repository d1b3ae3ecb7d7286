namespace Agenda.Rmi.Capture;

/// <summary>Which way a message crossed the socket.</summary>
public enum WireDirection { FromClient, ToClient }

/// <summary>Which side ended a connection.</summary>
public enum WireCloser { Client, Server }
