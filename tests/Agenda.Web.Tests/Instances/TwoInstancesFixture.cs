using System.Net.Http.Json;
using System.Text.Json;

namespace Agenda.Web.Tests.Instances;

/// <summary>Two real Agenda processes on one PostgreSQL database for a test class, with their Python and HTTP clients.</summary>
public sealed class TwoInstancesFixture : IAsyncLifetime
{
    private static readonly string Script = Path.Combine(DebianPython.SharedModules, "instances_client.py");

    public AgendaInstances Instances { get; private set; } = null!;
    public AgendaProcess A => Instances.A;
    public AgendaProcess B => Instances.B;
    public HttpClient RestA { get; private set; } = null!;
    public HttpClient RestB { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Instances = await AgendaInstances.StartAsync();
        RestA = new HttpClient { BaseAddress = A.BaseAddress };
        RestB = new HttpClient { BaseAddress = B.BaseAddress };
    }

    /// <summary>Runs instances_client.py with <paramref name="args"/>; its output, trimmed, after checking it succeeded.</summary>
    public static async Task<string> PythonAsync(params string[] args)
    {
        var result = await DebianPython.RunAsync([Script, .. args]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Output.Trim();
    }

    /// <summary>instances_client.py serving requests on both instances' agenda.contacts.</summary>
    public Task<PythonBackgroundProcess> PythonServeAsync() => PythonBackgroundProcess.StartAsync(Script, new Dictionary<string, string>(),
        ["serve", A.ObjectUri("agenda.contacts"), B.ObjectUri("agenda.contacts")]);

    public static async Task<JsonElement> ContactAsync(HttpClient rest, long id) =>
        await rest.GetFromJsonAsync<JsonElement>($"api/contacts/{id}");

    public async Task DisposeAsync()
    {
        RestA.Dispose();
        RestB.Dispose();
        await Instances.DisposeAsync();
    }
}
