using Agenda.Web.Security;

namespace Agenda.Web.Tests.Security;

/// <summary>Which listen addresses other machines can reach.</summary>
public class ListenAddressTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080", false)]
    [InlineData("http://127.3.4.5:5080", false)]
    [InlineData("http://localhost:5080", false)]
    [InlineData("https://LOCALHOST:5081", false)]
    [InlineData("http://[::1]:5080", false)]
    [InlineData("http://unix:/run/agenda.sock", false)]
    [InlineData("http://*:5080", true)]
    [InlineData("http://+:5080", true)]
    [InlineData("http://0.0.0.0:5080", true)]
    [InlineData("http://[::]:5080", true)]
    [InlineData("http://192.0.2.2:5080", true)]
    [InlineData("http://agenda.lan:5080", true)]   // Kestrel binds a host name to every interface
    [InlineData("not a url", true)]
    public void HttpAddresses(string url, bool exposed) => Assert.Equal(exposed, ListenAddress.IsExposedUrl(url));

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("[::1]", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("localhost", false)]
    [InlineData("0.0.0.0", true)]
    [InlineData("::", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("fd00::2", true)]
    [InlineData("agenda.lan", true)]
    public void PyroHosts(string host, bool exposed) => Assert.Equal(exposed, ListenAddress.IsExposedHost(host));
}
