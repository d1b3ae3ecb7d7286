using Agenda.Core.Storage;

namespace Agenda.Web.Hosting;

/// <summary>
/// Storage that cannot work as configured (an unknown <c>Storage:Provider</c>, a connection string that does not parse,
/// a database that does not answer) stops Agenda with one line naming the setting and exit code 1, as
/// <see cref="Security.ExposureGuard"/> does: the operator needs what to change, not a stack trace.
/// </summary>
public static class StoreStartup
{
    public static bool TryAddContactStore(WebApplicationBuilder builder, TextWriter error)
    {
        try { builder.Services.AddContactStore(builder.Configuration); }
        catch (StorageStartupException e) { return Refuse(error, e); }
        return true;
    }

    /// <summary>Creates or migrates the database before anything listens.</summary>
    public static async Task<bool> TryInitializeAsync(IServiceProvider services, TextWriter error)
    {
        try { await services.InitializeContactStoreAsync(); }
        catch (StorageStartupException e) { return Refuse(error, e); }
        return true;
    }

    private static bool Refuse(TextWriter error, StorageStartupException e)
    {
        error.WriteLine($"Agenda will not start: {e.Message}");
        return false;
    }
}
