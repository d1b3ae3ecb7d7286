namespace Agenda.Core.VCards;

/// <summary>
/// Reads a file of one or many <c>BEGIN:VCARD … END:VCARD</c> blocks. <see cref="Read(byte[])"/> stops at the first
/// problem; <see cref="ReadLenient(byte[])"/> skips a broken card, reports it and keeps the others, so one bad card in
/// an export of a thousand loses only that card.
/// </summary>
public static class VCardDocumentReader
{
    public static IReadOnlyList<VCard> Read(string text) => Read(VCardLineReader.Read(text));

    public static IReadOnlyList<VCard> Read(byte[] input) => Read(VCardLineReader.Read(input));

    public static IReadOnlyList<VCard> Read(Stream stream) => Read(ReadAll(stream));

    public static VCardReadResult ReadLenient(string text) => ReadLenient(VCardLineReader.Read(text));

    public static VCardReadResult ReadLenient(byte[] input) => ReadLenient(VCardLineReader.Read(input));

    public static VCardReadResult ReadLenient(Stream stream) => ReadLenient(ReadAll(stream));

    private static List<VCard> Read(IEnumerable<VCardLine> lines)
    {
        var result = ReadLenient(lines);
        if (result.Skipped.Count > 0) throw result.Skipped[0].Error;
        return result.Cards.ToList();
    }

    // document = *(blank-line / card / stray-run) ; card = "BEGIN:VCARD" *contentline "END:VCARD"
    // Anything else outside a card is an error; inside, a bad line spoils only its own card. A run of stray lines (a
    // binary file has hundreds) is one skipped entry, so garbage before a card costs one line of the report, not one per line.
    private static VCardReadResult ReadLenient(IEnumerable<VCardLine> lines)
    {
        var cards = new List<VCard>();
        var skipped = new List<VCardSkippedCard>();
        VCardBuilder? card = null;
        StrayRun? stray = null;
        int index = 0;
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line.Text)) continue;
            if (IsMarker(line, "BEGIN"))
            {
                if (stray is not null) skipped.Add(stray.Skip());
                stray = null;
                if (card is not null) skipped.Add(card.Skip(new VCardFormatException("BEGIN:VCARD without END:VCARD before the next card", card.LineNumber)));
                card = new VCardBuilder(index++, line.Number);
            }
            else if (IsMarker(line, "END") && card is not null)
            {
                if (card.Error is not null) skipped.Add(card.Skip(card.Error));
                else cards.Add(card.Build());
                card = null;
            }
            else if (card is not null) card.Add(line);
            else if (stray is not null) stray.Add(line);
            else stray = new StrayRun(index++, line, IsMarker(line, "END") ? "END:VCARD without BEGIN:VCARD" : "property outside a card (expected BEGIN:VCARD)");
        }
        if (stray is not null) skipped.Add(stray.Skip());
        if (card is not null) skipped.Add(card.Skip(new VCardFormatException("BEGIN:VCARD without END:VCARD", card.LineNumber)));
        return new VCardReadResult(cards, skipped);
    }

    private static bool IsMarker(VCardLine line, string marker) =>
        line.Text.Trim().Equals(marker + ":VCARD", StringComparison.OrdinalIgnoreCase);

    private static byte[] ReadAll(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>Collects one card's lines; the first bad line marks the card spoiled until its END.</summary>
    private sealed class VCardBuilder(int index, int lineNumber)
    {
        private readonly List<VCardProperty> properties = [];
        private string version = "";

        public int LineNumber => lineNumber;
        public VCardFormatException? Error { get; private set; }

        public void Add(VCardLine line)
        {
            if (Error is not null) return;
            try
            {
                var property = VCardPropertyParser.Parse(line);
                if (property.Name == "VERSION" && property.Group is null) version = property.Value.Trim();
                else properties.Add(property);
            }
            catch (VCardFormatException error) { Error = error; }
        }

        public VCard Build() => new(version, properties) { LineNumber = lineNumber };

        public VCardSkippedCard Skip(VCardFormatException error) => new(index, lineNumber, error);
    }

    /// <summary>Consecutive lines outside any card: reported once, at the first, with how many there were.</summary>
    private sealed class StrayRun(int index, VCardLine first, string reason)
    {
        private int count = 1, lastLine = first.Number;

        public void Add(VCardLine line) => (count, lastLine) = (count + 1, line.Number);

        public VCardSkippedCard Skip() => new(index, first.Number, new VCardFormatException(
            count == 1 ? reason : $"{reason}, and {count - 1} more lines outside a card up to line {lastLine}", first.Number));
    }
}
