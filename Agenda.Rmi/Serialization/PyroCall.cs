using System.Collections;
using Agenda.Rmi.Python;

namespace Agenda.Rmi.Serialization;

/// <summary>An INVOKE's content: target object id, method name, positional arguments and keyword arguments.</summary>
public sealed record PyroCall(string ObjectId, string Method, IReadOnlyList<object?> Positional, IReadOnlyDictionary<object, object?> Keywords)
{
    public static readonly IReadOnlyDictionary<object, object?> NoKeywords = new Dictionary<object, object?>();

    /// <summary>
    /// Builds a call from the decoded pieces. vargs may be a tuple or a list (internally generated calls use lists);
    /// kwargs may be None (<c>__getattr__</c>, <c>&lt;batch&gt;</c>). Anything else is a TypeError for the caller.
    /// </summary>
    public static PyroCall From(object? objectId, object? method, object? vargs, object? kwargs) => new(
        objectId as string ?? throw PyException.TypeError("invalid call: object id must be a str"),
        method as string ?? throw PyException.TypeError("invalid call: method name must be a str"),
        vargs switch
        {
            null => [],
            IReadOnlyList<object?> list => list,
            IList list => list.Cast<object?>().ToList(),
            _ => throw PyException.TypeError("invalid call: vargs must be a tuple or list"),
        },
        kwargs switch
        {
            null => NoKeywords,
            IReadOnlyDictionary<object, object?> dict => dict,
            IDictionary dict => dict.Keys.Cast<object>().ToDictionary(k => k, k => dict[k]),
            _ => throw PyException.TypeError("invalid call: kwargs must be a dict"),
        });
}
