namespace Agenda.Tests;

/// <summary>Messages captured from Python Pyro4 4.82 talking to its own name server (pyro4-protocol.md §9). Linked into every test project.</summary>
public static class GoldenMessages
{
    public static readonly byte[] Connect = Hex("""
        50 59 52 4f 00 30 00 01 00 10 00 00 00 00 00 4a 00 01 00 00 00 00 35 75 23 20 73 65 72 70 65 6e
        74 20 75 74 66 2d 38 20 70 79 74 68 6f 6e 33 2e 32 0a 7b 27 68 61 6e 64 73 68 61 6b 65 27 3a 27
        68 65 6c 6c 6f 27 2c 27 6f 62 6a 65 63 74 27 3a 27 50 79 72 6f 2e 4e 61 6d 65 53 65 72 76 65 72
        27 7d
        """);

    public static readonly byte[] ConnectOk = Hex("""
        50 59 52 4f 00 30 00 02 00 10 00 00 00 00 00 9d 00 01 00 16 00 00 35 df 43 4f 52 52 00 10 ff d1
        2b 57 0f 41 44 8c a3 72 b9 e2 9a 5e 9f 19 23 20 73 65 72 70 65 6e 74 20 75 74 66 2d 38 20 70 79
        74 68 6f 6e 33 2e 32 0a 7b 27 68 61 6e 64 73 68 61 6b 65 27 3a 27 68 65 6c 6c 6f 27 2c 27 6d 65
        74 61 27 3a 7b 27 6d 65 74 68 6f 64 73 27 3a 5b 27 6c 69 73 74 27 2c 27 72 65 6d 6f 76 65 27 2c
        27 73 65 74 5f 6d 65 74 61 64 61 74 61 27 2c 27 6c 6f 6f 6b 75 70 27 2c 27 63 6f 75 6e 74 27 2c
        27 70 69 6e 67 27 2c 27 72 65 67 69 73 74 65 72 27 5d 2c 27 6f 6e 65 77 61 79 27 3a 5b 5d 2c 27
        61 74 74 72 73 27 3a 5b 5d 7d 7d
        """);

    public static readonly byte[] Invoke = Hex("""
        50 59 52 4f 00 30 00 04 00 00 00 01 00 00 00 4e 00 01 00 00 00 00 35 6d 23 20 73 65 72 70 65 6e
        74 20 75 74 66 2d 38 20 70 79 74 68 6f 6e 33 2e 32 0a 28 27 50 79 72 6f 2e 4e 61 6d 65 53 65 72
        76 65 72 27 2c 27 6c 6f 6f 6b 75 70 27 2c 28 27 50 79 72 6f 2e 4e 61 6d 65 53 65 72 76 65 72 27
        2c 29 2c 7b 7d 29
        """);

    public static readonly byte[] Result = Hex("""
        50 59 52 4f 00 30 00 05 00 00 00 01 00 00 00 71 00 01 00 16 00 00 35 a7 43 4f 52 52 00 10 30 ba
        ab a4 02 b5 40 86 95 b6 64 60 bd 1c 52 d4 23 20 73 65 72 70 65 6e 74 20 75 74 66 2d 38 20 70 79
        74 68 6f 6e 33 2e 32 0a 7b 27 5f 5f 63 6c 61 73 73 5f 5f 27 3a 27 50 79 72 6f 34 2e 63 6f 72 65
        2e 55 52 49 27 2c 27 73 74 61 74 65 27 3a 28 27 50 59 52 4f 27 2c 27 50 79 72 6f 2e 4e 61 6d 65
        53 65 72 76 65 72 27 2c 4e 6f 6e 65 2c 27 31 32 37 2e 30 2e 30 2e 31 27 2c 39 30 39 30 29 7d
        """);

    /// <summary>The client's PING (serializer id 42) and the daemon's reply with a CORR chunk (values not captured: zeros).</summary>
    public static readonly byte[] Ping = Hex("50 59 52 4f 00 30 00 06 00 00 00 00 00 00 00 04 00 2a 00 00 00 00 35 4d 70 69 6e 67");

    public static byte[] Hex(string text) => Convert.FromHexString(string.Concat(text.Where(char.IsAsciiHexDigit)));
}
