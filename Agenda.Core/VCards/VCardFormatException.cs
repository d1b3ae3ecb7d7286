namespace Agenda.Core.VCards;

/// <summary>vCard text that cannot be read; <see cref="LineNumber"/> names the physical line where the problem starts.</summary>
public sealed class VCardFormatException(string reason, int lineNumber)
    : Exception(lineNumber > 0 ? $"line {lineNumber}: {reason}" : reason)
{
    /// <summary>What is wrong, without the line prefix.</summary>
    public string Reason { get; } = reason;

    /// <summary>1-based physical line number; 0 when the problem has no single line (such as an empty input).</summary>
    public int LineNumber { get; } = lineNumber;
}
