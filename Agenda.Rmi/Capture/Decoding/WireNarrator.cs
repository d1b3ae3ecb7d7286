using System.Collections;
using Agenda.Rmi.Protocol;
using Agenda.Rmi.Python;
using Agenda.Rmi.Serialization;

namespace Agenda.Rmi.Capture.Decoding;

/// <summary>
/// Puts one conversation's messages into words, as the original study narrated its capture: who says what to whom
/// and what it means. Remembers the object asked for at CONNECT and each INVOKE by seq, so answers name their question.
/// </summary>
internal sealed class WireNarrator(string listener)
{
    private readonly Dictionary<ushort, PyroCall> _pending = [];
    private readonly string _server = listener == "name server" ? "the name server" : "the daemon";
    private string Server => char.ToUpperInvariant(_server[0]) + _server[1..];

    public WireMessageView NotPyro(WireMessageRecord record, PyroHeader? header)
    {
        var looksLike = ForeignProtocol.Guess(record.Bytes) is { } protocol ? $" They look like {protocol}." : "";
        var who = record.Direction == WireDirection.FromClient ? "The client" : Server;
        return new WireMessageView(record, header, [], 0, null, "", null, null, null, null,
            $"{record.Length:N0} bytes, not Pyro",
            $"{who} sent {record.Length:N0} bytes that are not a Pyro4 message (no PYRO header).{looksLike}", "not a Pyro4 message");
    }

    public WireMessageView Explain(Decoded d)
    {
        var seq = d.Header.Sequence;
        var type = WireNames.Type(d.Header.Type);
        var (summary, narration, call, result, error) = d.Note is not null
            ? ($"{type} seq={seq}", $"{Sender(d)} sends a {type} message (seq {seq}) that cannot be read: {d.Note}.", null, null, null)
            : d.Header.Type switch
            {
                PyroMessageType.Connect => Connect(d),
                PyroMessageType.ConnectOk => ConnectOk(d),
                PyroMessageType.ConnectFail => ($"{type} seq={seq}", $"{Server} refuses the connection: {Text(d.Value)}. It closes the connection next.", null, null, null),
                PyroMessageType.Invoke => Invoke(d),
                PyroMessageType.Result => Result(d),
                PyroMessageType.Ping => Ping(d),
                _ => ($"{type} seq={seq}", $"{Sender(d)} sends a message of unknown type {(ushort)d.Header.Type}.", null, null, null),
            };
        return new WireMessageView(d.Record, d.Header, d.Annotations, d.PayloadOffset, d.InflatedLength, d.Serializer,
            d.PayloadText, call, result, error, summary, narration, d.Note);
    }

    private string Sender(Decoded d) => d.Record.Direction == WireDirection.FromClient ? "The client" : Server;

    private (string, string, WireCall?, string?, WireError?) Connect(Decoded d)
    {
        var hello = d.Value as IDictionary;
        var objectId = hello?.Contains("object") == true ? hello["object"] as string : null;
        var summary = $"CONNECT seq={d.Header.Sequence}" + (objectId is null ? "" : " " + objectId);
        return objectId is null
            ? (summary, $"The client greets {_server} (handshake {Text(hello?["handshake"])}) and will fetch metadata later if it needs it.", null, null, null)
            : (summary, $"The client greets {_server} and asks for the object {objectId}, wanting its metadata in the answer.", null, null, null);
    }

    private (string, string, WireCall?, string?, WireError?) ConnectOk(Decoded d)
    {
        var summary = $"CONNECTOK seq={d.Header.Sequence}";
        if (d.Value is IDictionary answer && answer.Contains("meta") && answer["meta"] is IDictionary meta && meta["methods"] is ICollection methods)
            return (summary, $"{Server} accepts and sends the object's metadata: {methods.Count} methods ({Text(meta["methods"])}).", null, null, null);
        return (summary, $"{Server} accepts the connection (handshake {Text(d.Value)}).", null, null, null);
    }

    private (string, string, WireCall?, string?, WireError?) Invoke(Decoded d)
    {
        var c = d.Call!;
        var oneway = d.Header.Flags.HasFlag(PyroFlags.Oneway);
        if (!oneway) _pending[d.Header.Sequence] = c;
        var call = new WireCall(c.ObjectId, c.Method, [.. c.Positional.Select(WireValues.Show)],
            c.Keywords.ToDictionary(k => k.Key as string ?? PyValue.Repr(k.Key), k => WireValues.Show(k.Value)), oneway);
        var arguments = string.Join(", ", call.Args.Concat(call.Kwargs.Select(k => $"{k.Key}={k.Value}")));
        var narration = c.ObjectId == "Pyro.NameServer" && c.Method == "lookup" && c.Positional.Count > 0
            ? $"The client asks the name server where {Text(c.Positional[0])} is."
            : $"The client calls {c.ObjectId}.{c.Method}({arguments}){(oneway ? " as a oneway call: no answer will come" : "")}.";
        return ($"INVOKE seq={d.Header.Sequence} {c.ObjectId}.{c.Method}", narration, call, null, null);
    }

    private (string, string, WireCall?, string?, WireError?) Result(Decoded d)
    {
        var question = _pending.Remove(d.Header.Sequence, out var c) ? c : null;
        var method = question?.Method ?? $"the call with seq {d.Header.Sequence}";
        var summary = $"RESULT seq={d.Header.Sequence}";
        if (d.Header.Flags.HasFlag(PyroFlags.Exception) && d.Value is IDictionary raised)
        {
            var error = Error(raised);
            return (summary, $"{Server} answers {method} with the exception {error.PythonClass}: {error.Message}", null, null, error);
        }
        var value = WireValues.Show(d.Value);
        var narration = question switch
        {
            { ObjectId: "Pyro.NameServer", Method: "lookup" } => $"The name server answers: {Text(question.Positional.FirstOrDefault())} is at {value}.",
            { Method: "inserir" } => $"{Server} answers inserir with the new id {value}.",
            _ => $"{Server} answers {method} with {value}.",
        };
        return (summary, narration, null, value, null);
    }

    private (string, string, WireCall?, string?, WireError?) Ping(Decoded d) =>
        ($"PING seq={d.Header.Sequence}", d.Record.Direction == WireDirection.FromClient
            ? $"The client pings {_server} to check the connection is alive."
            : $"{Server} answers the ping.", null, null, null);

    private static WireError Error(IDictionary raised)
    {
        // args is a tuple (serpent) or a list (json); the first argument is the message.
        var args = raised.Contains("args") && raised["args"] is IEnumerable list and not string ? list.Cast<object?>().ToList() : [];
        var message = args.Count > 0 ? Text(args[0]) : "";
        var traceback = raised.Contains("attributes") && raised["attributes"] is IDictionary attrs && attrs.Contains("_pyroTraceback")
            && attrs["_pyroTraceback"] is IEnumerable lines and not string ? string.Concat(lines.Cast<object?>().Select(l => l?.ToString())) : "";
        return new WireError(raised["__class__"] as string ?? "?", message, traceback);
    }

    // Strings read better bare in a sentence than as Python literals with quotes.
    private static string Text(object? value) => value as string ?? WireValues.Show(value);
}
