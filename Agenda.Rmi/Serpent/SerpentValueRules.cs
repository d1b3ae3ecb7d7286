using System.Collections;
using System.Globalization;
using Agenda.Rmi.Python;

namespace Agenda.Rmi.Serpent;

/// <summary>Python rules the parser applies to values it has built.</summary>
internal static class SerpentValueRules
{
    /// <summary>Python's hashability: lists, dicts and sets (and tuples holding them) cannot be keys.</summary>
    public static bool IsHashable(object value) => value switch
    {
        PyTuple tuple => tuple.All(item => item is null || IsHashable(item)),
        string or byte[] => true,
        IDictionary or IList or ISet<object> => false,
        _ => true,
    };

    /// <summary>
    /// Serpent has no literal for NaN and writes <c>{'__class__':'float','value':'nan'}</c>; Pyro's client turns
    /// that dict (with any text <c>float()</c> accepts) into a float, and so does this reader.
    /// </summary>
    public static double? FloatFromClassDict(Dictionary<object, object?> dict)
    {
        if (dict.Count != 2 || !dict.TryGetValue("__class__", out var cls) || cls is not "float") return null;
        if (!dict.TryGetValue("value", out var value) || value is not string text) return null;
        return ParsePythonFloat(text.Trim());
    }

    private static double? ParsePythonFloat(string text)
    {
        string unsigned = text.TrimStart('+', '-');
        bool negative = text.StartsWith('-');
        if (unsigned.Length != text.Length - 1 && unsigned.Length != text.Length) return null;
        double? special = unsigned.ToLowerInvariant() switch
        {
            "nan" => double.NaN,
            "inf" or "infinity" => double.PositiveInfinity,
            _ => null,
        };
        if (special is double s) return negative ? -s : s;
        return double.TryParse(text.Replace("_", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
    }
}
