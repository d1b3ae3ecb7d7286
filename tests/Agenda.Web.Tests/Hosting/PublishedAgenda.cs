using System.Diagnostics;
using Agenda.Web.Tests.Pyro;

namespace Agenda.Web.Tests.Hosting;

/// <summary>
/// Agenda.Web as an operator installs it: <c>dotnet publish --no-build</c> (same configuration as these tests, so
/// nothing is compiled while other tests run) into a temporary folder, removed afterwards.
/// </summary>
public sealed class PublishedAgenda : IAsyncLifetime
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("agenda-published").FullName;
    public string Dll => Path.Combine(Folder, "Agenda.Web.dll");

    public async Task InitializeAsync()
    {
        // The test binaries live in <project>/bin/<configuration>/net10.0/.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "publish", Path.Combine(TestPaths.AgendaWebProject, "Agenda.Web.csproj"), "-c", configuration,
                     "--no-build", "-o", Folder, "--nologo", "-v", "quiet" })
            start.ArgumentList.Add(arg);
        using var publish = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = publish.StandardOutput.ReadToEndAsync();
        var error = publish.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await publish.WaitForExitAsync(limit.Token);
        if (publish.ExitCode != 0 || !File.Exists(Dll))
            throw new InvalidOperationException($"dotnet publish failed ({publish.ExitCode}):\n{await output}\n{await error}");
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }
}
