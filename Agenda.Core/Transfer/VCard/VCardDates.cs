using Agenda.Core.Contacts;
using Agenda.Core.VCards;

namespace Agenda.Core.Transfer.VCard;

/// <summary>Birthday (BDAY) and anniversary, with or without the year.</summary>
internal static class VCardDates
{
    // Reading: date or date-time, the time ignored; a date that is not a day (VALUE=text "circa 1800", "1990-05")
    // is not taken and stays among the kept extras.
    //   1990-05-17, 19900517, 1990-05-17T10:00:00Z    with the year
    //   --05-17 (3.0, Google), --0517 (4.0)           without
    //   X-APPLE-OMIT-YEAR=1604:1604-05-17 (iOS 3.0)   without: Apple's placeholder year, a leap year so 02-29 fits
    // The anniversary is the first of ANNIVERSARY (4.0), X-ANNIVERSARY (3.0 writers), or an X-ABDATE labelled
    // _$!<Anniversary>!$_ (iOS, macOS).
    // Writing: 4.0 BDAY:19900517 or BDAY:--0517; 3.0 BDAY:1990-05-17 or BDAY;X-APPLE-OMIT-YEAR=1604:1604-05-17.
    // The anniversary alike, as ANNIVERSARY in 4.0 and X-ANNIVERSARY in 3.0, which has none.
    private const string OmitYear = "X-APPLE-OMIT-YEAR";
    private const int AppleNoYear = 1604;

    public static ContactCard Read(VCardReading reading, ContactCard card) => card with
    {
        Birthday = TakeDate(reading, reading.Untaken("BDAY")),
        Anniversary = TakeDate(reading, reading.Untaken("ANNIVERSARY")
            .Concat(reading.Untaken("X-ANNIVERSARY"))
            .Concat(reading.Untaken("X-ABDATE").Where(d => IsAnniversaryLabel(reading.AppleLabel(d))))),
    };

    public static void Write(VCardWriting writing)
    {
        if (writing.Card.Birthday is { } birthday) writing.Add(Date("BDAY", birthday, writing.Version));
        if (writing.Card.Anniversary is { } anniversary)
            writing.Add(Date(writing.Version == VCardVersion.V4 ? "ANNIVERSARY" : "X-ANNIVERSARY", anniversary, writing.Version));
    }

    private static PartialDate? TakeDate(VCardReading reading, IEnumerable<VCardProperty> candidates)
    {
        foreach (var property in candidates.ToList())
        {
            if (!TryRead(property, out var date)) continue;
            reading.Take(property);
            return date;
        }
        return null;
    }

    private static bool TryRead(VCardProperty property, out PartialDate date)
    {
        date = default;
        if (property.ParameterValues("VALUE").Any(v => v.Equals("text", StringComparison.OrdinalIgnoreCase))) return false;
        var text = property.Text.Trim();
        int time = text.IndexOf('T');
        if (!PartialDate.TryParse(time < 0 ? text : text[..time], out date)) return false;
        if (date.Year is { } year && property.ParameterValues(OmitYear).Any(v => v.Trim() == year.ToString()))
            date = new PartialDate(null, date.Month, date.Day);
        return true;
    }

    private static bool IsAnniversaryLabel(string? label) =>
        string.Equals(label, "_$!<Anniversary>!$_", StringComparison.OrdinalIgnoreCase);

    private static VCardProperty Date(string name, PartialDate date, VCardVersion version) => (version, date.Year) switch
    {
        (VCardVersion.V4, { } year) => new(null, name, [], $"{year:D4}{date.Month:D2}{date.Day:D2}"),
        (VCardVersion.V4, null) => new(null, name, [], $"--{date.Month:D2}{date.Day:D2}"),
        (_, { } year) => new(null, name, [], $"{year:D4}-{date.Month:D2}-{date.Day:D2}"),
        (_, null) => new(null, name, [new VCardParameter(OmitYear, AppleNoYear.ToString())], $"{AppleNoYear}-{date.Month:D2}-{date.Day:D2}"),
    };
}
