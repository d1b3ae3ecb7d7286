using Agenda.Rmi.Daemon;
using Agenda.Rmi.Protocol;
using Agenda.Rmi.Python;
using Agenda.Rmi.Serpent;
using static Agenda.Rmi.Daemon.PyParameter;

namespace Agenda.Rmi.Naming;

/// <summary>
/// <c>Pyro.NameServer</c>: Pyro4 4.82's name server object (naming.py) over a <see cref="NameTable"/>, with the same
/// methods, argument rules, results and error texts, so <c>Pyro4.locateNS()</c>, <c>PYRONAME:</c> and <c>nsc</c> work unmodified.
/// </summary>
public sealed class NameServer : IRemoteObject
{
    /// <summary>The object id and registered name of the name server (Pyro's NAMESERVER_NAME).</summary>
    public const string ObjectId = "Pyro.NameServer";

    /// <summary>The tag the name server's own registration carries.</summary>
    public const string ClassTag = "class:Pyro4.naming.NameServer";

    private readonly NameTable _table;
    private readonly NameServerWritePolicy _writes;

    /// <summary>Creates the name server and registers it in <paramref name="table"/> under its own name, as Pyro does at start.</summary>
    /// <param name="writes">Who may register, remove and set metadata; anyone when null.</param>
    public NameServer(NameTable table, PyroUri selfUri, NameServerWritePolicy? writes = null)
    {
        _table = table;
        _writes = writes ?? NameServerWritePolicy.Anyone;
        _table.Set(new NameRegistration(ObjectId, selfUri.ToString(), new HashSet<string>(StringComparer.Ordinal) { ClassTag }));
        Methods = RemoteTable.Of(
            Sync("ping", [], _ => null),
            Sync("count", [], _ => (long)_table.Count),
            Sync("lookup", [Required("name"), Optional("return_metadata", false)], Lookup),
            Write("register", [Required("name"), Required("uri"), Optional("safe", false), Optional("metadata")], Register),
            Write("set_metadata", [Required("name"), Required("metadata")], SetMetadata),
            Sync("list", [Optional("prefix"), Optional("regex"), Optional("metadata_all"), Optional("metadata_any"),
                Optional("return_metadata", false)], List),
            Write("remove", [Optional("name"), Optional("prefix"), Optional("regex")], Remove));
    }

    public string TypeName => "NameServer";
    public IReadOnlyDictionary<string, RemoteMethod> Methods { get; }
    public IReadOnlyDictionary<string, RemoteAttribute> Attributes => RemoteTable.NoAttributes;

    private static RemoteMethod Sync(string name, PyParameter[] parameters, Func<PyArguments, object?> body) =>
        new(name, parameters, (args, _) => ValueTask.FromResult(body(args)));

    // A write is judged by who calls before the table is touched, so a refused client learns nothing about it.
    private RemoteMethod Write(string name, PyParameter[] parameters, Func<PyArguments, object?> body) =>
        new(name, parameters, (args, context) =>
        {
            _writes.Demand(name, context);
            return ValueTask.FromResult(body(args));
        });

    // lookup returns a URI class dict (clients connect to its host/port), or (uri, [tags]) with return_metadata.
    private object? Lookup(PyArguments args)
    {
        var name = NameArguments.RequireLookupName(args["name"]);
        var entry = _table.Find(name) ?? throw PyException.NamingError("unknown name: " + name);
        var uri = PyroUri.Parse(entry.Uri).ToClassDict();
        return PythonTypes.IsTruthy(args["return_metadata"]) ? new PyTuple(uri, TagList(entry.Metadata)) : uri;
    }

    // Pyro checks in this order: uri type and validity, name type, metadata; then `safe` refuses a taken name.
    private object? Register(PyArguments args)
    {
        var uri = NameArguments.ToUriString(args["uri"]);
        var name = NameArguments.RequireName(args["name"]);
        var metadata = NameArguments.ToTags(args["metadata"], "metadata");
        if (!_table.Set(new NameRegistration(name, uri, metadata), onlyIfNew: PythonTypes.IsTruthy(args["safe"])))
            throw PyException.NamingError("name already registered: " + name);
        return null;
    }

    private object? SetMetadata(PyArguments args)
    {
        var name = NameArguments.RequireName(args["name"]);
        var metadata = NameArguments.ToTags(args["metadata"], "metadata");
        return _table.SetMetadata(name, metadata) ? null : throw PyException.NamingError("unknown name: " + name);
    }

    // Values are URI *strings* here (unlike lookup), or (uri, [tags]) tuples with return_metadata.
    private object? List(PyArguments args)
    {
        var filter = ListFilter(args);
        var withMetadata = PythonTypes.IsTruthy(args["return_metadata"]);
        var result = new Dictionary<object, object?>();
        foreach (var entry in _table.Snapshot().Where(filter))
            result[entry.Name] = withMetadata ? new PyTuple(entry.Uri, TagList(entry.Metadata)) : entry.Uri;
        return result;
    }

    // Several filters that are not None is an error; otherwise the first *truthy* one applies, so prefix='' lists all.
    private static Func<NameRegistration, bool> ListFilter(PyArguments args)
    {
        string[] filters = ["prefix", "regex", "metadata_all", "metadata_any"];
        if (filters.Count(f => args[f] is not null) > 1)
            throw PyException.ValueError("you can only filter on one thing at a time");
        if (PythonTypes.IsTruthy(args["prefix"]))
        {
            var matches = NameArguments.PrefixFilter(args["prefix"]);
            return e => matches(e.Name);
        }
        if (PythonTypes.IsTruthy(args["regex"]))
        {
            var matches = PythonRegex.Compile(args["regex"]);
            return e => matches(e.Name);
        }
        if (PythonTypes.IsTruthy(args["metadata_all"]))
        {
            var wanted = NameArguments.ToTags(args["metadata_all"], "metadata_all");
            return e => wanted.IsSubsetOf(e.Metadata);
        }
        if (PythonTypes.IsTruthy(args["metadata_any"]))
        {
            var wanted = NameArguments.ToTags(args["metadata_any"], "metadata_any");
            return e => wanted.Overlaps(e.Metadata);
        }
        return _ => true;
    }

    // A name wins over prefix, prefix over regex; the name server's own entry is never removed.
    private object? Remove(PyArguments args)
    {
        var name = args["name"];
        if (PythonTypes.IsTruthy(name) && NameArguments.RejectUnhashable(name) is string key && key != ObjectId
            && _table.Remove([key]) == 1)
            return 1L;
        Func<string, bool>? matches =
            PythonTypes.IsTruthy(args["prefix"]) ? NameArguments.PrefixFilter(args["prefix"])
            : PythonTypes.IsTruthy(args["regex"]) ? PythonRegex.Compile(args["regex"])
            : null;
        if (matches is null) return 0L;
        var doomed = _table.Snapshot().Select(e => e.Name).Where(n => n != ObjectId && matches(n)).ToList();
        _table.Remove(doomed);
        return (long)doomed.Count;
    }

    private static List<object?> TagList(IReadOnlySet<string> tags) => [.. tags];
}
