namespace Agenda.Core.Storage;

/// <summary>
/// The database cannot be used as configured: an unknown provider, a connection string that does not parse, a server
/// that does not answer. The message is one sentence for the operator, naming the setting to change (and the host and
/// port, never a password), so a host prints it instead of a stack trace.
/// </summary>
public sealed class StorageStartupException(string message, Exception? inner = null) : InvalidOperationException(message, inner);
