using Agenda.Core.Accounts;
using Microsoft.AspNetCore.Authentication;

namespace Agenda.Web.Security;

public static class BearerTokenExtensions
{
    /// <summary>Personal access tokens: the store of tokens and the "Bearer" scheme that accepts them.</summary>
    public static AuthenticationBuilder AddBearerTokens(this AuthenticationBuilder authentication)
    {
        authentication.Services.AddAccessTokens();
        return authentication.AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(AgendaAuthSchemes.Bearer, "Personal access token", null);
    }
}
