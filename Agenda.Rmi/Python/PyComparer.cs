namespace Agenda.Rmi.Python;

/// <summary>Python equality as an <see cref="IEqualityComparer{T}"/>, for dict keys and set members.</summary>
public sealed class PyComparer : IEqualityComparer<object>
{
    public static readonly PyComparer Instance = new();
    public new bool Equals(object? x, object? y) => PyValue.AreEqual(x, y);
    public int GetHashCode(object obj) => PyValue.HashOf(obj);
}
