using Agenda.Core.Contacts;
using Agenda.Rmi.AgendaObjects;
using Agenda.Rmi.Buffers;
using Agenda.Rmi.Daemon;
using Agenda.Rmi.Python;
using Agenda.Rmi.Serialization;
using Agenda.Rmi.Serpent;

namespace Agenda.Rmi.Tests.AgendaObjects;

/// <summary>
/// listar_todos streams its rows into the reply; the bytes must equal those of the whole list it built before, in
/// both serializers, across many buffer chunks (3,000 contacts are about 450 KB, chunks are 64 KiB at most).
/// </summary>
public class StreamedListingTests
{
    private const int Count = 3_000;

    // Names with accents, quotes, backslashes, emoji and empty fields, so escaping and multi-byte UTF-8 meet chunk edges.
    private static ContactCard Card(int i) => ContactCard.Simple(
        i % 5 == 0 ? $"Élodie😀{i}" : $"Pessoa{i}",
        i % 7 == 0 ? "D'Ávila \\ Ñ" : i % 11 == 0 ? "" : "Silva",
        i % 3 == 0 ? "" : $"69 9{i:D8}",
        i % 4 == 0 ? "" : $"p{i}@example.com");

    private static async Task<(object? Streamed, List<Dictionary<string, object?>> Whole)> ListBothWaysAsync(SqliteStore db)
    {
        await db.Store.ImportAsync([.. Enumerable.Range(0, Count).Select(Card)], dryRun: false, Door.Rest);
        await db.Store.DeleteAsync(17, null, Door.Rest); // a gap in the ids
        var agenda = new OriginalAgendaObject(db.Store);
        var method = agenda.Methods["listar_todos"];
        var streamed = await method.Handler(PyArguments.Bind(agenda.TypeName, method, [], []), RemoteCallContext.None);

        // What listar_todos returned before it streamed: every contact read whole, then the list of their dicts.
        var whole = new List<Dictionary<string, object?>>();
        await foreach (var c in db.Store.ReadAllAsync())
            whole.Add(new()
            {
                ["__class__"] = "objeto_agenda.Objeto", ["id"] = c.Id,
                ["FirstName"] = c.FirstName, ["SecondName"] = c.SecondName, ["PhoneNumber"] = c.PhoneNumber, ["Email"] = c.Email,
            });
        return (streamed, whole);
    }

    private static async Task<byte[]> WriteAsync(IPyroSerializer serializer, object? value)
    {
        using var buffer = new PooledBuffer();
        await serializer.SerializeAsync(value, buffer, CancellationToken.None);
        Assert.True(buffer.Segments.Count() > 1 || buffer.Length < PooledBuffer.LargestChunkBytes);
        return buffer.ToArray();
    }

    [Fact]
    public async Task ListarTodosStreamsTheSameSerpentBytesAsTheWholeListWrote()
    {
        await using var db = await SqliteStore.OpenAsync();
        var (streamed, whole) = await ListBothWaysAsync(db);

        Assert.IsType<PyListStream>(streamed);
        Assert.Equal(Count - 1, whole.Count);
        var bytes = await WriteAsync(SerpentPyroSerializer.Instance, streamed);
        Assert.True(bytes.Length > 5 * PooledBuffer.LargestChunkBytes, $"only {bytes.Length} bytes");
        Assert.Equal(SerpentWriter.Write(whole), bytes);
    }

    [Fact]
    public async Task ListarTodosStreamsTheSameJsonBytesAsTheWholeListWrote()
    {
        await using var db = await SqliteStore.OpenAsync();
        var (streamed, whole) = await ListBothWaysAsync(db);

        Assert.Equal(JsonPyroSerializer.Instance.Serialize(whole), await WriteAsync(JsonPyroSerializer.Instance, streamed));
    }

    [Fact]
    public async Task AnEmptyAgendaListsAsAnEmptyList()
    {
        await using var db = await SqliteStore.OpenAsync();
        var agenda = new OriginalAgendaObject(db.Store);
        var method = agenda.Methods["listar_todos"];
        var streamed = await method.Handler(PyArguments.Bind(agenda.TypeName, method, [], []), RemoteCallContext.None);

        Assert.Equal(SerpentWriter.Write(new List<object?>()), await WriteAsync(SerpentPyroSerializer.Instance, streamed));
        Assert.Equal("[]"u8.ToArray(), await WriteAsync(JsonPyroSerializer.Instance, streamed));
    }

    [Fact]
    public async Task AStreamInsideAnotherValueIsRefusedNotWrittenAsAnObject()
    {
        var stream = new PyListStream(AsyncItems(1L, 2L));
        Assert.Throws<SerpentException>(() => SerpentWriter.Write(new List<object?> { stream }));
        await Assert.ThrowsAsync<InvalidOperationException>(() => WriteAsync(JsonPyroSerializer.Instance, new List<object?> { stream }));
    }

    [Fact]
    public async Task AFailingSourceIsReportedAsTheListingsFailureNotTheWriters()
    {
        var stream = new PyListStream(Failing());
        using var buffer = new PooledBuffer();
        var error = await Assert.ThrowsAsync<IOException>(() => SerpentPyroSerializer.Instance.SerializeAsync(stream, buffer, CancellationToken.None).AsTask());
        Assert.Equal("disk gone", error.Message);
        Assert.True(stream.SourceFailed);
        Assert.False(new PyListStream(AsyncItems()).SourceFailed);
    }

    private static async IAsyncEnumerable<object?> AsyncItems(params object?[] items)
    {
        foreach (var item in items)
        {
            await Task.Yield();
            yield return item;
        }
    }

    private static async IAsyncEnumerable<object?> Failing()
    {
        yield return 1L;
        await Task.Yield();
        throw new IOException("disk gone");
    }
}
