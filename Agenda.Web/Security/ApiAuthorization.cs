using Microsoft.AspNetCore.Authorization;

namespace Agenda.Web.Security;

/// <summary>
/// Who may call which /api route when <c>Security:RequireSignIn</c> is on: reads (GET, HEAD) need the read policy,
/// everything else the write policies as well. Decided per endpoint by its HTTP methods, so a route added to a group
/// later is covered without anyone remembering to.
/// </summary>
public static class ApiAuthorization
{
    public static TBuilder RequireSignIn<TBuilder>(this TBuilder routes, string readPolicy, params string[] writePolicies)
        where TBuilder : IEndpointConventionBuilder
    {
        routes.Finally(endpoint =>
        {
            endpoint.Metadata.Add(new AuthorizeAttribute(readPolicy));
            var methods = endpoint.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault()?.HttpMethods ?? [];
            if (methods.Count == 0 || methods.Any(m => !HttpMethods.IsGet(m) && !HttpMethods.IsHead(m)))
                foreach (var policy in writePolicies) endpoint.Metadata.Add(new AuthorizeAttribute(policy));
        });
        return routes;
    }
}
