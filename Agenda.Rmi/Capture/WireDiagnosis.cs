using System.Net;

namespace Agenda.Rmi.Capture;

/// <summary>
/// A refusal or protocol error with a one-line diagnosis a user can act on ("client sent pickle (4); set
/// PYRO_SERIALIZER=serpent or json"). <see cref="Problem"/> is a short stable name for filtering and tests.
/// </summary>
public sealed record WireDiagnosis(
    DateTimeOffset Time, long ConversationId, string Listener, IPEndPoint Client, string Problem, string Text);
