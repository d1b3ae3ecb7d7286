using Agenda.Web.Security;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Agenda.Web.Api;

public static class ApiExtensions
{
    /// <summary>Services for the REST API: options, problem details, JSON, binding errors and Swagger.</summary>
    public static IServiceCollection AddAgendaApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.SectionName));
        services.AddSingleton<ChangeStreams>(); // GET /api/contacts/changes: the open streams, capped
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = RoutingProblems.AddDetail);
        services.AddExceptionHandler<ApiExceptionHandler>();
        // Without this, a binding failure outside Development is a bare 400 nobody can explain to the caller.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(swagger =>
        {
            swagger.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Agenda REST API",
                Version = "v1",
                Description = "The contacts the Pyro clients and the browser see. Errors are RFC 9457 problem details.",
            });
            swagger.SupportNonNullableReferenceTypes();
            // Only the API: pages, /healthz and whatever else the app maps are not HTTP API operations.
            swagger.DocInclusionPredicate((_, api) => api.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true);
            swagger.SchemaFilter<ContactSchemas>();
            swagger.OperationFilter<ApiExamples>();
            swagger.OperationFilter<WireApiExamples>(); // after ApiExamples: its contact wording does not fit /api/wire
            swagger.OperationFilter<TransferApiExamples>(); // after ApiExamples: import and export carry files, not contacts
            swagger.OperationFilter<ContactChangesApiExamples>(); // after ApiExamples: a stream of events, its own 503
            swagger.AddBearerSecurity(); // Swagger UI's Authorize button takes a personal access token
        });
        return services;
    }

    /// <summary>The /api routes, their error middleware (scoped to /api), and Swagger UI at /swagger.</summary>
    public static WebApplication MapAgendaApi(this WebApplication app)
    {
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/api"), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages(); // 404 for unknown /api routes, 405, 415 from routing: problem details too
        });
        app.UseSwagger();
        app.UseSwaggerUI(ui => ui.DocumentTitle = "Agenda REST API");
        var contacts = app.MapContacts();
        var naming = app.MapNaming();
        var wire = app.MapWire(); // /api/wire: the wire inspector's capture
        // Off (the default): every route open, as on loopback. On: contacts by role and token scope; the name server's
        // registrations and the wire capture for any reader, as on their pages (the capture holds contacts and names,
        // which readers see anyway, and never a key); starting, stopping and clearing the capture for admins.
        if (app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value.RequireSignIn)
        {
            contacts.RequireSignIn(AgendaPolicies.Read, AgendaPolicies.Write);
            naming.RequireSignIn(AgendaPolicies.Read);
            wire.RequireSignIn(AgendaPolicies.Read, AgendaPolicies.Admin, AgendaPolicies.Write);
        }
        return app;
    }
}
