namespace Agenda.Web.Accounts;

/// <summary>One account as the users page and <c>users list</c> show it; never its password hash.</summary>
public sealed record UserSummary(string Name, string Role, DateTimeOffset? LockedUntil);

/// <summary>The outcome of an account change: Identity's own messages when it was refused.</summary>
public sealed record AccountResult(IReadOnlyList<string> Errors)
{
    public static readonly AccountResult Ok = new([]);

    public bool Succeeded => Errors.Count == 0;

    public static AccountResult Refused(string error) => new([error]);
}
