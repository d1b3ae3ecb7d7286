using Agenda.Core.Storage;
using Agenda.Rmi.Hosting;
using Agenda.Web.Api;
using Agenda.Web.Components;
using Agenda.Web.Health;

// Agenda.Web/wwwroot is a symbolic link to the top-level wwwroot, so the SDK's static web assets see it as usual.
var builder = WebApplication.CreateBuilder(args);

// The one contact store behind every front door (SQLite by default).
builder.Services.AddContactStore(builder.Configuration);
// /healthz checks the store.
builder.Services.AddAgendaHealth();
// REST API under /api with problem details, Swagger UI at /swagger.
builder.Services.AddAgendaApi(builder.Configuration);
// Pyro4 name server and objects daemons as Kestrel listeners (Rmi section); HTTP Urls keep working.
builder.AddRmi();
// KLEIN_ROCHA (the original agenda's wire format) and agenda.contacts, registered in our own name server.
builder.Services.AddAgendaObjects();
// The Blazor Server UI: contacts and name server pages with live updates.
builder.AddAgendaUi();

var app = builder.Build();
await app.Services.InitializeContactStoreAsync();

app.MapHealthChecks("/healthz");
// /api/contacts, /api/naming and /swagger.
app.MapAgendaApi();
// The browser front door at "/".
app.MapAgendaUi();

app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
