using Agenda.Rmi.Capture;
using Agenda.Rmi.Capture.Decoding;
using Agenda.Rmi.Capture.Pcapng;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Agenda.Web.Api;

/// <summary>/api/wire: the wire inspector's capture over HTTP — switch it on and off, list conversations, read one decoded.</summary>
internal static class WireApi
{
    public const int DefaultLimit = 200;
    public const int MaxLimit = 1000;

    public static RouteGroupBuilder MapWire(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/wire").WithTags("Wire");

        group.MapGet("/", (WireCapture capture) => TypedResults.Ok(WireStatusDto.From(capture))).WithName("GetWireCapture")
            .WithSummary("Whether the wire capture is recording, what it holds and its bounds");
        group.MapPost("/start", Start).WithName("StartWireCapture")
            .WithSummary("Start recording what crosses the Pyro listeners (no effect when already recording)");
        group.MapPost("/stop", Stop).WithName("StopWireCapture")
            .WithSummary("Stop recording; what was captured stays, and diagnoses are still kept");
        group.MapPost("/clear", Clear).WithName("ClearWireCapture")
            .WithSummary("Forget every captured conversation, message and diagnosis; recording stays as it was");
        group.MapGet("/conversations", List).WithName("ListWireConversations")
            .WithSummary("Captured conversations, newest first, optionally only one listener's or those calling an object or method")
            .WithDescription($"At most {MaxLimit}; limit defaults to {DefaultLimit}.")
            .ProducesValidationProblem();
        group.MapGet("/conversations/{id}", Get).WithName("GetWireConversation")
            .WithSummary("One conversation with its kept messages decoded: header fields, annotations, payload, call, result, narration")
            .WithDescription($"offset and limit choose a window of the kept messages (limit 1-{MaxLimit}, default {DefaultLimit}); " +
                             "total counts them all. bytes is base64.")
            .ProducesProblem(StatusCodes.Status400BadRequest) // an id that is not a 64-bit integer, a bad window
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/diagnoses", (WireCapture capture) =>
                TypedResults.Ok(new WireDiagnosisListDto([.. capture.Diagnoses().Reverse().Select(WireDiagnosisDto.From)])))
            .WithName("ListWireDiagnoses")
            .WithSummary("The connection doctor's diagnoses of refused or broken connections, newest first (kept while not recording too)");
        group.MapGet("/capture.pcapng", ExportAsync).WithName("ExportWireCapture")
            .WithSummary("Everything captured, or one conversation, as a pcapng file Wireshark and tshark open")
            .WithDescription("Each conversation is the TCP connection that carried it (handshake, data segments, FIN) between the " +
                             "real endpoints, with the captured times. Decode it with tools/wireshark/pyro4.lua.")
            .Produces(StatusCodes.Status200OK, contentType: WirePcapng.ContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest) // a conversation id that is not a 64-bit integer
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static Ok<WireStatusDto> Start(WireCapture capture)
    {
        capture.Start();
        return TypedResults.Ok(WireStatusDto.From(capture));
    }

    private static Ok<WireStatusDto> Stop(WireCapture capture)
    {
        capture.Stop();
        return TypedResults.Ok(WireStatusDto.From(capture));
    }

    private static Ok<WireStatusDto> Clear(WireCapture capture)
    {
        capture.Clear();
        return TypedResults.Ok(WireStatusDto.From(capture));
    }

    private static Results<Ok<WireConversationListDto>, ValidationProblem> List(
        string? listener, [FromQuery(Name = "object")] string? objectId, string? method, int? limit, WireCapture capture)
    {
        if (Invalid(null, limit) is { } invalid) return invalid;
        var filter = new WireFilter(listener, objectId, method);
        var items = filter.Apply(capture.Conversations(), limit ?? DefaultLimit).Select(WireConversationDto.From);
        return TypedResults.Ok(new WireConversationListDto([.. items]));
    }

    private static Results<Ok<WireConversationDetailDto>, ValidationProblem, ProblemHttpResult> Get(
        long id, int? offset, int? limit, WireCapture capture)
    {
        if (Invalid(offset, limit) is { } invalid) return invalid;
        if (capture.Conversation(id) is not { } conversation)
            return ApiProblems.Problem(StatusCodes.Status404NotFound, "Not Found",
                $"There is no captured conversation {id}; it may have been cleared or dropped for newer messages.");
        var page = WireMessagePage.Decode(conversation, capture.Messages(id), offset ?? 0, limit ?? DefaultLimit);
        return TypedResults.Ok(new WireConversationDetailDto(WireConversationDto.From(conversation), page.Offset, page.Total,
            [.. page.Messages.Select(WireMessageDto.From)]));
    }

    private static async Task<IResult> ExportAsync(long? conversation, WireCapture capture, HttpContext http, CancellationToken ct)
    {
        if (conversation is { } id && capture.Conversation(id) is null)
            return ApiProblems.Problem(StatusCodes.Status404NotFound, "Not Found",
                $"There is no captured conversation {id}; it may have been cleared or dropped for newer messages.");
        http.Response.ContentType = WirePcapng.ContentType;
        var name = conversation is { } one ? $"agenda-conversation-{one}.pcapng" : "agenda-wire.pcapng";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
        await WirePcapng.WriteAsync(http.Response.Body, capture, conversation, ct);
        return TypedResults.Empty;
    }

    private static ValidationProblem? Invalid(int? offset, int? limit)
    {
        var errors = new Dictionary<string, string[]>();
        if (offset < 0) errors["offset"] = ["offset must be 0 or more."];
        if (limit is < 1 or > MaxLimit) errors["limit"] = [$"limit must be between 1 and {MaxLimit}."];
        return errors.Count == 0 ? null : TypedResults.ValidationProblem(errors, "The query parameters are invalid.");
    }
}
