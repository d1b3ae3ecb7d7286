using Agenda.Core.Storage;
using Agenda.Rmi.Capture;
using Agenda.Rmi.Hosting;
using Agenda.Web.Accounts;
using Agenda.Web.Api;
using Agenda.Web.Components;
using Agenda.Web.Health;
using Agenda.Web.Hosting;
using Agenda.Web.Security;

// Agenda.Web/wwwroot is a symbolic link to the top-level wwwroot, so the SDK's static web assets see it as usual.
// Settings and web assets come from the app's own folder even when it is started from another working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppFolder.ContentRoot(args) });
// HTTP on 127.0.0.1:5080 unless --urls, ASPNETCORE_URLS, Urls or Kestrel:Endpoints say otherwise.
builder.UseDefaultUrls();
// Off loopback, Agenda starts only with sign-in required or anonymous access chosen (Security section); else exit 1.
if (ExposureGuard.Refuses(builder.Configuration, Console.Error)) return 1;

// The one contact store behind every front door: SQLite by default, PostgreSQL with Storage:Provider=Postgres.
if (!StoreStartup.TryAddContactStore(builder, Console.Error)) return 1;
// Who may read and change contacts (Security section): sign-in, access tokens, exposure rules.
builder.Services.AddAgendaSecurity(builder.Configuration);
// /healthz checks the store, and (PostgreSQL) that other instances' changes are heard.
builder.Services.AddAgendaHealth();
// REST API under /api with problem details, Swagger UI at /swagger.
builder.Services.AddAgendaApi(builder.Configuration);
// The wire inspector's capture (Rmi:Capture): what crossed the Pyro listeners, for the Wire page and /api/wire.
builder.Services.AddWireCapture(builder.Configuration);
// Pyro4 name server and objects daemon on their own listeners (Rmi section), serving KLEIN_ROCHA (the original
// agenda's wire format) and agenda.contacts; with Rmi:Enabled=false, only a name registry that says it is not running.
builder.AddRmi(rmi => rmi.AddAgendaObjects());
// The Blazor Server UI: contacts and name server pages with live updates.
builder.AddAgendaUi();

// `users add NAME --role ROLE` and `users list` manage accounts and exit without serving.
if (UsersCommand.IsInvoked(args)) return await UsersCommand.RunAsync(builder, args);

var app = builder.Build();
// Migrations, before anything listens; a database that cannot be reached is one line naming it, and exit 1.
if (!await StoreStartup.TryInitializeAsync(app.Services, Console.Error)) return 1;
// Roles and the bootstrap admin, when sign-in is required.
await app.Services.InitializeSecurityAsync();

// /healthz: the status word, or each check as JSON for a client that accepts it.
app.MapAgendaHealth();
// /api/contacts, /api/naming and /swagger.
app.MapAgendaApi();
// Authentication and authorization, and POST /signout, when sign-in is required.
app.UseAgendaSecurity();
// The browser front door at "/".
app.MapAgendaUi();

app.Run();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
