using System.Net.Http.Json;
using System.Text.Json;
using Agenda.Web.Tests.Pyro;

namespace Agenda.Web.Tests.Wire;

/// <summary>
/// The wire inspector against real peers: Debian's Python Pyro4 clients talk to the Agenda process, the capture is read
/// over REST, and its pcapng export is opened by Debian's tshark with the repository's Lua dissector.
/// </summary>
public class WireOverPyroTests
{
    private static readonly Dictionary<string, string> CaptureOn = new() { ["Rmi__Capture__Enabled"] = "true" };

    [Fact]
    public async Task TheStudysClientFlowIsCapturedMessageByMessageAndTsharkDecodesTheExport()
    {
        await using var agenda = await AgendaProcess.StartAsync(settings: CaptureOn);
        var run = await DebianPython.RunAsync([Path.Combine(DebianPython.SharedModules, "study_client.py")], agenda.PyroEnvironment);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("0", run.Output.Trim());
        using var http = new HttpClient { BaseAddress = agenda.BaseAddress };

        var conversations = await ClosedConversationsAsync(http, 2);
        var (nameServer, daemon) = (conversations.Single(c => c.GetProperty("listener").GetString() == "name server"),
            conversations.Single(c => c.GetProperty("listener").GetString() == "objects"));
        var lookup = await MessagesAsync(http, nameServer);
        Assert.Equal(["CONNECT seq=0 Pyro.NameServer", "CONNECTOK seq=0", "INVOKE seq=1 Pyro.NameServer.lookup", "RESULT seq=1"],
            lookup.Select(Summary));
        Assert.Equal("The client asks the name server where KLEIN_ROCHA is.", lookup[2].GetProperty("narration").GetString());
        Assert.Equal($"The name server answers: KLEIN_ROCHA is at PYRO:KLEIN_ROCHA@127.0.0.1:{agenda.DaemonPort}.",
            lookup[3].GetProperty("narration").GetString());

        var insert = await MessagesAsync(http, daemon);
        Assert.Equal(["CONNECT seq=0 KLEIN_ROCHA", "CONNECTOK seq=0", "INVOKE seq=1 KLEIN_ROCHA.inserir", "RESULT seq=1"],
            insert.Select(Summary));
        var contact = insert[2].GetProperty("call").GetProperty("args")[0].GetString();
        foreach (var field in new[] { "'FirstName': 'Klein'", "'SecondName': 'Rocha'", "'PhoneNumber': '69 984059615'", "'Email': 'klein@example.com'" })
            Assert.Contains(field, contact);
        Assert.Equal("The daemon answers inserir with the new id 0.", insert[3].GetProperty("narration").GetString());
        Assert.All(lookup.Concat(insert), m => Assert.True(m.GetProperty("header").GetProperty("checksumValid").GetBoolean()));

        var file = Path.Combine(agenda.DataDirectory, "wire.pcapng");
        await File.WriteAllBytesAsync(file, await http.GetByteArrayAsync("api/wire/capture.pcapng"));
        var rows = await Tshark.FieldsAsync(file, "pyro4", "_ws.col.Info", "pyro4.checksum.status");
        Assert.Equal(lookup.Concat(insert).OrderBy(m => m.GetProperty("time").GetDateTimeOffset()).Select(Summary),
            rows.Select(r => r[0]));
        Assert.All(rows, r => Assert.Equal("1", r[1]));
    }

    [Fact]
    public async Task TheDoctorDiagnosesEachBrokenClientWithoutTheKeyAndOtherClientsAreServed()
    {
        const string key = "the-shared-secret";
        await using var agenda = await AgendaProcess.StartAsync(settings: new Dictionary<string, string>(CaptureOn) { ["Rmi__HmacKey"] = key });
        var environment = new Dictionary<string, string>(agenda.PyroEnvironment)
        {
            ["PYRO_DAEMON_PORT"] = agenda.DaemonPort.ToString(), ["PYRO_TEST_KEY"] = key,
        };
        async Task<string> Client(string kind)
        {
            var run = await PythonScript.RunAsync("doctor_client.py", environment, [kind]);
            Assert.True(run.ExitCode == 0, run.ToString());
            return run.Output.Trim();
        }

        Assert.Equal("count 0", await Client("good"));
        Assert.StartsWith("CommunicationError", await Client("pickle"));
        Assert.StartsWith("CommunicationError", await Client("wrong-hmac"));
        Assert.StartsWith("CommunicationError", await Client("no-hmac"));
        Assert.StartsWith("CommunicationError", await Client("unknown"));
        Assert.Equal("sent random bytes", await Client("random"));
        Assert.Equal("count 0", await Client("good"));

        using var http = new HttpClient { BaseAddress = agenda.BaseAddress };
        var diagnoses = (await http.GetFromJsonAsync<JsonElement>("api/wire/diagnoses")).GetProperty("items").EnumerateArray()
            .Reverse().Select(d => (d.GetProperty("problem").GetString(), d.GetProperty("text").GetString())).ToList();
        Assert.Equal(
        [
            ("Serializer", "client sent pickle (4); set PYRO_SERIALIZER=serpent or json"),
            ("Hmac", "client's HMAC does not match: its key differs from Rmi:HmacKey"),
            ("Hmac", "client sent no HMAC, but Rmi:HmacKey is set: give the client the same key (proxy._pyroHmacKey, or PYRO_HMAC_KEY for the name server tools)"),
            ("UnknownObject", "client asked for object 'KLEIN_ROCH', which is not here; the objects daemon serves KLEIN_ROCHA, Pyro.Daemon, agenda.contacts"),
        ], diagnoses.Take(4));
        Assert.Equal("NotPyro", diagnoses[4].Item1);
        Assert.Equal(5, diagnoses.Count);

        // The key is in no page, no export and no log line.
        var everything = await http.GetStringAsync("api/wire/conversations") + await http.GetStringAsync("api/wire/diagnoses")
            + System.Text.Encoding.Latin1.GetString(await http.GetByteArrayAsync("api/wire/capture.pcapng")) + agenda.Log
            + await http.GetStringAsync("wire");
        Assert.DoesNotContain(key, everything);
    }

    private static string Summary(JsonElement message) => message.GetProperty("summary").GetString()!;

    /// <summary>The capture's conversations once <paramref name="count"/> of them are closed (the client closes its sockets as it exits).</summary>
    private static async Task<List<JsonElement>> ClosedConversationsAsync(HttpClient http, int count)
    {
        List<JsonElement> items = [];
        await Eventually.TrueAsync(async () =>
        {
            items = [.. (await http.GetFromJsonAsync<JsonElement>("api/wire/conversations")).GetProperty("items").EnumerateArray()];
            return items.Count(c => !c.GetProperty("open").GetBoolean()) >= count;
        }, () => $"conversations still open: {items.Count}");
        return items;
    }

    private static async Task<List<JsonElement>> MessagesAsync(HttpClient http, JsonElement conversation) =>
        [.. (await http.GetFromJsonAsync<JsonElement>($"api/wire/conversations/{conversation.GetProperty("id").GetInt64()}"))
            .GetProperty("messages").EnumerateArray()];
}
