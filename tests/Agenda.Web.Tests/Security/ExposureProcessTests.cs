using System.Net;
using System.Net.Http.Json;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text.Json;
using Agenda.Web.Tests.Hosting;
using Agenda.Web.Tests.Pyro;

namespace Agenda.Web.Tests.Security;

/// <summary>Secure by default off loopback, and the Pyro doors, on the real process with Debian's Pyro4 as the client.</summary>
public class ExposureProcessTests
{
    private const string Key = "the-shared-secret";

    private static AgendaRun Run(Dictionary<string, string> settings, params string[] args) =>
        AgendaRun.Start(TestPaths.AgendaWebDll, TestPaths.AgendaWebProject, settings, args);

    [Fact]
    public async Task HttpOnAllInterfacesWithoutSecuritySettingsRefusesToStartAndSaysWhatToSet()
    {
        await using var run = Run([], "--urls", $"http://0.0.0.0:{FreePorts.Tcp()}");

        Assert.NotEqual(0, await run.ExitCodeAsync());
        Assert.Contains("Agenda will not start:", run.Log);
        Assert.Contains("http://0.0.0.0:", run.Log);
        Assert.Contains("Security:RequireSignIn=true", run.Log);
        Assert.Contains("Security:AllowAnonymous=true", run.Log);
        Assert.DoesNotContain("Unhandled exception", run.Log);
        Assert.DoesNotContain("Now listening", run.Log);
    }

    [Fact]
    public async Task WithAllowAnonymousItStartsWarnsInTheLogAndShowsTheBannerOnEveryPage()
    {
        var port = FreePorts.Tcp();
        await using var run = Run(new() { ["Security__AllowAnonymous"] = "true" }, "--urls", $"http://0.0.0.0:{port}");

        await run.GetWhenUpAsync($"http://127.0.0.1:{port}/healthz");
        await run.WaitForLogAsync("Security:AllowAnonymous is set: anyone who can reach http://0.0.0.0:");
        Assert.Contains("warn:", run.Log);
        foreach (var page in new[] { "", "nameserver", "wire" })
            Assert.Contains("Anyone who can reach this server can read and change every contact (Security:AllowAnonymous)",
                await run.GetWhenUpAsync($"http://127.0.0.1:{port}/{page}"));
    }

    [Fact]
    public async Task OnLoopbackWithoutSettingsThereIsNoBannerAndNoWarning()
    {
        await using var agenda = await AgendaProcess.StartAsync();
        using var http = new HttpClient { BaseAddress = agenda.BaseAddress };

        Assert.DoesNotContain("AllowAnonymous", await http.GetStringAsync(""));
        Assert.DoesNotContain("AllowAnonymous", agenda.Log);
    }

    [Fact]
    public async Task PyroOffLoopbackWithSignInButNoHmacKeyRefusesToStart()
    {
        await using var run = Run(new() { ["Rmi__Host"] = "0.0.0.0", ["Security__RequireSignIn"] = "true" },
            "--urls", $"http://127.0.0.1:{FreePorts.Tcp()}");

        Assert.NotEqual(0, await run.ExitCodeAsync());
        Assert.Contains("the Pyro listeners bind 0.0.0.0", run.Log);
        Assert.Contains("set Rmi:HmacKey", run.Log);
    }

    [Fact]
    public async Task PyroOffLoopbackWithSignInServesOnlyKeyedClientsAndNameServerWritesOnlyFromLoopback()
    {
        await using var agenda = await AgendaProcess.StartAsync(settings: new Dictionary<string, string>
        {
            ["Rmi__Host"] = "0.0.0.0", ["Rmi__AdvertisedHost"] = "127.0.0.1", ["Security__RequireSignIn"] = "true", ["Rmi__HmacKey"] = Key,
        });
        var environment = new Dictionary<string, string>(agenda.PyroEnvironment)
        {
            ["PYRO_DAEMON_PORT"] = agenda.DaemonPort.ToString(), ["PYRO_TEST_KEY"] = Key,
        };

        var keyed = await PythonScript.RunAsync("keyed_client.py", environment);
        Assert.True(keyed.ExitCode == 0, $"{keyed}\n{agenda.Log}");
        Assert.Contains("keyed client ok", keyed.Output);
        Assert.Equal($"CommunicationError cannot connect to ('127.0.0.1', {agenda.DaemonPort}): hmac key config not symmetric",
            await Output("doctor_client.py", environment, "no-hmac"));
        Assert.Equal($"CommunicationError cannot connect to ('127.0.0.1', {agenda.DaemonPort}): message hmac mismatch",
            await Output("doctor_client.py", environment, "wrong-hmac"));

        // With sign-in required, name-server writes default to LoopbackAndAllowed (no Rmi:NameServerWrites set).
        Assert.Equal("registered", await Output("ns_register.py", environment, "127.0.0.1"));
        if (NonLoopbackAddress() is { } address)
            Assert.Equal($"NamingError register refused: client {address} may not change the name server " +
                "(Rmi:NameServerWrites is LoopbackAndAllowed; only loopback clients and Rmi:AllowedClients may)",
                await Output("ns_register.py", environment, address.ToString()));
        Assert.DoesNotContain(Key, agenda.Log);
    }

    [Fact]
    public async Task AClientOutsideAllowedClientsIsRefusedWithAClearPyroErrorLoggedAndDiagnosed()
    {
        await using var agenda = await AgendaProcess.StartAsync(settings: new Dictionary<string, string> { ["Rmi__AllowedClients__0"] = "10.0.0.0/8" });
        var environment = new Dictionary<string, string>(agenda.PyroEnvironment) { ["PYRO_DAEMON_PORT"] = agenda.DaemonPort.ToString() };

        Assert.Equal($"CommunicationError connection to ('127.0.0.1', {agenda.DaemonPort}) rejected: client 127.0.0.1 is not in Rmi:AllowedClients",
            await Output("doctor_client.py", environment, "good"));

        using var http = new HttpClient { BaseAddress = agenda.BaseAddress };
        var diagnosis = (await http.GetFromJsonAsync<JsonElement>("api/wire/diagnoses")).GetProperty("items").EnumerateArray().First();
        Assert.Equal("ClientNotAllowed", diagnosis.GetProperty("problem").GetString());
        Assert.Equal("client 127.0.0.1 is not in Rmi:AllowedClients (10.0.0.0/8); add its address or network there to let it in",
            diagnosis.GetProperty("text").GetString());
        await WaitForAsync(() => agenda.Log.Contains("warn: Agenda.Rmi.Daemon.PyroConnectionHandler"), agenda);
        Assert.Contains("Pyro objects: refused 127.0.0.1:", agenda.Log);
    }

    [Fact]
    public async Task LoopbackAndAllowedRefusesANameServerWriteFromANonAllowedAddress()
    {
        var address = NonLoopbackAddress();
        if (address is null) return; // no non-loopback IPv4 address here: NameServerWritesTests cover the rule with fake endpoints
        await using var agenda = await AgendaProcess.StartAsync(settings: new Dictionary<string, string>
        {
            ["Rmi__Host"] = "0.0.0.0", ["Rmi__AdvertisedHost"] = "127.0.0.1", ["Security__AllowAnonymous"] = "true",
            ["Rmi__NameServerWrites"] = "LoopbackAndAllowed",
        });

        Assert.StartsWith("NamingError register refused: client " + address, await Output("ns_register.py", agenda.PyroEnvironment, address!.ToString()));
        Assert.Equal("registered", await Output("ns_register.py", agenda.PyroEnvironment, "127.0.0.1"));
    }

    private static async Task<string> Output(string script, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var run = await PythonScript.RunAsync(script, environment, args);
        Assert.True(run.ExitCode == 0, run.ToString());
        return run.Output.Trim();
    }

    private static Task WaitForAsync(Func<bool> condition, AgendaProcess agenda) =>
        Eventually.TrueAsync(condition, () => $"condition not met; log:\n{agenda.Log}");

    /// <summary>An IPv4 address of this machine other than loopback: connecting to it makes a non-loopback client.</summary>
    private static IPAddress? NonLoopbackAddress() => NetworkInterface.GetAllNetworkInterfaces()
        .Where(n => n.OperationalStatus == OperationalStatus.Up)
        .SelectMany(n => n.GetIPProperties().UnicastAddresses).Select(u => u.Address)
        .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
}
