using Agenda.Web.Components.Contacts;
using Agenda.Web.Components.Transfer;
using Agenda.Web.Security;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Agenda.Web.Components;

/// <summary>Wiring of the Blazor Server UI (the browser front door).</summary>
public static class UiExtensions
{
    public static WebApplicationBuilder AddAgendaUi(this WebApplicationBuilder builder)
    {
        // Running the built dll outside Development (the e2e tests do) would 404 on _framework/blazor.web.js
        // without this; in publish output there is no manifest and the call does nothing.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.TryAddSingleton(TimeProvider.System); // how long a door badge stays (tests swap in a fake clock)
        builder.Services.AddSingleton<GroupCounts>(); // the group chips' counts, read once for every open contacts page
        return builder;
    }

    public static WebApplication MapAgendaUi(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapStaticAssets();
        var pages = app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        // The contacts page's Export links: a file download, which a circuit cannot send.
        var export = app.MapExportDownload();
        // With sign-in on, every page but /signin ([AllowAnonymous]) needs a role; visitors are sent to /signin first.
        // The download asks what its page asks.
        if (SecurityExtensions.SignInRegistered(app.Services))
        {
            pages.RequireAuthorization(AgendaPolicies.Read);
            export.RequireAuthorization(AgendaPolicies.Read);
        }
        return app;
    }
}
