namespace Agenda.Core.Naming;

/// <summary>The database behind the shared name server did not answer; the message says what was being done.</summary>
public sealed class SharedNamesUnavailableException(string message, Exception inner) : Exception(message, inner);
