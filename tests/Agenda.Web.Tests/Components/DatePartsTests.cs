using Agenda.Core.Contacts;
using Agenda.Web.Components.Contacts.Editing;

namespace Agenda.Web.Tests.Components;

/// <summary>Day, month and an optional year become a <see cref="PartialDate"/>, or a message a person can act on.</summary>
public sealed class DatePartsTests
{
    [Theory]
    [InlineData("17", 5, "1990", "1990-05-17")]
    [InlineData(" 7 ", 12, "", "--12-07")]
    [InlineData("29", 2, "", "--02-29")]
    [InlineData("", 0, "", null)]
    public void PartsThatMakeADateGiveIt(string day, int month, string year, string? expected)
    {
        var date = new DateParts { Day = day, Month = month, Year = year }.ToDate("Birthday", out var error);

        Assert.Null(error);
        Assert.Equal(expected, date?.ToString());
    }

    [Theory]
    [InlineData("17", 0, "", "Birthday needs a day and a month; the year may stay empty.")]
    [InlineData("", 0, "1990", "Birthday needs a day and a month; the year may stay empty.")]
    [InlineData("32", 1, "", "Day must be a number from 1 to 31.")]
    [InlineData("x", 1, "", "Day must be a number from 1 to 31.")]
    [InlineData("1", 1, "90s", "Year must be a number like 1990, or empty.")]
    [InlineData("31", 4, "", "There is no 31 April.")]
    [InlineData("29", 2, "2023", "There is no 29 February 2023.")]
    public void PartsThatAreNotADateSayWhatIsWrong(string day, int month, string year, string message)
    {
        var date = new DateParts { Day = day, Month = month, Year = year }.ToDate("Birthday", out var error);

        Assert.Null(date);
        Assert.Equal(message, error);
    }

    [Fact]
    public void AStoredDateComesBackAsTheSameParts()
    {
        var parts = DateParts.Of(new PartialDate(null, 2, 29));

        Assert.Equal(("29", 2, ""), (parts.Day, parts.Month, parts.Year));
        Assert.Equal(new PartialDate(null, 2, 29), parts.ToDate("Birthday", out _));
    }
}
