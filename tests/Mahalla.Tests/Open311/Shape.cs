using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Mahalla.Tests.Open311;

/// <summary>
/// The structure of a GeoReport document, to compare ours with the spec's examples: element and property names,
/// nesting, the order of each element's children, and the JSON type of every value.
/// </summary>
public static class Shape
{
    /// <summary>Values the spec calls identifiers: a number in the examples, a string in ours (tracking numbers, codes).</summary>
    private static readonly HashSet<string> Identifiers = ["service_request_id", "token", "key", "address_id", "zipcode", "service_code", "update_id"];

    public static XElement ExampleXml(string file)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Open311", "Examples", file));
        return XDocument.Parse(text[text.IndexOf("<?xml", StringComparison.Ordinal)..]).Root!;
    }

    public static JsonNode ExampleJson(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Open311", "Examples", file)))!;

    /// <summary>Our XML has the example's root, the same element paths, and each element's children in the example's order.</summary>
    public static void AssertSameXml(XElement example, XElement ours)
    {
        Assert.Equal(example.Name.LocalName, ours.Name.LocalName);
        Assert.Equal(XmlPaths(example), XmlPaths(ours));
        var ourOrder = XmlOrder(ours);
        foreach (var (path, children) in XmlOrder(example))
        {
            Assert.True(ourOrder.TryGetValue(path, out var mine), $"no element at {path}");
            Assert.Equal(children, mine);
        }

        Assert.DoesNotContain(ours.DescendantsAndSelf(), e => e.Name.Namespace != XNamespace.None || e.HasAttributes);
    }

    /// <summary>Our JSON has the example's top-level kind, the same property paths in the same order, and compatible value types.</summary>
    public static void AssertSameJson(JsonNode example, JsonNode ours)
    {
        Assert.Equal(example.GetValueKind(), ours.GetValueKind());
        var exampleKinds = JsonKinds(example);
        var ourKinds = JsonKinds(ours);
        Assert.Equal(exampleKinds.Keys.Order(StringComparer.Ordinal), ourKinds.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, kinds) in ourKinds)
        {
            var expected = exampleKinds[path];
            var name = path.Split('/')[^1];
            foreach (var kind in kinds)
            {
                var compatible = kind == "null" || expected.Contains(kind)
                    || (expected.SetEquals(["null"]) && kind == "string")
                    || (expected.Contains("number") && kind == "string" && Identifiers.Contains(name));
                Assert.True(compatible, $"{path}: ours is {kind}, the example's {string.Join("|", expected)}");
            }
        }

        var ourOrder = JsonOrder(ours);
        foreach (var (path, names) in JsonOrder(example))
        {
            Assert.Equal(names, ourOrder[path]);
        }
    }

    /// <summary>Every date-time is W3C-DTF in Tashkent time.</summary>
    public static void AssertTashkentDates(XElement ours)
    {
        foreach (var date in ours.Descendants().Where(e => e.Name.LocalName.EndsWith("_datetime", StringComparison.Ordinal) && e.Value.Length > 0))
        {
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+05:00$", date.Value);
        }
    }

    private static SortedSet<string> XmlPaths(XElement root) =>
        new(root.Descendants().Select(e => string.Join('/', e.AncestorsAndSelf().Reverse().Skip(1).Select(a => a.Name.LocalName))), StringComparer.Ordinal);

    /// <summary>Each path's child names, as the first element at that path has them (a run of repeated items counts once).</summary>
    private static Dictionary<string, string[]> XmlOrder(XElement root)
    {
        var order = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var e in root.DescendantsAndSelf().Where(e => e.HasElements))
        {
            var path = string.Join('/', e.AncestorsAndSelf().Reverse().Select(a => a.Name.LocalName));
            var names = e.Elements().Select(c => c.Name.LocalName).ToList();
            order.TryAdd(path, names.Where((n, i) => i == 0 || names[i - 1] != n).ToArray());
        }

        return order;
    }

    private static Dictionary<string, HashSet<string>> JsonKinds(JsonNode root)
    {
        var kinds = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Walk(JsonNode? node, string path)
        {
            switch (node)
            {
                case JsonObject o:
                    Add(path, "object");
                    foreach (var (name, child) in o)
                    {
                        Walk(child, $"{path}/{name}");
                    }

                    break;
                case JsonArray a:
                    Add(path, "array");
                    foreach (var item in a)
                    {
                        Walk(item, path + "[]");
                    }

                    break;
                case null:
                    Add(path, "null");
                    break;
                default:
                    Add(path, node.GetValueKind() switch
                    {
                        JsonValueKind.True or JsonValueKind.False => "boolean",
                        JsonValueKind.Number => "number",
                        _ => "string",
                    });
                    break;
            }
        }

        void Add(string path, string kind)
        {
            if (!kinds.TryGetValue(path, out var set))
            {
                kinds[path] = set = [];
            }

            set.Add(kind);
        }

        Walk(root, "");
        return kinds;
    }

    private static Dictionary<string, string[]> JsonOrder(JsonNode root)
    {
        var order = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Walk(JsonNode? node, string path)
        {
            if (node is JsonObject o)
            {
                order.TryAdd(path, o.Select(p => p.Key).ToArray());
                foreach (var (name, child) in o)
                {
                    Walk(child, $"{path}/{name}");
                }
            }
            else if (node is JsonArray a)
            {
                foreach (var item in a)
                {
                    Walk(item, path + "[]");
                }
            }
        }

        Walk(root, "");
        return order;
    }
}
