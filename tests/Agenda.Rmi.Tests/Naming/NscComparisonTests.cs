using System.Text.RegularExpressions;

namespace Agenda.Rmi.Tests.Naming;

/// <summary>
/// <c>python3 -m Pyro4.nsc</c> prints the same against our name server as against Pyro4's own <c>Pyro4.naming</c>:
/// one script of commands is run against both, and the outputs compared modulo the port numbers.
/// </summary>
public sealed partial class NscComparisonTests : IAsyncLifetime
{
    private readonly NamingTestHost _ours = new();
    private readonly ReferenceNameServer _reference = new();

    public async Task InitializeAsync()
    {
        await Task.WhenAll(_ours.InitializeAsync(), _reference.InitializeAsync());
    }

    public async Task DisposeAsync()
    {
        await _ours.DisposeAsync();
        await _reference.DisposeAsync();
    }

    // Each entry is one nsc invocation: its stdin (removematching asks y/n) and its arguments.
    private static readonly (string Input, string[] Args)[] Script =
    [
        ("", ["ping"]),
        ("", ["list"]),
        ("", ["register", "my.obj", "PYRO:thing@127.0.0.1:9200"]),
        ("", ["register", "my.obj", "PYRO:other@127.0.0.1:9201"]),
        ("", ["register", "my.other", "PYRO:other@127.0.0.1:9201"]),
        ("", ["register", "a.b", "pyro:x@localhost:1234"]),
        ("", ["register", "a.c", "PYRO:y@[::1]:1234"]),
        ("", ["register", "naïve.名前", "PYRO:ünï@127.0.0.1:9300"]),
        ("", ["register", "bad", "not-a-uri"]),
        ("", ["register", "bad", "PYRO:obj@host"]),
        ("", ["setmeta", "a.b", "m1", "m2"]),
        ("", ["setmeta", "a.c", "m2"]),
        ("", ["setmeta", "zz", "m2"]),
        ("", ["list"]),
        ("", ["list", "a."]),
        ("", ["list", "zz"]),
        ("", ["listmatching", @"a\..*"]),
        ("", ["listmatching", "b"]),
        ("", ["listmatching", "a.b$"]),
        ("", ["listmatching", "na.ve"]),
        ("", ["listmatching", "my.(?P<rest>o)"]),
        ("", ["listmatching", "("]),
        ("", ["lookup", "a.b"]),
        ("", ["lookup", "my.obj"]),
        ("", ["lookup", "Pyro.NameServer"]),
        ("", ["lookup", "zz"]),
        ("", ["lookup", "naïve.名前"]),
        ("", ["listmeta_all", "m1", "m2"]),
        ("", ["listmeta_all", "m2"]),
        ("", ["listmeta_any", "m1", "zz"]),
        ("", ["listmeta_any", "class:Pyro4.naming.NameServer"]),
        ("", ["setmeta", "a.b"]),
        ("", ["lookup", "a.b"]),
        ("", ["remove", "a.b"]),
        ("", ["remove", "a.b"]),
        ("", ["remove", "Pyro.NameServer"]),
        ("n\n", ["removematching", "my.*"]),
        ("y\n", ["removematching", "my.*"]),
        ("y\n", ["removematching", ".*"]),
        ("", ["list"]),
    ];

    [Theory]
    [InlineData("serpent")]
    [InlineData("json")]
    public async Task NscPrintsTheSameAgainstUsAsAgainstTheReferenceNameServer(string serializer)
    {
        var ours = await RunScript(_ours.NameServerPort, serializer);
        var reference = await RunScript(_reference.Port, serializer);

        Assert.Contains("Registered my.obj", ours);
        Assert.DoesNotContain("Failed to locate", ours + reference);
        Assert.Equal(reference, ours);
    }

    private async Task<string> RunScript(int port, string serializer)
    {
        var transcript = new List<string>();
        foreach (var (input, args) in Script)
        {
            var result = await NamingPython.Nsc(_ours.PythonEnvironment(serializer), input, ["-n", "127.0.0.1", "-p", port.ToString(), .. args]);
            transcript.Add($"$ nsc {string.Join(' ', args)} (exit {result.ExitCode})\n{result.Output}{result.Error}");
        }
        return Normalise(string.Join("", transcript), port);
    }

    // Ports differ between the two servers, and tag lists come out in set order, which Python randomises per process.
    private static string Normalise(string transcript, int port) =>
        TagList().Replace(transcript.Replace($":{port}", ":NSPORT"),
            m => "metadata: [" + string.Join(", ", m.Groups[1].Value.Split(", ").Order(StringComparer.Ordinal)) + "]");

    [GeneratedRegex(@"metadata: \[(.*?)\]")]
    private static partial Regex TagList();
}
