using System.Text;
using Agenda.Rmi.AgendaObjects;

namespace Agenda.Rmi.Tests.AgendaObjects;

public class BoundedTextWriterTests
{
    [Fact]
    public async Task TextUpToTheBoundInUtf8BytesIsKeptAndTheWriteThatWouldPassItThrowsAndAddsNothing()
    {
        var writer = new BoundedTextWriter(10);
        writer.Write("ab");                                // 2 bytes
        await writer.WriteAsync(new StringBuilder("é🎉")); // 2 + 4 bytes
        writer.Write('c');                                 // 1 byte: 9

        var error = Assert.Throws<TextBoundExceededException>(() => writer.Write("日")); // 3 bytes: 12 > 10
        writer.Write('d');                                 // 10: exactly the bound

        Assert.Equal(10, error.MaxBytes);
        Assert.Equal("abé🎉cd", writer.ToString());
        Assert.Throws<TextBoundExceededException>(() => writer.WriteLine());
    }
}
