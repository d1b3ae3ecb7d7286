using System.Collections.Concurrent;
using System.Text;

// The REST benchmark's yardstick: what Kestrel and routing alone cost. GET /constant/{size} answers a JSON body of
// exactly size bytes, so bench can compare GET /api/contacts/{id} with a response of the same size. It is a web app
// of the same kind as Agenda.Web (its own process, WebApplication defaults, ASP.NET Core logging at Warning), so
// both sides of the ratio are measured the same way. bench starts it on a free port and stops it by PID.
const int MaxBytes = 64 * 1024;

var builder = WebApplication.CreateBuilder(args);
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning); // as Agenda.Web's appsettings.json
var app = builder.Build();

var bodies = new ConcurrentDictionary<int, byte[]>();
app.MapGet("/constant/{size:int}", (int size) => size is < 16 or > MaxBytes
    ? Results.BadRequest()
    : Results.Bytes(bodies.GetOrAdd(size, BodyOf), "application/json"));

app.Run();

// {"pad":"xxx…"} padded to exactly `size` bytes.
static byte[] BodyOf(int size) => Encoding.ASCII.GetBytes("{\"pad\":\"" + new string('x', size - 10) + "\"}");
