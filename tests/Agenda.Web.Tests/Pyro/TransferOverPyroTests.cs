using System.Net;
using System.Text;

namespace Agenda.Web.Tests.Pyro;

/// <summary>export_vcard and import_vcard from Debian's Python Pyro4 4.82, with python3-vobject on the other side.</summary>
public class TransferOverPyroTests
{
    private static async Task<string> RunOk(AgendaProcess agenda, string script)
    {
        var result = await PythonScript.RunAsync(script, agenda.PyroEnvironment);
        Assert.True(result.ExitCode == 0, $"{script}: {result}\nAgenda log:\n{agenda.Log}");
        return result.Output;
    }

    [Fact]
    public async Task AStockClientImportsWhatVobjectWritesAndVobjectReadsWhatItExports()
    {
        await using var agenda = await AgendaProcess.StartAsync();
        Assert.Contains("transfer client ok", await RunOk(agenda, "transfer_client.py"));
    }

    [Fact]
    public async Task AnExportOverTheMessageSizeRaisesValueErrorAndAnImportOverItStoresNothing()
    {
        await using var agenda = await AgendaProcess.StartAsync(settings: new Dictionary<string, string> { ["Rmi__MaxMessageBytes"] = "16384" });
        using var http = new HttpClient { BaseAddress = agenda.BaseAddress };
        var file = new StringBuilder("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Only One\r\nCATEGORIES:Small\r\nEND:VCARD\r\n");
        for (var i = 0; i < 400; i++) file.Append($"BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Person {i}\r\nTEL:+1 555 {i:D4}\r\nEND:VCARD\r\n");
        var imported = await http.PostAsync("api/contacts/import", new StringContent(file.ToString(), Encoding.UTF8, "text/vcard"));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);

        Assert.Contains("transfer bounds ok", await RunOk(agenda, "transfer_bounds.py"));
    }
}
