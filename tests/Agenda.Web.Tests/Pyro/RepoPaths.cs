namespace Agenda.Web.Tests.Pyro;

/// <summary>Paths in the source tree, found by walking up from the test binaries to Agenda.sln.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();
    public static string AgendaWebProject => Path.Combine(Root, "Agenda.Web");

    /// <summary>Agenda.Web.dll built in the same configuration (Debug/Release) as these tests.</summary>
    public static string AgendaWebDll
    {
        get
        {
            // The test binaries live in <project>/bin/<configuration>/net10.0/.
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            var dll = Path.Combine(AgendaWebProject, "bin", configuration, "net10.0", "Agenda.Web.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException("build Agenda.Web first", dll);
        }
    }

    public static string PythonScripts => Path.Combine(Root, "tests", "Agenda.Web.Tests", "Pyro", "python");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Agenda.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Agenda.sln not found above " + AppContext.BaseDirectory);
    }
}
