using Agenda.Rmi.Daemon;
using Agenda.Rmi.Protocol;
using Agenda.Rmi.Python;
using Agenda.Rmi.Serpent;
using static Agenda.Rmi.Daemon.PyParameter;

namespace Agenda.Rmi.Naming;

/// <summary>
/// <c>Pyro.NameServer</c>: Pyro4 4.82's name server object (naming.py) over an <see cref="INameTable"/>, with the same
/// methods, argument rules, results and error texts, so <c>Pyro4.locateNS()</c>, <c>PYRONAME:</c> and <c>nsc</c> work unmodified.
/// </summary>
public sealed class NameServer : IRemoteObject
{
    /// <summary>The object id and registered name of the name server (Pyro's NAMESERVER_NAME).</summary>
    public const string ObjectId = "Pyro.NameServer";

    /// <summary>The tag the name server's own registration carries.</summary>
    public const string ClassTag = "class:Pyro4.naming.NameServer";

    private readonly INameTable _table;
    private readonly NameServerWritePolicy _writes;

    /// <summary>Creates the name server and registers it in <paramref name="table"/> under its own name, as Pyro does at start.</summary>
    /// <param name="writes">Who may register, remove and set metadata; anyone when null.</param>
    public NameServer(INameTable table, PyroUri selfUri, NameServerWritePolicy? writes = null)
    {
        _table = table;
        _writes = writes ?? NameServerWritePolicy.Anyone;
        _table.SetNameServer(new NameRegistration(ObjectId, selfUri.ToString(), new HashSet<string>(StringComparer.Ordinal) { ClassTag }));
        Methods = RemoteTable.Of(
            Read("ping", [], _ => ValueTask.FromResult<object?>(null)),
            Read("count", [], async _ => (long)await _table.CountAsync()),
            Read("lookup", [Required("name"), Optional("return_metadata", false)], Lookup),
            Write("register", [Required("name"), Required("uri"), Optional("safe", false), Optional("metadata")], Register),
            Write("set_metadata", [Required("name"), Required("metadata")], SetMetadata),
            Read("list", [Optional("prefix"), Optional("regex"), Optional("metadata_all"), Optional("metadata_any"),
                Optional("return_metadata", false)], List),
            Write("remove", [Optional("name"), Optional("prefix"), Optional("regex")], Remove));
    }

    public string TypeName => "NameServer";
    public IReadOnlyDictionary<string, RemoteMethod> Methods { get; }
    public IReadOnlyDictionary<string, RemoteAttribute> Attributes => RemoteTable.NoAttributes;

    private static RemoteMethod Read(string name, PyParameter[] parameters, Func<PyArguments, ValueTask<object?>> body) =>
        new(name, parameters, (args, _) => body(args));

    // A write is judged by who calls before the table is touched, so a refused client learns nothing about it.
    private RemoteMethod Write(string name, PyParameter[] parameters, Func<PyArguments, ValueTask<object?>> body) =>
        new(name, parameters, (args, context) =>
        {
            _writes.Demand(name, context);
            return body(args);
        });

    // lookup returns a URI class dict (clients connect to its host/port), or (uri, [tags]) with return_metadata.
    private async ValueTask<object?> Lookup(PyArguments args)
    {
        var name = NameArguments.RequireLookupName(args["name"]);
        var entry = await _table.FindAsync(name) ?? throw PyException.NamingError("unknown name: " + name);
        var uri = PyroUri.Parse(entry.Uri).ToClassDict();
        return PythonTypes.IsTruthy(args["return_metadata"]) ? new PyTuple(uri, TagList(entry.Metadata)) : uri;
    }

    // Pyro checks in this order: uri type and validity, name type, metadata; then `safe` refuses a taken name.
    private async ValueTask<object?> Register(PyArguments args)
    {
        var uri = NameArguments.ToUriString(args["uri"]);
        var name = NameArguments.RequireName(args["name"]);
        var metadata = NameArguments.ToTags(args["metadata"], "metadata");
        if (!await _table.SetAsync(new NameRegistration(name, uri, metadata), onlyIfNew: PythonTypes.IsTruthy(args["safe"])))
            throw PyException.NamingError("name already registered: " + name);
        return null;
    }

    private async ValueTask<object?> SetMetadata(PyArguments args)
    {
        var name = NameArguments.RequireName(args["name"]);
        var metadata = NameArguments.ToTags(args["metadata"], "metadata");
        return await _table.SetMetadataAsync(name, metadata) ? null : throw PyException.NamingError("unknown name: " + name);
    }

    // Values are URI *strings* here (unlike lookup), or (uri, [tags]) tuples with return_metadata.
    private async ValueTask<object?> List(PyArguments args)
    {
        var (query, regex) = ListQuery(args);
        var withMetadata = PythonTypes.IsTruthy(args["return_metadata"]);
        var result = new Dictionary<object, object?>();
        foreach (var entry in await _table.ListAsync(query))
            if (regex is null || regex(entry.Name))
                result[entry.Name] = withMetadata ? new PyTuple(entry.Uri, TagList(entry.Metadata)) : entry.Uri;
        return result;
    }

    // Several filters that are not None is an error; otherwise the first *truthy* one applies, so prefix='' lists all.
    // The table answers all but the regex, which is Python's and so matched here.
    private static (NameQuery Query, Func<string, bool>? Regex) ListQuery(PyArguments args)
    {
        string[] filters = ["prefix", "regex", "metadata_all", "metadata_any"];
        if (filters.Count(f => args[f] is not null) > 1)
            throw PyException.ValueError("you can only filter on one thing at a time");
        if (PythonTypes.IsTruthy(args["prefix"]))
            return (new NameQuery.Prefixes(NameArguments.Prefixes(args["prefix"])), null);
        if (PythonTypes.IsTruthy(args["regex"]))
            return (NameQuery.All, PythonRegex.Compile(args["regex"]));
        if (PythonTypes.IsTruthy(args["metadata_all"]))
            return (new NameQuery.MetadataAll(NameArguments.ToTags(args["metadata_all"], "metadata_all")), null);
        if (PythonTypes.IsTruthy(args["metadata_any"]))
            return (new NameQuery.MetadataAny(NameArguments.ToTags(args["metadata_any"], "metadata_any")), null);
        return (NameQuery.All, null);
    }

    // A name wins over prefix, prefix over regex; the name server's own entry is never removed.
    private async ValueTask<object?> Remove(PyArguments args)
    {
        var name = args["name"];
        if (PythonTypes.IsTruthy(name) && NameArguments.RejectUnhashable(name) is string key && key != ObjectId
            && await _table.RemoveAsync([key]) == 1)
            return 1L;
        var (query, regex) =
            PythonTypes.IsTruthy(args["prefix"]) ? (new NameQuery.Prefixes(NameArguments.Prefixes(args["prefix"])), null)
            : PythonTypes.IsTruthy(args["regex"]) ? (NameQuery.All, PythonRegex.Compile(args["regex"]))
            : ((NameQuery?)null, (Func<string, bool>?)null);
        if (query is null) return 0L;
        var doomed = (await _table.ListAsync(query)).Select(e => e.Name)
            .Where(n => n != ObjectId && (regex is null || regex(n))).ToList();
        return (long)await _table.RemoveAsync(doomed);
    }

    private static List<object?> TagList(IReadOnlySet<string> tags) => [.. tags];
}
