using Agenda.Core.Contacts;
using Agenda.Core.Storage;
using Agenda.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using static Agenda.Web.Api.ContactRequest;

namespace Agenda.Web.Api;

/// <summary>
/// PUT, PATCH and DELETE on /api/contacts/{id}. Each honours If-Match: the version it names goes to the store,
/// which compares it inside the write, so a stale ETag gives 412 and changes nothing even under concurrent writes.
/// </summary>
internal static class ContactUpdates
{
    // Versions start at 1, so the store refuses this one for every contact.
    private const long NoSuchVersion = -1;

    public static void MapContactUpdates(this RouteGroupBuilder group)
    {
        group.MapPut("/{id}", ReplaceAsync).WithName("ReplaceContact")
            .WithSummary("Replace the whole contact; absent fields become empty")
            .WithDescription("Lists are replaced whole. A body without uid keeps the stored UID; vCardExtras (read-only) are kept. " +
                             "phoneNumber and email set the primary phone and email when phones and emails are absent.")
            .Accepts<ContactBody>(Json)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapPatch("/{id}", PatchAsync).WithName("PatchContact")
            .WithSummary("JSON Merge Patch (RFC 7396): a field set to null is cleared, an absent field is kept")
            .WithDescription("A list given is replaced whole (entries are not merged); null clears it. null clears birthday and " +
                             "anniversary; favorite null is false. phoneNumber and email change the primary phone and email.")
            .Accepts<ContactBody>(MergePatchJson, Json)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteContact")
            .WithSummary("Delete a contact; its id is never reused")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    private static async Task<Results<Ok<ContactDto>, ValidationProblem>> ReplaceAsync(
        long id, [FromHeader(Name = "If-Match")] string? ifMatchHeader, ContactRequest body, HttpContext http,
        IContactStore store, CancellationToken ct)
    {
        var ifMatch = ETags.ReadIfMatch(ifMatchHeader, out var readable);
        if (!readable) return ContactProblems.BadIfMatch();
        var expected = await ExpectedVersionAsync(store, id, ifMatch, ct);
        // A patch replacing everything: the stored UID and vCard extras are read inside the write (ContactRequest.AsReplacement).
        return Updated(http, await store.PatchAsync(id, body.AsReplacement(), expected, RestWriteOrigin.Of(http.User), ct));
    }

    private static async Task<Results<Ok<ContactDto>, ValidationProblem>> PatchAsync(
        long id, [FromHeader(Name = "If-Match")] string? ifMatchHeader, ContactRequest body, HttpContext http,
        IContactStore store, CancellationToken ct)
    {
        var ifMatch = ETags.ReadIfMatch(ifMatchHeader, out var readable);
        if (!readable) return ContactProblems.BadIfMatch();
        var expected = await ExpectedVersionAsync(store, id, ifMatch, ct);
        // The store merges inside the write; a patch that changes nothing answers the contact as it is, same ETag.
        return Updated(http, await store.PatchAsync(id, body.AsPatch(), expected, RestWriteOrigin.Of(http.User), ct));
    }

    private static async Task<Results<NoContent, ValidationProblem>> DeleteAsync(
        long id, [FromHeader(Name = "If-Match")] string? ifMatchHeader, HttpContext http, IContactStore store, CancellationToken ct)
    {
        var ifMatch = ETags.ReadIfMatch(ifMatchHeader, out var readable);
        if (!readable) return ContactProblems.BadIfMatch();
        await store.DeleteAsync(id, await ExpectedVersionAsync(store, id, ifMatch, ct), RestWriteOrigin.Of(http.User), ct);
        return TypedResults.NoContent();
    }

    private static Ok<ContactDto> Updated(HttpContext http, Contact contact)
    {
        http.Response.Headers.ETag = ETags.Of(contact.Version);
        return TypedResults.Ok(ContactDto.From(contact));
    }

    /// <summary>
    /// The version the store must still see (null: no condition). One tag goes to the store as is. A list (rare) is
    /// resolved against the current version: the version it names goes to the store, which checks it again inside the
    /// write; a list that does not name it asks for <see cref="NoSuchVersion"/>, so the store refuses the write (412
    /// with the current version) exactly as it refuses a stale single tag.
    /// </summary>
    private static async Task<long?> ExpectedVersionAsync(IContactStore store, long id, ETags.IfMatch? ifMatch, CancellationToken ct)
    {
        if (ifMatch is null || ifMatch.Any) return null;
        if (ifMatch.Versions.Count == 1) return ifMatch.Versions.Single();
        var current = (await store.GetAsync(id, ct)).Version;
        return ifMatch.Matches(current) ? current : NoSuchVersion;
    }
}
