using System.Collections;

namespace Agenda.Rmi.Python;

/// <summary>
/// A Python tuple. Serpent (and Pyro) distinguish tuples from lists, so they get their own type;
/// equality and hashing are structural so tuples can be dict keys and set members, as in Python.
/// </summary>
public sealed class PyTuple(params object?[] items) : IReadOnlyList<object?>, IEquatable<PyTuple>
{
    public static readonly PyTuple Empty = new();

    private readonly object?[] _items = items;

    public int Count => _items.Length;
    public object? this[int index] => _items[index];

    public IEnumerator<object?> GetEnumerator() => ((IEnumerable<object?>)_items).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    public bool Equals(PyTuple? other) =>
        other is not null && _items.Length == other._items.Length &&
        _items.Zip(other._items).All(p => PyValue.AreEqual(p.First, p.Second));

    public override bool Equals(object? obj) => Equals(obj as PyTuple);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items) hash.Add(PyValue.HashOf(item));
        return hash.ToHashCode();
    }

    public override string ToString() => "(" + string.Join(", ", _items.Select(PyValue.Repr)) + (_items.Length == 1 ? ",)" : ")");
}
