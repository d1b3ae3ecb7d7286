using Agenda.Core.Accounts;
using Agenda.Core.Storage;
using Microsoft.AspNetCore.Identity;

namespace Agenda.Web.Accounts;

/// <summary>
/// <c>users add NAME --role ROLE</c> and <c>users list</c>: account administration from a shell, on the database the
/// server's configuration names, without starting the server. The password comes from <c>AGENDA_PASSWORD</c> or
/// standard input, never from the arguments, which other users of the machine can read in the process list.
/// </summary>
public static class UsersCommand
{
    public const string PasswordVariable = "AGENDA_PASSWORD";
    private const int Ok = 0, Failed = 1, BadUsage = 2;

    private const string Usage = """
        usage: users add NAME --role Viewer|Editor|Admin   (password from AGENDA_PASSWORD or standard input)
               users list
        """;

    public static bool IsInvoked(string[] args) => args.Length > 0 && args[0] == "users";

    public static async Task<int> RunAsync(WebApplicationBuilder builder, string[] args)
    {
        var verb = args.ElementAtOrDefault(1);
        if (args.Contains("--password", StringComparer.OrdinalIgnoreCase))
            return Fail(BadUsage, $"Passwords are never taken from the command line; set {PasswordVariable} or pipe it to standard input.");
        if (verb == "list" && args.Length == 2) return await WithAccountsAsync(builder, ListAsync);
        if (verb == "add" && args.Length == 5 && args[3] == "--role" && !args[2].StartsWith('-'))
        {
            var (name, role) = (args[2], args[4]);
            if (!AgendaRoles.All.Contains(role)) return Fail(BadUsage, $"Unknown role {role}.\n{Usage}");
            if (ReadPassword(name) is not { Length: > 0 } password)
                return Fail(BadUsage, $"No password: set {PasswordVariable} or pipe it to standard input.");
            return await WithAccountsAsync(builder, accounts => AddAsync(accounts, name, role, password));
        }
        return Fail(BadUsage, Usage);
    }

    private static async Task<int> AddAsync(UserAccounts accounts, string name, string role, string password)
    {
        var result = await accounts.AddAsync(name, role, password);
        if (!result.Succeeded) return Fail(Failed, $"Could not add {name}: {string.Join(" ", result.Errors)}");
        Console.WriteLine($"Added {name} as {role}.");
        return Ok;
    }

    private static async Task<int> ListAsync(UserAccounts accounts)
    {
        var users = await accounts.ListAsync();
        if (users.Count == 0) Console.WriteLine("No users yet; add one with: users add NAME --role Admin");
        foreach (var user in users)
            Console.WriteLine($"{user.Name,-24} {user.Role,-8} {(user.LockedUntil is { } until ? $"locked until {until:u}" : "")}".TrimEnd());
        return Ok;
    }

    // The same database, migrations and password rules as the server, and nothing else of it.
    private static async Task<int> WithAccountsAsync(WebApplicationBuilder builder, Func<UserAccounts, Task<int>> run)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddContactStore(builder.Configuration);
        services.AddIdentityCore<AgendaUser>(AccountRules.Apply).AddRoles<IdentityRole>().AddAgendaAccountStores();
        services.AddSingleton<UserAccounts>();
        await using var provider = services.BuildServiceProvider();
        try
        {
            await provider.InitializeContactStoreAsync();
            await AccountsStartup.SeedRolesAsync(provider);
            return await run(provider.GetRequiredService<UserAccounts>());
        }
        catch (Exception e) when (e is InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
        {
            return Fail(Failed, e.Message);
        }
    }

    private static string? ReadPassword(string name)
    {
        if (Environment.GetEnvironmentVariable(PasswordVariable) is { Length: > 0 } fromEnvironment) return fromEnvironment;
        if (Console.IsInputRedirected) return Console.In.ReadLine();
        Console.Error.Write($"Password for {name}: ");
        var typed = new System.Text.StringBuilder();
        // Read key by key without echo, so the password never appears on the terminal.
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace) { if (typed.Length > 0) typed.Length--; }
            else if (!char.IsControl(key.KeyChar)) typed.Append(key.KeyChar);
        }
        Console.Error.WriteLine();
        return typed.ToString();
    }

    private static int Fail(int code, string message)
    {
        Console.Error.WriteLine(message);
        return code;
    }
}
