namespace Agenda.Web.Accounts;

/// <summary>One account as the users page and <c>users list</c> show it; never its password hash.</summary>
public sealed record UserSummary(string Name, string Role, DateTimeOffset? LockedUntil);
