using System.Globalization;
using Agenda.Core.Contacts;

namespace Agenda.Web.Components.Contacts.Editing;

/// <summary>
/// A birthday or anniversary as the form edits it: day and month, and a year that may stay empty, because people often
/// know a birthday without the year. The store takes a <see cref="PartialDate"/>, so a date that does not exist is
/// caught here, with a message in the same place the store's messages go.
/// </summary>
public sealed class DateParts
{
    public string Day { get; set; } = "";

    /// <summary>1 to 12; 0 while none is chosen.</summary>
    public int Month { get; set; }

    public string Year { get; set; } = "";

    public static IReadOnlyList<string> MonthNames { get; } = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[..12];

    public static DateParts Of(PartialDate? date) => date is { } d
        ? new() { Day = d.Day.ToString(CultureInfo.InvariantCulture), Month = d.Month, Year = d.Year?.ToString("D4", CultureInfo.InvariantCulture) ?? "" }
        : new();

    /// <summary>The date, or null when every part is empty; <paramref name="error"/> says why the parts are not a date.</summary>
    public PartialDate? ToDate(string noun, out string? error)
    {
        error = null;
        var (day, year) = (Day.Trim(), Year.Trim());
        if (day.Length == 0 && Month == 0 && year.Length == 0) return null;
        if (day.Length == 0 || Month == 0)
            error = $"{noun} needs a day and a month; the year may stay empty.";
        else if (!int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d) || d is < 1 or > 31)
            error = "Day must be a number from 1 to 31.";
        else if (year.Length > 0 && (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < 1 or > 9999))
            error = "Year must be a number like 1990, or empty.";
        else
        {
            int? known = year.Length == 0 ? null : int.Parse(year, CultureInfo.InvariantCulture);
            var text = known is { } k ? $"{k:D4}-{Month:D2}-{d:D2}" : $"--{Month:D2}-{d:D2}";
            if (PartialDate.TryParse(text, out var date)) return date;
            error = $"There is no {d} {MonthNames[Month - 1]}{(known is { } y2 ? $" {y2}" : "")}.";
        }
        return null;
    }
}
