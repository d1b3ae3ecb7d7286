using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Agenda.Web.Security;

/// <summary>
/// Tells Swagger UI about personal access tokens, so its Authorize button sends <c>Authorization: Bearer</c>. Declared
/// always: with sign-in off the routes simply ignore the header.
/// </summary>
public static class BearerOpenApi
{
    public static void AddBearerSecurity(this SwaggerGenOptions swagger)
    {
        swagger.AddSecurityDefinition(AgendaAuthSchemes.Bearer, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "agt_{id}_{secret}",
            Description = "A personal access token from the Tokens page (needed when Security:RequireSignIn is true).",
        });
        swagger.AddSecurityRequirement(document => new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(AgendaAuthSchemes.Bearer, document)] = [],
        });
    }
}
