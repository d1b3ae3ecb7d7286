using Agenda.Rmi.Naming;

namespace Agenda.Rmi.Tests.Naming;

// Expected values are CPython 3.11's bool(re.match(pattern, name)) on this machine.
public class PythonRegexTests
{
    [Theory]
    [InlineData(@"(?P<x>a)(?P=x)", "aa", true)]
    [InlineData(@"(?P<x>a)(?P=x)", "ab", false)]
    [InlineData(@"ab\Z", "ab\n", false)]
    [InlineData(@"ab$", "ab\n", true)]
    [InlineData(@"b", "ab", false)]
    [InlineData(@"\(?P<x>", "(P<x>", true)]
    [InlineData(@"A", "a", false)]
    public void MatchesLikePythonsReMatch(string pattern, string name, bool expected) =>
        Assert.Equal(expected, PythonRegex.Compile(pattern)(name));
}
