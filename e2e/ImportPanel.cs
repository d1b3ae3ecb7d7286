using System.Text;

namespace Agenda.E2E;

/// <summary>The contacts page's Import panel and Export links, as a person uses them: roles, labels and text.</summary>
public sealed class ImportPanel(IPage page)
{
    public ILocator OpenButton => page.GetByRole(AriaRole.Button, new() { Name = "Import contacts", Exact = true });
    public ILocator Panel => page.GetByRole(AriaRole.Region, new() { Name = "Import contacts" });
    public ILocator FileInput => page.GetByLabel("Drop a vCard or CSV file here or click to choose one");
    public ILocator DropZone => Panel.Locator(".drop-zone");
    public ILocator CheckFirst => Panel.GetByRole(AriaRole.Button, new() { Name = "Check first", Exact = true });
    public ILocator Import => Panel.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true });
    public ILocator Reading => Panel.GetByRole(AriaRole.Progressbar, new() { Name = "Reading" });
    public ILocator Summary => Panel.GetByRole(AriaRole.Status);
    public ILocator SkippedCards => Panel.GetByRole(AriaRole.Table, new() { Name = "Skipped cards" });

    /// <summary>A report's count, by its name ("Would import", "Imported", "Skipped", ...).</summary>
    public ILocator Count(string name) =>
        Summary.Locator("dl.counts div").Filter(new() { Has = page.GetByText(name, new() { Exact = true }) }).Locator("dd");

    public ILocator ExportLink(string name) => page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    public async Task OpenAsync()
    {
        await OpenButton.ClickAsync();
        await Expect(FileInput).ToBeEnabledAsync();
    }

    /// <summary>The file picker's way in: the file as if chosen in the browser's dialog.</summary>
    public Task ChooseAsync(string name, string mimeType, string content) =>
        FileInput.SetInputFilesAsync(new FilePayload { Name = name, MimeType = mimeType, Buffer = Encoding.UTF8.GetBytes(content) });

    /// <summary>
    /// Drags a file from the desktop over <paramref name="over"/>: the events a browser sends, with a DataTransfer
    /// holding the file. Drop it with <see cref="DropAsync"/>.
    /// </summary>
    public async Task<IJSHandle> DragOverAsync(string name, string mimeType, string content, ILocator over)
    {
        var files = await page.EvaluateHandleAsync(
            "([name, type, text]) => { const d = new DataTransfer(); d.items.add(new File([text], name, { type })); return d; }",
            new[] { name, mimeType, content });
        await over.DispatchEventAsync("dragenter", new { dataTransfer = files });
        await over.DispatchEventAsync("dragover", new { dataTransfer = files });
        return files;
    }

    public Task DropAsync(IJSHandle files, ILocator target) => target.DispatchEventAsync("drop", new { dataTransfer = files });

    /// <summary>Clicks an Export link and returns the downloaded file's name and text.</summary>
    public async Task<(string Name, string Text)> DownloadAsync(string link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => ExportLink(link).ClickAsync());
        var path = await download.PathAsync();
        return (download.SuggestedFilename, await File.ReadAllTextAsync(path));
    }
}
