namespace Agenda.Tests;

/// <summary>Paths in the source tree, found by walking up from the running binaries to Agenda.sln.</summary>
public static class TestPaths
{
    public static string Root { get; } = FindRoot();

    public static string AgendaWebProject => Path.Combine(Root, "Agenda.Web");

    /// <summary>Agenda.Web.dll built in the same configuration (Debug/Release) as the running binaries.</summary>
    public static string AgendaWebDll => BuiltDll("Agenda.Web", "Agenda.Web");

    /// <summary>
    /// <paramref name="assemblyName"/>.dll of the project in <paramref name="projectFolder"/> (relative to the root), built
    /// in the same configuration as the running binaries, which live in <c>&lt;project&gt;/bin/&lt;configuration&gt;/net10.0/</c>.
    /// </summary>
    public static string BuiltDll(string projectFolder, string assemblyName)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var dll = Path.Combine(Root, projectFolder, "bin", configuration, "net10.0", assemblyName + ".dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"build {projectFolder} first", dll);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Agenda.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Agenda.sln not found above " + AppContext.BaseDirectory);
    }
}
