namespace Agenda.Bench.Support;

public static class HttpLoad
{
    /// <summary>One measured request: the whole body is read and a non-2xx status fails the run.</summary>
    public static async Task GetOkAsync(this HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        response.EnsureSuccessStatusCode();
        await response.Content.LoadIntoBufferAsync();
    }
}
