using System.Text.Json.Nodes;

namespace Agenda.Web.Api;

/// <summary>The contact bodies Swagger UI shows: a whole contact as answered, as sent to POST and PUT, and a merge patch.</summary>
internal static class ContactExamples
{
    /// <summary>What POST and PUT take: every writable field (absent ones would be empty).</summary>
    public static JsonObject Body() => new()
    {
        ["firstName"] = "Ana", ["secondName"] = "Silva", ["middleName"] = "", ["prefix"] = "Dr.", ["suffix"] = "",
        ["nickname"] = "Aninha", ["organization"] = "Example Lda.", ["jobTitle"] = "Engineer",
        ["phones"] = new JsonArray(Phone("mobile", "+34 698 405 961", true), Phone("work", "+34 910 000 111", false)),
        ["emails"] = new JsonArray(new JsonObject { ["label"] = "home", ["address"] = "ana.silva@example.com", ["primary"] = true }),
        ["addresses"] = new JsonArray(new JsonObject
        {
            ["label"] = "home", ["street"] = "Rua das Flores 12\n3º esq.", ["city"] = "Lisboa", ["region"] = "",
            ["postalCode"] = "1200-195", ["country"] = "Portugal",
        }),
        ["urls"] = new JsonArray(new JsonObject { ["label"] = "blog", ["url"] = "https://ana.example.com" }),
        ["birthday"] = "--05-17", ["anniversary"] = "2015-09-12", ["notes"] = "Met at the conference.",
        ["groups"] = new JsonArray("Family", "Book club"), ["favorite"] = true,
    };

    /// <summary>A contact as the API answers it: the body plus the primary views, UID, kept vCard lines and version.</summary>
    public static JsonObject Contact(long id = 0, long version = 1)
    {
        var contact = new JsonObject { ["id"] = id };
        foreach (var (name, value) in Body())
        {
            contact[name] = value?.DeepClone();
            if (name == "jobTitle") (contact["phoneNumber"], contact["email"]) = ("+34 698 405 961", "ana.silva@example.com");
        }
        contact["uid"] = "6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a6b";
        contact["vCardExtras"] = new JsonArray("X-SOCIALPROFILE;TYPE=twitter:https://twitter.com/anasilva");
        (contact["version"], contact["createdAt"], contact["updatedAt"]) = (version, "2026-11-24T09:30:00+00:00", "2026-11-24T09:30:00+00:00");
        return contact;
    }

    /// <summary>A merge patch: the phones replaced whole, the birthday cleared, a favourite.</summary>
    public static JsonObject Patch() => new()
    {
        ["phones"] = new JsonArray(Phone("mobile", "+34 600 111 222", true)), ["birthday"] = null, ["favorite"] = true,
    };

    private static JsonObject Phone(string label, string number, bool primary) =>
        new() { ["label"] = label, ["number"] = number, ["primary"] = primary };
}
