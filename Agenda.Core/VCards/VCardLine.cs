namespace Agenda.Core.VCards;

/// <summary>
/// One logical content line: folds and quoted-printable soft line breaks already joined, decoded to text.
/// <see cref="Text"/> is what a property is parsed from and what an unknown property is written back as.
/// </summary>
/// <param name="Number">The 1-based physical line where the logical line starts, for error messages.</param>
public sealed record VCardLine(int Number, string Text);
