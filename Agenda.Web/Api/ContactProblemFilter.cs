using Agenda.Core.Contacts;

namespace Agenda.Web.Api;

/// <summary>
/// The one place where /api/contacts turns failures into problems, so handlers read as the path that succeeds:
/// a request body refused while binding (413, 415, 400) is answered before the handler runs, and the store's typed
/// errors become 404, 400 (fields named by their paths as the JSON spells them) and 412. Any other exception is a 500 from
/// <see cref="ApiExceptionHandler"/>.
/// </summary>
internal sealed class ContactProblemFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.Arguments.OfType<ContactRequest>().FirstOrDefault();
        if (request?.Refusal is { } refusal) return refusal;
        try
        {
            return await next(context);
        }
        catch (ContactNotFoundException e) { return ContactProblems.NotFound(e.Id); }
        catch (ContactValidationException e) { return ContactProblems.Invalid(e, request); }
        catch (ContactVersionConflictException e) { return ContactProblems.PreconditionFailed(e.Id, e.ActualVersion); }
    }
}
