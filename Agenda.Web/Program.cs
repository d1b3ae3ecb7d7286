using Agenda.Core.Storage;
using Agenda.Web.Components;
using Agenda.Web.Health;

// Agenda.Web/wwwroot is a symbolic link to the top-level wwwroot, so the SDK's static web assets see it as usual.
var builder = WebApplication.CreateBuilder(args);

// The one contact store behind every front door (SQLite by default).
builder.Services.AddContactStore(builder.Configuration);
// /healthz checks the store.
builder.Services.AddAgendaHealth();
// The Blazor Server UI: contacts and name server pages with live updates.
builder.AddAgendaUi();

var app = builder.Build();
await app.Services.InitializeContactStoreAsync();

app.MapHealthChecks("/healthz");
// The browser front door at "/".
app.MapAgendaUi();

app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
