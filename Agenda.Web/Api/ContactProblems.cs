using System.Text.Json;
using Agenda.Core.Contacts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Agenda.Web.Api;

/// <summary>The store's typed errors as RFC 9457 problems, with field names as the JSON spells them.</summary>
internal static class ContactProblems
{
    public static ProblemHttpResult NotFound(long id) => ApiProblems.Problem(
        StatusCodes.Status404NotFound, "Not Found", $"There is no contact with id {id}.");

    /// <summary>
    /// Store messages under each field's path as the JSON spells it (<c>Phones[1].Number</c> → <c>phones[1].number</c>),
    /// or as the request spelled it when it sent the primary phone or email alone (<see cref="ContactRequest.FieldName"/>).
    /// </summary>
    public static ValidationProblem Invalid(ContactValidationException e, ContactRequest? request)
    {
        Func<string, string> name = request is null ? path => ContactFieldPath.Respell(path, JsonNamingPolicy.CamelCase.ConvertName) : request.FieldName;
        return TypedResults.ValidationProblem(
            e.Errors.GroupBy(f => name(f.Key)).ToDictionary(g => g.Key, g => g.SelectMany(f => f.Value).ToArray()),
            "The contact has invalid fields; nothing was changed.");
    }

    public static ValidationProblem BadIfMatch() => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { ["If-Match"] = ["If-Match must be * or a list of entity tags such as \"3\"."] },
        "The If-Match header cannot be read; nothing was changed.");

    public static ProblemHttpResult PreconditionFailed(long id, long currentVersion) =>
        ApiProblems.Problem(StatusCodes.Status412PreconditionFailed, "Precondition Failed",
            $"Contact {id} is at version {currentVersion} (ETag {ETags.Of(currentVersion)}), which If-Match does not name; " +
            "nothing was changed. GET it again and retry with the new ETag.");
}
