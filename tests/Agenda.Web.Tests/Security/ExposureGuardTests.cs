using Agenda.Web.Security;
using Microsoft.Extensions.Configuration;

namespace Agenda.Web.Tests.Security;

/// <summary>The startup decision, over configuration as the host resolves it (Urls already holds the loopback default).</summary>
public class ExposureGuardTests
{
    private static IReadOnlyList<string> Problems(params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?> { ["urls"] = "http://127.0.0.1:5080" };
        foreach (var (key, value) in settings) all[key] = value;
        return ExposureGuard.Problems(new ConfigurationBuilder().AddInMemoryCollection(all).Build());
    }

    [Fact]
    public void LoopbackWithNoConfigurationStarts() => Assert.Empty(Problems());

    [Fact]
    public void HttpOnAllInterfacesWithoutSecurityIsRefusedNamingTheAddressAndTheSettings()
    {
        var problem = Assert.Single(Problems(("urls", "http://127.0.0.1:5080;http://*:8080")));

        Assert.Contains("it would listen on http://*:8080, where other machines", problem); // the loopback address is not named
        Assert.Contains("Security:RequireSignIn=true", problem);
        Assert.Contains("Security:AllowAnonymous=true", problem);
    }

    [Fact]
    public void KestrelEndpointsReplaceUrlsAsKestrelDoes()
    {
        Assert.Single(Problems(("Kestrel:Endpoints:Web:Url", "http://0.0.0.0:5080")));
        Assert.Empty(Problems(("urls", "http://0.0.0.0:5080"), ("Kestrel:Endpoints:Web:Url", "http://localhost:5080")));
    }

    [Fact]
    public void PyroOffLoopbackCountsAsExposedUnlessRmiIsDisabled()
    {
        var problem = Assert.Single(Problems(("Rmi:Host", "0.0.0.0")));
        Assert.Contains("0.0.0.0:9090 (Pyro name server), 0.0.0.0:9095 (Pyro objects), 0.0.0.0:9091/udp (Pyro discovery)", problem);

        Assert.Empty(Problems(("Rmi:Host", "0.0.0.0"), ("Rmi:Enabled", "false")));
    }

    [Theory]
    [InlineData("Security:AllowAnonymous")]
    [InlineData("Security:RequireSignIn")]
    public void EitherSecuritySettingLetsHttpOnAllInterfacesStart(string setting) =>
        Assert.Empty(Problems(("urls", "http://0.0.0.0:5080"), (setting, "true")));

    [Fact]
    public void SignInWithPyroOffLoopbackNeedsAnHmacKey()
    {
        var problem = Assert.Single(Problems(("Rmi:Host", "0.0.0.0"), ("Security:RequireSignIn", "true")));
        Assert.Contains("set Rmi:HmacKey", problem);

        Assert.Empty(Problems(("Rmi:Host", "0.0.0.0"), ("Security:RequireSignIn", "true"), ("Rmi:HmacKey", "k")));
        Assert.Empty(Problems(("Security:RequireSignIn", "true"))); // Pyro on loopback: no key needed
        Assert.Empty(Problems(("Rmi:Host", "0.0.0.0"), ("Security:AllowAnonymous", "true"))); // no sign-in: the key stays optional
    }

    [Fact]
    public void AnInvalidAllowedClientsEntryIsNamed() =>
        Assert.Contains("Rmi:AllowedClients entry '10.0.0.300/8'", Assert.Single(Problems(("Rmi:AllowedClients:0", "10.0.0.300/8"))));

    [Fact]
    public void AnUnreadableSettingIsNamedNotThrown()
    {
        var problem = Assert.Single(Problems(("Rmi:NameServerWrites", "Nobody")));
        Assert.Contains("Rmi:NameServerWrites", problem);
        Assert.Contains("Security", Assert.Single(Problems(("Security:RequireSignIn", "yes"))));
    }

    [Fact]
    public void TheRefusalIsWrittenAsOneMessageWithoutTheKey()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://0.0.0.0:5080", ["Rmi:HmacKey"] = "the-shared-secret",
        }).Build();
        var error = new StringWriter();

        Assert.True(ExposureGuard.Refuses(configuration, error));
        Assert.StartsWith("Agenda will not start:", error.ToString());
        Assert.DoesNotContain("the-shared-secret", error.ToString());
        Assert.False(ExposureGuard.Refuses(new ConfigurationBuilder().Build(), error));
    }
}
