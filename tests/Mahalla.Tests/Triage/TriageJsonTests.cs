using Mahalla.Web.Modules.Triage.OnFiling;

namespace Mahalla.Tests.Triage;

/// <summary>Stored flags are parsed once per text and handed out read-only, so a shared list cannot be changed by a reader.</summary>
public sealed class TriageJsonTests
{
    [Fact]
    public void Flags_read_twice_are_the_same_and_different_texts_give_their_own()
    {
        const string gas = """[{"kind":"gas_leak","isDanger":true,"evidence":["gaz hidi"]}]""";
        const string children = """[{"kind":"children","isDanger":false,"evidence":["bolalar","maktab"]}]""";

        var first = TriageJson.ReadFlags(gas);
        var again = TriageJson.ReadFlags(gas);
        var other = TriageJson.ReadFlags(children);

        Assert.Equal(("gas_leak", true), (first[0].Kind, first[0].IsDanger));
        Assert.Equal(["gaz hidi"], first[0].Evidence);
        Assert.Equal(first, again);
        Assert.Equal(("children", false), (other[0].Kind, other[0].IsDanger));
        Assert.Equal(["bolalar", "maktab"], other[0].Evidence);
        Assert.Empty(TriageJson.ReadFlags("[]"));
        Assert.Throws<NotSupportedException>(() => ((IList<string>)again[0].Evidence).Add("boshqa"));
        Assert.Throws<NotSupportedException>(() => ((IList<Mahalla.Web.Modules.Appeals.Contracts.UrgencyFlagNote>)again).Clear());
    }
}
