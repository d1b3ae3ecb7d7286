using System.Globalization;

namespace Agenda.Web.Components.Transfer;

/// <summary>A byte count as people read it: "820 bytes", "14.2 KiB", "32 MiB" (binary units, as the limit is set).</summary>
public static class FileSize
{
    public static string Describe(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} bytes",
        < 1024 * 1024 => Units(bytes / 1024.0, "KiB"),
        _ => Units(bytes / (1024.0 * 1024), "MiB"),
    };

    // Whole numbers without a decimal (the limit reads "32 MiB"), others to one place.
    private static string Units(double value, string unit) =>
        value.ToString(value % 1 == 0 ? "0" : "0.0", CultureInfo.InvariantCulture) + " " + unit;
}
