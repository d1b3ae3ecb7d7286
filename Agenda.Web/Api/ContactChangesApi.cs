using System.Net.ServerSentEvents;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Agenda.Web.Api;

/// <summary>
/// <c>GET /api/contacts/changes</c>: every change to the contacts, live, as Server-Sent Events — this instance's own
/// writes through every door and, on PostgreSQL, the other instances' (their listener publishes them here too). Each
/// reader has its own bounded queue (<see cref="ChangeStreamQueue"/>); open streams are capped (<see cref="ChangeStreams"/>).
/// </summary>
internal static class ContactChangesApi
{
    public static RouteHandlerBuilder MapContactChanges(this RouteGroupBuilder contacts) =>
        contacts.MapGet("/changes", Open).WithName("StreamContactChanges")
            .WithSummary("Every change to the contacts, live, as Server-Sent Events (text/event-stream)")
            .WithDescription("One event per change made through any door (rmi, rest, ui) of any instance, named by its kind: " +
                             "created, updated or deleted, with the contact as GET /api/contacts/{id} returns it (null on delete). " +
                             "The stream opens with a resync event; resync means: read what you show again (sent first, when this " +
                             "reader fell too far behind and its queued events were dropped, and when another instance's changes " +
                             "may have been missed). The response never ends by itself; close the connection to stop.")
            .Produces<ContactChangeDto>(contentType: "text/event-stream") // each event's data, rather than the framework's SseItem
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static Results<ServerSentEventsResult<ContactChangeDto>, ProblemHttpResult> Open(
        HttpContext http, ChangeStreams streams, CancellationToken ct)
    {
        if (streams.TryOpen() is not { } queue)
        {
            http.Response.Headers.RetryAfter = "10";
            return ApiProblems.Problem(StatusCodes.Status503ServiceUnavailable, "Service Unavailable",
                $"{streams.Max} change streams are open, as many as Api:MaxChangeStreams allows; try again later.");
        }
        http.Response.RegisterForDispose(queue); // however the request ends, the slot and the subscription go
        return TypedResults.ServerSentEvents(queue.ReadAllAsync(ct)
            .Select(change => new SseItem<ContactChangeDto>(ContactChangeDto.From(change), ContactChangeDto.KindName(change.Kind))));
    }
}
