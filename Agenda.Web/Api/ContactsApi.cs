using Agenda.Core.Contacts;
using Agenda.Core.Storage;
using Agenda.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using static Agenda.Web.Api.ContactRequest;

namespace Agenda.Web.Api;

/// <summary>
/// /api/contacts: list, read and create here; replace, patch and delete in <see cref="ContactUpdates"/>; import and
/// export in <see cref="TransferApi"/>; the live change stream in <see cref="ContactChangesApi"/>. Bodies bind as
/// <see cref="ContactRequest"/>; refused bodies and the store's errors become problems in <see cref="ContactProblemFilter"/>.
/// </summary>
internal static class ContactsApi
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static RouteGroupBuilder MapContacts(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/contacts").WithTags("Contacts");
        group.AddEndpointFilter<ContactProblemFilter>();

        group.MapGet("/", ListAsync).WithName("ListContacts")
            .WithSummary("List contacts ordered by id, a page at a time")
            .WithDescription($"q searches every text field (case-insensitive) and the digits of every phone number; group keeps " +
                             "one group's contacts (any case) and favorite=true|false the favourites or the others; all three combine. " +
                             $"pageSize is 1-{MaxPageSize} (default {DefaultPageSize}). Pass a response's nextPageToken as pageToken " +
                             "for the next page; it is null on the last page.");
        group.MapGet("/groups", GroupsAsync).WithName("ListContactGroups")
            .WithSummary("Every group in use, with how many contacts are in it, ordered by name");
        group.MapGet("/{id}", GetAsync).WithName("GetContact")
            .WithSummary("Read one contact; the ETag header carries its version")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest) // an id that is not a 64-bit integer
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", CreateAsync).WithName("CreateContact")
            .WithSummary("Create a contact; absent fields are empty")
            .WithDescription("phoneNumber and email make a primary mobile phone and home email when phones and emails are absent; " +
                             "without uid the contact gets a new one.")
            .Accepts<ContactBody>(Json)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapContactUpdates();
        group.MapContactTransfer(); // /export and /import: vCard and Google CSV files
        group.MapContactChanges(); // /changes: every change, live, as Server-Sent Events
        return group;
    }

    private static async Task<Results<Ok<ContactListDto>, ValidationProblem>> ListAsync(
        string? q, string? group, bool? favorite, int? pageSize, string? pageToken, IContactStore store, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var size = pageSize ?? DefaultPageSize;
        if (size is < 1 or > MaxPageSize) errors["pageSize"] = [$"pageSize must be between 1 and {MaxPageSize}."];
        var afterId = -1L;
        if (!string.IsNullOrEmpty(pageToken))
        {
            if (PageToken.Decode(pageToken) is { } lastId) afterId = lastId;
            else errors["pageToken"] = ["pageToken is not one this API issued; pass the nextPageToken of a previous page."];
        }
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, "The query parameters are invalid.");

        var page = await store.ListAsync(new ContactFilter(q, group, favorite), afterId, size, ct);
        var next = page.HasMore ? PageToken.Encode(page.Items[^1].Id) : null;
        return TypedResults.Ok(new ContactListDto([.. page.Items.Select(ContactDto.From)], next, page.Total));
    }

    private static async Task<Ok<ContactGroupListDto>> GroupsAsync(IContactStore store, CancellationToken ct) =>
        TypedResults.Ok(new ContactGroupListDto([.. (await store.GroupsAsync(ct)).Select(g => new ContactGroupDto(g.Name, g.Count))]));

    private static async Task<Results<Ok<ContactDto>, StatusCodeHttpResult>> GetAsync(
        long id, [FromHeader(Name = "If-None-Match")] string? ifNoneMatch, HttpContext http, IContactStore store,
        CancellationToken ct)
    {
        var contact = await store.GetAsync(id, ct);
        http.Response.Headers.ETag = ETags.Of(contact.Version);
        return ETags.NoneMatch(ifNoneMatch, contact.Version)
            ? TypedResults.Ok(ContactDto.From(contact))
            : TypedResults.StatusCode(StatusCodes.Status304NotModified);
    }

    private static async Task<Created<ContactDto>> CreateAsync(
        ContactRequest body, HttpContext http, IContactStore store, CancellationToken ct)
    {
        var created = await store.CreateAsync(body.AsNewCard(), RestWriteOrigin.Of(http.User), ct);
        http.Response.Headers.ETag = ETags.Of(created.Version);
        return TypedResults.Created($"{http.Request.PathBase}/api/contacts/{created.Id}", ContactDto.From(created));
    }
}
