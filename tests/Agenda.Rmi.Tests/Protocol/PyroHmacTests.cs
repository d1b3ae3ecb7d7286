using System.Security.Cryptography;
using System.Text;
using Agenda.Rmi.Protocol;

namespace Agenda.Rmi.Tests.Protocol;

public class PyroHmacTests
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("secret");

    [Fact]
    public void DigestCoversPayloadThenOtherAnnotationValuesInIdOrder()
    {
        var payload = "data"u8.ToArray();
        var annotations = new Dictionary<string, byte[]> { ["ZZZZ"] = "z"u8.ToArray(), ["CORR"] = "c"u8.ToArray() };

        var expected = HMACSHA1.HashData(Key, "datacz"u8.ToArray());
        Assert.Equal(expected, PyroHmac.Compute(Key, payload, annotations));
    }

    [Fact]
    public void SignedMessageVerifies()
    {
        var message = Signed(Key);

        PyroHmac.Verify(Key, message);
    }

    [Fact]
    public void WrongKeyIsAMismatch()
    {
        var error = Assert.Throws<PyroSecurityException>(() => PyroHmac.Verify("other"u8.ToArray(), Signed(Key)));
        Assert.Equal("message hmac mismatch", error.Message);
    }

    [Fact]
    public void MissingSignatureWithAKeyIsNotSymmetric()
    {
        var error = Assert.Throws<PyroSecurityException>(() => PyroHmac.Verify(Key, Signed(null)));
        Assert.Equal("hmac key config not symmetric", error.Message);
    }

    [Fact]
    public void SignatureWithoutAKeyIsNotSymmetric()
    {
        Assert.Throws<PyroSecurityException>(() => PyroHmac.Verify(null, Signed(Key)));
    }

    private static PyroMessage Signed(byte[]? key)
    {
        var payload = "payload"u8.ToArray();
        var annotations = PyroHmac.Sign(key, payload, new Dictionary<string, byte[]> { ["CORR"] = new byte[16] });
        return new PyroMessage(PyroMessageType.Invoke, 0, 1, 1, annotations, payload);
    }
}
