using Agenda.Core.Accounts;

namespace Agenda.Web.Components.Tokens;

/// <summary>The Tokens page's "create" form: a name, a scope and a lifetime picked from a short list.</summary>
public sealed class TokenFormModel
{
    /// <summary>Lifetimes offered, in days; 0 is "never expires". A list rather than a date picker: nobody needs 17 days.</summary>
    public static readonly IReadOnlyList<(int Days, string Label)> Lifetimes =
        [(30, "30 days"), (90, "90 days"), (365, "1 year"), (0, "Never")];

    public string Name { get; set; } = "";
    public string Scope { get; set; } = AccessTokenScopes.Read;
    public int LifetimeDays { get; set; } = 90;

    public DateTime? ExpiresAt(DateTime now) => LifetimeDays == 0 ? null : now.AddDays(LifetimeDays);
}
