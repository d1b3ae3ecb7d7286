namespace Agenda.Rmi.Serpent;

/// <summary>Bounds applied while parsing serpent input, so hostile payloads fail fast and cleanly.</summary>
public sealed record SerpentLimits
{
    public static readonly SerpentLimits Default = new();

    /// <summary>
    /// Deepest nesting of brackets accepted. Python itself cannot read more than 200 levels
    /// ("too many nested parentheses"), so 256 leaves headroom without letting input exhaust the stack.
    /// </summary>
    public int MaxDepth { get; init; } = 256;

    /// <summary>Largest input accepted, in bytes (default 16 MiB).</summary>
    public int MaxInputBytes { get; init; } = 16 * 1024 * 1024;
}
