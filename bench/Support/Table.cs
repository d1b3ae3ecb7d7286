namespace Agenda.Bench.Support;

/// <summary>Prints aligned Markdown tables, so a run's output can be pasted into README as is.</summary>
public sealed class Table(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public void Add(params object[] cells) => _rows.Add(cells.Select(Format).ToArray());

    public void Print(string title)
    {
        Console.WriteLine();
        Console.WriteLine($"### {title}");
        Console.WriteLine();
        var widths = headers.Select((h, i) => Math.Max(h.Length, _rows.Select(r => r[i].Length).DefaultIfEmpty(0).Max())).ToArray();
        Console.WriteLine(Line(headers, widths));
        Console.WriteLine(Line(widths.Select(w => new string('-', w)).ToArray(), widths));
        foreach (var row in _rows) Console.WriteLine(Line(row, widths));
    }

    private static string Line(string[] cells, int[] widths) =>
        "| " + string.Join(" | ", cells.Select((c, i) => c.PadRight(widths[i]))) + " |";

    private static string Format(object cell) => cell switch
    {
        double d when d >= 100 => d.ToString("N0"),
        double d when d >= 1 => d.ToString("0.0#"),
        double d => d.ToString("0.###"),
        _ => cell.ToString() ?? "",
    };
}
