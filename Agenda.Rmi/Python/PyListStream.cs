using System.Runtime.CompilerServices;

namespace Agenda.Rmi.Python;

/// <summary>
/// A Python list whose items are read while the reply is written: a remote method returns one for a listing too large
/// to hold (listar_todos over 100,000 contacts), and the serializer writes each item as it arrives and keeps none, so
/// the client reads an ordinary list. Only a whole reply may be one; nested in another value it cannot be written.
/// </summary>
public sealed class PyListStream(IAsyncEnumerable<object?> source)
{
    /// <summary>True once reading the source threw: the reply failed because of the listing, not of its writing.</summary>
    public bool SourceFailed { get; private set; }

    public async IAsyncEnumerable<object?> ReadAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var items = source.GetAsyncEnumerator(ct);
        while (true)
        {
            try
            {
                if (!await items.MoveNextAsync()) yield break;
            }
            catch
            {
                SourceFailed = true;
                throw;
            }
            yield return items.Current;
        }
    }

    /// <summary>The items as a list, for a caller that needs them all at once (a batch call's result, tests).</summary>
    public async Task<List<object?>> ToListAsync(CancellationToken ct = default)
    {
        var list = new List<object?>();
        await foreach (var item in ReadAsync(ct)) list.Add(item);
        return list;
    }
}
