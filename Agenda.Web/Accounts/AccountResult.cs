using Microsoft.AspNetCore.Identity;

namespace Agenda.Web.Accounts;

/// <summary>One refusal: Identity's message, and the field it concerns (<see cref="Name"/>, <see cref="Password"/>) or null.</summary>
public sealed record AccountError(string? Field, string Message)
{
    public const string Name = "Name", Password = "Password";

    // Identity's codes are stable where its messages are localizable: PasswordTooShort, DuplicateUserName, ...
    public static AccountError From(IdentityError error) => new(FieldOf(error.Code), error.Description);

    private static string? FieldOf(string code) =>
        code.StartsWith("Password", StringComparison.Ordinal) ? Password
        : code is "DuplicateUserName" or "InvalidUserName" ? Name
        : null;
}

/// <summary>The outcome of an account change: Identity's own messages when it was refused.</summary>
public sealed record AccountResult(IReadOnlyList<AccountError> Problems)
{
    public static readonly AccountResult Ok = new([]);

    public bool Succeeded => Problems.Count == 0;

    public IReadOnlyList<string> Errors => [.. Problems.Select(p => p.Message)];

    /// <summary>The messages about one field, for the page to show beside it; null when there are none.</summary>
    public string[]? ErrorsFor(string field) => Problems.Where(p => p.Field == field).Select(p => p.Message).ToArray() is [_, ..] found ? found : null;

    /// <summary>The messages that belong to no field.</summary>
    public IEnumerable<string> General => Problems.Where(p => p.Field is null).Select(p => p.Message);

    public static AccountResult Refused(string error) => new([new AccountError(null, error)]);

    public static AccountResult From(IdentityResult result) => new([.. result.Errors.Select(AccountError.From)]);
}
