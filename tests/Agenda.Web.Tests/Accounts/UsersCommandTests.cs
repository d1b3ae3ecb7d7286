namespace Agenda.Web.Tests.Accounts;

/// <summary><c>users add</c> and <c>users list</c> run as an operator runs them: the built dll, a fresh database.</summary>
public sealed class UsersCommandTests : IDisposable
{
    private const string Password = "lilac-harbour-42";
    private readonly string _data = Directory.CreateTempSubdirectory("agenda-users").FullName;

    [Fact]
    public async Task AddingAnAdminReadsThePasswordFromStandardInputAndNeverEchoesIt()
    {
        var add = await UsersCommandRun.RunAsync(_data, Password, null, "users", "add", "ana", "--role", "Admin");

        Assert.Equal(0, add.ExitCode);
        Assert.Contains("Added ana as Admin.", add.Output);
        Assert.DoesNotContain(Password, add.Output + add.Errors);
        var list = await UsersCommandRun.RunAsync(_data, null, null, "users", "list");
        Assert.Equal(0, list.ExitCode);
        Assert.Matches(@"ana\s+Admin", list.Output);
    }

    [Fact]
    public async Task ThePasswordCanComeFromTheEnvironmentInstead()
    {
        var add = await UsersCommandRun.RunAsync(_data, null, new Dictionary<string, string> { ["AGENDA_PASSWORD"] = Password },
            "users", "add", "rui", "--role", "Editor");

        Assert.Equal(0, add.ExitCode);
        Assert.Contains("Added rui as Editor.", add.Output);
    }

    [Fact]
    public async Task AWeakPasswordFailsWithIdentitysMessageAndCreatesNoOne()
    {
        var add = await UsersCommandRun.RunAsync(_data, "short", null, "users", "add", "ana", "--role", "Admin");

        Assert.Equal(1, add.ExitCode);
        Assert.Contains("Passwords must be at least 10 characters.", add.Errors);
        Assert.DoesNotContain("short", add.Output + add.Errors);
        var list = await UsersCommandRun.RunAsync(_data, null, null, "users", "list");
        Assert.Contains("No users yet", list.Output);
    }

    [Fact]
    public async Task AnExistingNameFailsWithIdentitysMessage()
    {
        await UsersCommandRun.AddAsync(_data, "ana", "Viewer", Password);

        var again = await UsersCommandRun.RunAsync(_data, Password, null, "users", "add", "ana", "--role", "Admin");

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("Username 'ana' is already taken.", again.Errors);
    }

    [Theory]
    [InlineData("users", "add", "ana")]                                  // no role
    [InlineData("users", "add", "ana", "--role", "Owner")]               // no such role
    [InlineData("users", "remove", "ana")]                               // no such verb
    [InlineData("users", "add", "ana", "--role", "Admin", "--password", "lilac-harbour-42")]
    public async Task BadUsageExitsWithTwoAndCreatesNoOne(params string[] args)
    {
        var run = await UsersCommandRun.RunAsync(_data, Password, null, args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(args.Contains("--password") ? "never taken from the command line" : "users add NAME", run.Errors + run.Output);
    }

    public void Dispose()
    {
        try { Directory.Delete(_data, recursive: true); }
        catch (IOException) { } // best effort
    }
}
