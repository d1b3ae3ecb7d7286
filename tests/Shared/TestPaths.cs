namespace Agenda.Tests;

/// <summary>The source tree's root, found by walking up from the test binaries to Agenda.sln.</summary>
public static class TestPaths
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Agenda.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Agenda.sln not found above " + AppContext.BaseDirectory);
    }
}
