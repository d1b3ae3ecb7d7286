using System.Net;
using Agenda.Rmi.Daemon;

namespace Agenda.Rmi.Tests.Daemon;

/// <summary>Rmi:AllowedClients: single addresses and CIDR ranges, IPv4 and IPv6.</summary>
public class AllowedClientsTests
{
    private static bool Allows(AllowedClients list, string address) => list.Allows(IPAddress.Parse(address));

    [Fact]
    public void AnEmptyListAllowsEveryone()
    {
        var list = AllowedClients.Parse([]);

        Assert.True(list.IsEveryone);
        Assert.True(Allows(list, "203.0.113.9"));
        Assert.True(AllowedClients.Parse(["", "  ", null]).IsEveryone);
    }

    [Theory]
    [InlineData("10.1.2.3", true)]
    [InlineData("10.255.255.255", true)]
    [InlineData("11.0.0.1", false)]
    [InlineData("192.168.1.20", true)]
    [InlineData("192.168.1.21", false)]
    [InlineData("fd00::1234", true)]
    [InlineData("fe80::1", false)]
    [InlineData("::ffff:10.9.9.9", true)]   // an IPv4 client on a dual-mode IPv6 socket
    [InlineData("::ffff:11.9.9.9", false)]
    [InlineData("127.0.0.1", false)]        // loopback is not implied
    public void RangesAndSingleAddressesOfBothFamiliesDecide(string client, bool allowed)
    {
        var list = AllowedClients.Parse(["10.0.0.0/8", " 192.168.1.20 ", "fd00::/8"]);

        Assert.Equal(allowed, Allows(list, client));
    }

    [Fact]
    public void AnIpv4MappedEntryMatchesThePlainIpv4Client()
    {
        var list = AllowedClients.Parse(["::ffff:192.0.2.7"]);

        Assert.True(Allows(list, "192.0.2.7"));
        Assert.False(Allows(list, "192.0.2.8"));
    }

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("agenda.lan")]
    [InlineData("10.0.0.0-10.0.0.255")]
    [InlineData("fd00::/129")]
    public void AnInvalidEntryIsRefusedByName(string entry)
    {
        var error = Assert.Throws<FormatException>(() => AllowedClients.Parse(["10.0.0.0/8", entry]));

        Assert.Contains($"Rmi:AllowedClients entry '{entry}'", error.Message);
    }

    [Fact]
    public void ARangeWrittenWithItsHostBitsSetIsRefusedWithBothReadings() =>
        Assert.Equal("Rmi:AllowedClients entry '10.1.2.3/8' has address bits set past its /8 prefix: write 10.0.0.0/8 for the network, or 10.1.2.3 for the one address",
            Assert.Throws<FormatException>(() => AllowedClients.Parse(["10.1.2.3/8"])).Message);

    [Fact]
    public void TheListDescribesItselfForTheDoctor() =>
        Assert.Equal("10.0.0.0/8, fd00::/8", AllowedClients.Parse(["10.0.0.0/8", "fd00::/8"]).ToString());
}
