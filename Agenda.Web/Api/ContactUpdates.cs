using Agenda.Core.Contacts;
using Agenda.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using static Agenda.Web.Api.ContactRequest;

namespace Agenda.Web.Api;

/// <summary>
/// PUT, PATCH and DELETE on /api/contacts/{id}. Each honours If-Match: the version it names goes to the store,
/// which compares it inside the write, so a stale ETag gives 412 and changes nothing even under concurrent writes.
/// </summary>
internal static class ContactUpdates
{
    // A PATCH without If-Match re-reads and re-merges when another write slips in between; this bounds the retries.
    private const int PatchAttempts = 5;

    public static void MapContactUpdates(this RouteGroupBuilder group)
    {
        group.MapPut("/{id}", ReplaceAsync).WithName("ReplaceContact")
            .WithSummary("Replace all four fields; absent fields become empty")
            .Accepts<ContactBody>(Json)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapPatch("/{id}", PatchAsync).WithName("PatchContact")
            .WithSummary("JSON Merge Patch (RFC 7396): a field set to null is cleared, an absent field is kept")
            .Accepts<ContactBody>(MergePatchJson, Json)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteContact")
            .WithSummary("Delete a contact; its id is never reused")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    private static async Task<Results<Ok<ContactDto>, ValidationProblem, ProblemHttpResult>> ReplaceAsync(
        long id, [FromHeader(Name = "If-Match")] string? ifMatchHeader, HttpContext http, IContactStore store,
        IOptions<ApiOptions> options, CancellationToken ct)
    {
        var ifMatch = ETags.ReadIfMatch(ifMatchHeader, out var readable);
        if (!readable) return ContactProblems.BadIfMatch();
        var read = await ReadAsync(http.Request, options.Value, [Json], ct);
        if (read.Invalid is { } invalid) return invalid;
        if (read.Refused is { } refused) return refused;
        try
        {
            var (holds, expected) = await ExpectedVersionAsync(store, id, ifMatch, ct);
            if (!holds) return ContactProblems.PreconditionFailed(id, expected!.Value);
            var updated = await store.UpdateAsync(id, read.Request!.AsReplacement(), expected, Door.Rest, ct);
            return Updated(http, updated);
        }
        catch (ContactNotFoundException) { return ContactProblems.NotFound(id); }
        catch (ContactValidationException e) { return ContactProblems.Invalid(e); }
        catch (ContactVersionConflictException e) { return ContactProblems.PreconditionFailed(id, e.ActualVersion); }
    }

    private static async Task<Results<Ok<ContactDto>, ValidationProblem, ProblemHttpResult>> PatchAsync(
        long id, [FromHeader(Name = "If-Match")] string? ifMatchHeader, HttpContext http, IContactStore store,
        IOptions<ApiOptions> options, CancellationToken ct)
    {
        var ifMatch = ETags.ReadIfMatch(ifMatchHeader, out var readable);
        if (!readable) return ContactProblems.BadIfMatch();
        var read = await ReadAsync(http.Request, options.Value, [MergePatchJson, Json], ct);
        if (read.Invalid is { } invalid) return invalid;
        if (read.Refused is { } refused) return refused;
        try
        {
            for (var attempt = 1; attempt <= PatchAttempts; attempt++)
            {
                var current = await store.GetAsync(id, ct);
                if (ifMatch is not null && !ifMatch.Matches(current.Version))
                    return ContactProblems.PreconditionFailed(id, current.Version);
                var merged = read.Request!.MergeInto(current);
                // A patch that changes nothing writes nothing: no new version, no change event.
                if (merged == new ContactInput(current.FirstName, current.SecondName, current.PhoneNumber, current.Email))
                    return Updated(http, current);
                try { return Updated(http, await store.UpdateAsync(id, merged, current.Version, Door.Rest, ct)); }
                catch (ContactVersionConflictException) { /* someone wrote between our read and write: merge again */ }
            }
            return ContactProblems.ConcurrentChanges(id);
        }
        catch (ContactNotFoundException) { return ContactProblems.NotFound(id); }
        catch (ContactValidationException e) { return ContactProblems.Invalid(e); }
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAsync(
        long id, [FromHeader(Name = "If-Match")] string? ifMatchHeader, IContactStore store, CancellationToken ct)
    {
        var ifMatch = ETags.ReadIfMatch(ifMatchHeader, out var readable);
        if (!readable) return ContactProblems.BadIfMatch();
        try
        {
            var (holds, expected) = await ExpectedVersionAsync(store, id, ifMatch, ct);
            if (!holds) return ContactProblems.PreconditionFailed(id, expected!.Value);
            await store.DeleteAsync(id, expected, Door.Rest, ct);
            return TypedResults.NoContent();
        }
        catch (ContactNotFoundException) { return ContactProblems.NotFound(id); }
        catch (ContactVersionConflictException e) { return ContactProblems.PreconditionFailed(id, e.ActualVersion); }
    }

    private static Ok<ContactDto> Updated(HttpContext http, Contact contact)
    {
        http.Response.Headers.ETag = ETags.Of(contact.Version);
        return TypedResults.Ok(ContactDto.From(contact));
    }

    /// <summary>
    /// The version the store must still see (null: no condition). One tag is handed to the store as is; a list
    /// (rare) is resolved against the current version first. When the condition already fails, Holds is false
    /// and Expected is the current version, for the problem's detail.
    /// </summary>
    private static async Task<(bool Holds, long? Expected)> ExpectedVersionAsync(
        IContactStore store, long id, ETags.IfMatch? ifMatch, CancellationToken ct)
    {
        if (ifMatch is null || ifMatch.Any) return (true, null);
        if (ifMatch.Versions.Count == 1) return (true, ifMatch.Versions.Single());
        var current = await store.GetAsync(id, ct);
        return (ifMatch.Matches(current.Version), current.Version);
    }
}
