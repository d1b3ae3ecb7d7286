using System.Net;
using System.Text.Json;
using Agenda.Core.Contacts;
using Agenda.Web.Api;
using static Agenda.Web.Tests.Api.AgendaApiApplication;

namespace Agenda.Web.Tests.Api;

/// <summary>The REST door shows and takes the whole card: POST and PUT replace it, PATCH merges (RFC 7396), lists whole.</summary>
public class RichContactsTests(AgendaApiApplication app) : IClassFixture<AgendaApiApplication>
{
    private const string MergePatch = "application/merge-patch+json";
    private readonly HttpClient _client = app.CreateClient();

    private const string Rich = """
        {"firstName":"Ana","secondName":"Silva","middleName":"Maria","prefix":"Dr.","suffix":"Jr.","nickname":"Aninha",
         "organization":"Example Lda.","jobTitle":"Engineer",
         "phones":[{"label":"Mobile","number":"600 111 222"},{"label":"work","number":"910 000 111","primary":true}],
         "emails":[{"label":"home","address":"ana@example.com","primary":null}],
         "addresses":[{"label":"home","street":"Rua das Flores 12\n3º esq.","city":"Lisboa","postalCode":"1200-195","country":"Portugal"}],
         "urls":[{"label":"blog","url":"ana.example.com"}],
         "birthday":"--05-17","anniversary":"20150912","notes":"Met at the conference.","groups":["Family","Book club"],
         "favorite":true,"uid":"urn:uuid:rich-ana"}
        """;

    private async Task<ContactDto> PostRichAsync(string uid)
    {
        var response = await _client.PostAsync("/api/contacts", JsonBody(Rich.Replace("urn:uuid:rich-ana", uid)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await ReadContactAsync(response);
    }

    [Fact]
    public async Task PostingARichContactStoresEveryFieldAndGetShowsItWithThePrimaryViews()
    {
        var created = await PostRichAsync("urn:uuid:post-ana");

        Assert.Equal(("Maria", "Dr.", "Jr.", "Aninha", "Example Lda.", "Engineer"),
            (created.MiddleName, created.Prefix, created.Suffix, created.Nickname, created.Organization, created.JobTitle));
        Assert.Equal([new("mobile", "600 111 222", false), new("work", "910 000 111", true)], created.Phones);
        Assert.Equal([new ContactEmailDto("home", "ana@example.com", true)], created.Emails);
        Assert.Equal(new ContactAddressDto("home", "Rua das Flores 12\n3º esq.", "Lisboa", "", "1200-195", "Portugal"), Assert.Single(created.Addresses));
        Assert.Equal(new ContactUrlDto("blog", "https://ana.example.com"), Assert.Single(created.Urls));
        Assert.Equal(("910 000 111", "ana@example.com"), (created.PhoneNumber, created.Email));
        Assert.Equal(("--05-17", "2015-09-12", true, "urn:uuid:post-ana"), (created.Birthday, created.Anniversary, created.Favorite, created.Uid));
        Assert.Equal(["Family", "Book club"], created.Groups);
        Assert.Equal(created, await ReadContactAsync(await _client.GetAsync($"/api/contacts/{created.Id}")));
        Assert.Equal(created, ContactDto.From(await app.Store.GetAsync(created.Id)));
    }

    [Fact]
    public async Task PuttingReplacesTheWholeCardButKeepsTheStoredUidAndVCardExtras()
    {
        var stored = await app.Store.CreateAsync(ContactCard.Simple("Rui", "Costa", "600 111 222", "rui@example.com") with
        {
            Uid = "urn:uuid:put-rui", Notes = "old", Groups = ["Work"], VCardExtras = ["PHOTO;MEDIATYPE=image/png:https://example.com/rui.png"],
        }, Door.Ui);

        var response = await _client.PutAsync($"/api/contacts/{stored.Id}", JsonBody("""{"firstName":"Rui","phones":[{"number":"699 000 000"}]}"""));

        var replaced = await ReadContactAsync(response);
        Assert.Equal(("", "", "699 000 000", "", 2L), (replaced.SecondName, replaced.Notes, replaced.PhoneNumber, replaced.Email, replaced.Version));
        Assert.Empty(replaced.Groups);
        Assert.Equal("urn:uuid:put-rui", replaced.Uid);
        Assert.Equal(stored.Card.VCardExtras, replaced.VCardExtras);
        var renamed = await ReadContactAsync(await _client.PutAsync($"/api/contacts/{stored.Id}", JsonBody("""{"firstName":"Rui","uid":"urn:uuid:put-rui-2"}""")));
        Assert.Equal(("urn:uuid:put-rui-2", 3L), (renamed.Uid, renamed.Version));
        Assert.Equal(stored.Card.VCardExtras, (await app.Store.GetAsync(stored.Id)).Card.VCardExtras);
    }

    [Fact]
    public async Task PatchingReplacesAGivenListWholeNullClearsTheBirthdayAndAbsentFieldsStay()
    {
        var ana = await PostRichAsync("urn:uuid:patch-ana");

        var response = await _client.PatchAsync($"/api/contacts/{ana.Id}",
            JsonBody("""{"phones":[{"label":"home","number":"210 000 000"}],"birthday":null,"favorite":false,"notes":"Moved."}""", MergePatch));

        var patched = await ReadContactAsync(response);
        Assert.Equal([new ContactPhoneDto("home", "210 000 000", true)], patched.Phones);
        Assert.Equal((null, false, "Moved.", 2L), (patched.Birthday, patched.Favorite, patched.Notes, patched.Version));
        Assert.Equal(ana with { Phones = patched.Phones, PhoneNumber = "210 000 000", Birthday = null, Favorite = false, Notes = "Moved.",
            Version = 2, UpdatedAt = patched.UpdatedAt }, patched);
    }

    [Fact]
    public async Task PhoneNumberAndEmailChangeOnlyThePrimaryEntries()
    {
        var ana = await PostRichAsync("urn:uuid:primary-ana");

        var patched = await ReadContactAsync(await _client.PatchAsync($"/api/contacts/{ana.Id}",
            JsonBody("""{"phoneNumber":"910 999 999","email":"ana.silva@example.com"}""", MergePatch)));

        Assert.Equal([new("mobile", "600 111 222", false), new("work", "910 999 999", true)], patched.Phones);
        Assert.Equal(("910 999 999", "ana.silva@example.com"), (patched.PhoneNumber, Assert.Single(patched.Emails).Address));
    }

    [Fact]
    public async Task StoreErrorsUseJsonPathsAndAClientThatSentPhoneNumberReadsThemUnderPhoneNumber()
    {
        var ana = await PostRichAsync("urn:uuid:errors-ana");

        var byList = await Problem.ReadAsync(await _client.PatchAsync($"/api/contacts/{ana.Id}",
            JsonBody("""{"phones":[{"number":"600 111 222"},{"number":"12"}],"emails":[{"address":"nobody"}]}""", MergePatch)), HttpStatusCode.BadRequest);
        var byView = await Problem.ReadAsync(await _client.PatchAsync($"/api/contacts/{ana.Id}",
            JsonBody("""{"phoneNumber":"12","email":"nobody"}""", MergePatch)), HttpStatusCode.BadRequest);
        var both = await Problem.ReadAsync(await _client.PostAsync("/api/contacts",
            JsonBody("""{"firstName":"Ana","email":"a@example.com","emails":[]}""")), HttpStatusCode.BadRequest);

        Assert.Equal(["emails[0].address", "phones[1].number"], Problem.Fields(byList).Order());
        Assert.Equal(["Phone number must contain at least 3 digits."], Problem.Errors(byList, "phones[1].number"));
        Assert.Equal(["email", "phoneNumber"], Problem.Fields(byView).Order());
        Assert.Contains("email or emails, not both", Assert.Single(Problem.Errors(both, "email")));
        Assert.Equal(ana, ContactDto.From(await app.Store.GetAsync(ana.Id)));
    }

    [Fact]
    public async Task ATypeMistakeNamesItsPathAndSaysWhatWasExpected()
    {
        var problem = await Problem.ReadAsync(await _client.PostAsync("/api/contacts", JsonBody(
            """{"firstName":"Ana","phones":[{"number":"600"},{"number":600}],"birthday":"May 17","favorite":1,"emails":[null]}""")),
            HttpStatusCode.BadRequest);

        Assert.Equal(["phones[1].number must be a string or null, not a number."], Problem.Errors(problem, "phones[1].number"));
        Assert.Equal(["birthday must be a date like 1990-05-17 or --05-17, or null."], Problem.Errors(problem, "birthday"));
        Assert.Equal(["favorite must be true or false."], Problem.Errors(problem, "favorite"));
        Assert.Equal(["emails[0] must be an object, not null."], Problem.Errors(problem, "emails[0]"));
    }

    [Fact]
    public async Task ListingFiltersByGroupAndFavoriteBesideQAndGroupsCountsTheirContacts()
    {
        var tag = Guid.NewGuid().ToString("n")[..8];
        await app.Store.CreateAsync(new ContactCard { FirstName = "Lia", Groups = [$"Club {tag}"], Favorite = true }, Door.Ui);
        await app.Store.CreateAsync(new ContactCard { FirstName = "Leo", Groups = [$"club {tag}", $"Work {tag}"] }, Door.Ui);
        await app.Store.CreateAsync(new ContactCard { FirstName = "Lua", Groups = [$"Work {tag}"], Favorite = true }, Door.Ui);

        async Task<string[]> Names(string query) =>
            [.. (await ReadListAsync($"/api/contacts?{query}")).Items.Select(c => c.FirstName)];
        Assert.Equal(["Lia", "Leo"], await Names($"group=CLUB%20{tag}"));
        Assert.Equal(["Lia"], await Names($"group=club%20{tag}&favorite=true"));
        Assert.Equal(["Leo", "Lua"], await Names($"group=work%20{tag}&q=l"));
        Assert.Equal(["Leo"], await Names($"group=work%20{tag}&favorite=false"));

        var groups = JsonSerializer.Deserialize<ContactGroupListDto>(await _client.GetStringAsync("/api/contacts/groups"), Json)!;
        Assert.Equal([new($"Club {tag}", 2), new($"Work {tag}", 2)], groups.Items.Where(g => g.Name.EndsWith(tag)));
        var bad = await Problem.ReadAsync(await _client.GetAsync("/api/contacts?favorite=maybe"), HttpStatusCode.BadRequest);
        Assert.Contains("favorite", bad.GetProperty("detail").GetString());
    }

    private async Task<ContactListDto> ReadListAsync(string url) =>
        JsonSerializer.Deserialize<ContactListDto>(await _client.GetStringAsync(url), Json)!;
}
