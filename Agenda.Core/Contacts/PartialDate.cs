using System.Globalization;

namespace Agenda.Core.Contacts;

/// <summary>
/// A date that may lack its year, as birthdays often do. Written as ISO 8601 / RFC 6350 spells it:
/// <c>1990-05-17</c>, or <c>--05-17</c> without the year. February 29 is valid without a year.
/// </summary>
public readonly record struct PartialDate
{
    public int? Year { get; }
    public int Month { get; }
    public int Day { get; }

    public PartialDate(int? year, int month, int day)
    {
        if (!IsValid(year, month, day)) throw new ArgumentOutOfRangeException(nameof(day), $"{Format(year, month, day)} is not a date.");
        (Year, Month, Day) = (year, month, day);
    }

    public override string ToString() => Format(Year, Month, Day);

    /// <summary>Accepts <c>YYYY-MM-DD</c>, <c>YYYYMMDD</c>, <c>--MM-DD</c> and <c>--MMDD</c> (the last two are vCard's year-less forms).</summary>
    public static bool TryParse(string? text, out PartialDate date)
    {
        date = default;
        var t = (text ?? "").Trim();
        int? year = null;
        string monthDay;
        if (t.StartsWith("--", StringComparison.Ordinal)) monthDay = t[2..];
        else if (t.Length == 10 && t[4] == '-' && Digits(t[..4], out var y1)) (year, monthDay) = (y1, t[5..]);
        else if (t.Length == 8 && Digits(t[..4], out var y2)) (year, monthDay) = (y2, t[4..]);
        else return false;

        var md = monthDay.Length == 5 && monthDay[2] == '-' ? monthDay[..2] + monthDay[3..] : monthDay;
        if (md.Length != 4 || !Digits(md[..2], out var month) || !Digits(md[2..], out var day)) return false;
        if (!IsValid(year, month, day)) return false;
        date = new PartialDate(year, month, day);
        return true;
    }

    private static bool IsValid(int? year, int month, int day)
    {
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1) return false;
        return day <= DateTime.DaysInMonth(year ?? 2000, month); // 2000 is a leap year: --02-29 is allowed
    }

    private static bool Digits(string s, out int value) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private static string Format(int? year, int month, int day) =>
        year is { } y ? $"{y:D4}-{month:D2}-{day:D2}" : $"--{month:D2}-{day:D2}";
}
