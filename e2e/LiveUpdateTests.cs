using System.Diagnostics;
using Xunit.Abstractions;

namespace Agenda.E2E;

/// <summary>Two people with the contacts page open: what one does shows up for the other without a reload.</summary>
[Collection(AgendaUiCollection.Name)]
public sealed class LiveUpdateTests(AgendaUiFixture fixture, ITestOutputHelper output)
{
    private static readonly LocatorAssertionsToBeVisibleOptions WithinASecond = new() { Timeout = 1000 };

    [Fact]
    public async Task AddEditAndDeleteInOnePageShowInTheOtherWithinASecondMarkedAsUi()
    {
        await using var alice = await fixture.NewPersonAsync();
        await using var bob = await fixture.NewPersonAsync();
        var writer = await ContactsPage.OpenAsync(alice);
        var watcher = await ContactsPage.OpenAsync(bob);
        var surname = ContactsPage.Unique("Live");
        var watched = watcher.Row($"Hana {surname}");

        var clock = Stopwatch.StartNew();
        await writer.FillAsync("Hana", surname, "555 0101", "");
        await writer.AddButton.ClickAsync();
        await Expect(watched).ToBeVisibleAsync(WithinASecond);
        output.WriteLine($"added: visible in the other page after {clock.ElapsedMilliseconds} ms (from the click)");
        await Expect(watched.GetByText("UI", new() { Exact = true })).ToBeVisibleAsync(WithinASecond);
        await Expect(watcher.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("added via UI");

        await writer.EditAsync($"Hana {surname}");
        await writer.Phone.FillAsync("555 0202");
        clock.Restart();
        await writer.SaveButton.ClickAsync();
        await Expect(watched.GetByText("555 0202")).ToBeVisibleAsync(WithinASecond);
        output.WriteLine($"edited: visible after {clock.ElapsedMilliseconds} ms");

        await writer.DeleteButton($"Hana {surname}").ClickAsync();
        clock.Restart();
        await writer.Page.GetByRole(AriaRole.Button, new() { Name = "Yes, delete" }).ClickAsync();
        await Expect(watched).ToHaveCountAsync(0, new() { Timeout = 1000 });
        output.WriteLine($"deleted: gone after {clock.ElapsedMilliseconds} ms");
        await Expect(watcher.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("deleted via UI");
    }

    [Fact]
    public async Task SavingOverSomeoneElsesChangeShowsAConflictNoteAndReloadLetsTheEditContinue()
    {
        await using var alice = await fixture.NewPersonAsync();
        await using var bob = await fixture.NewPersonAsync();
        var first = await ContactsPage.OpenAsync(alice);
        var second = await ContactsPage.OpenAsync(bob);
        var surname = ContactsPage.Unique("Conflict");
        await first.AddAsync("Igor", surname, "700 100", "igor@example.com");
        await Expect(second.Row($"Igor {surname}")).ToBeVisibleAsync();

        await first.EditAsync($"Igor {surname}");
        await second.EditAsync($"Igor {surname}");
        await first.Phone.FillAsync("700 999");
        await first.SaveButton.ClickAsync();
        await Expect(second.Row($"Igor {surname}")).ToContainTextAsync("700 999");

        // The second person's form still holds the old version: the store refuses, nothing is overwritten.
        await Expect(second.Phone).ToHaveValueAsync("700 100");
        await second.Email.FillAsync("igor@new.example.com");
        await second.SaveButton.ClickAsync();
        var note = second.Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "changed this contact meanwhile" });
        await Expect(note).ToBeVisibleAsync();
        await Expect(second.Row($"Igor {surname}")).ToContainTextAsync("igor@example.com");
        await second.Page.ScreenshotAsync(new() { Path = AgendaUiFixture.Screenshot("contacts-conflict") });

        await note.GetByRole(AriaRole.Button, new() { Name = "Reload contact" }).ClickAsync();
        await Expect(note).ToHaveCountAsync(0);
        await Expect(second.Phone).ToHaveValueAsync("700 999");
        await Expect(second.Email).ToHaveValueAsync("igor@example.com");
        await second.Email.FillAsync("igor@new.example.com");
        await second.SaveButton.ClickAsync();

        await Expect(first.Row($"Igor {surname}")).ToContainTextAsync("700 999");
        await Expect(first.Row($"Igor {surname}")).ToContainTextAsync("igor@new.example.com");
    }
}
