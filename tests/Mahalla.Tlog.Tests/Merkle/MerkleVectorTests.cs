using System.Text.Json;
using Mahalla.Tlog.Merkle;

namespace Mahalla.Tlog.Tests.Merkle;

// Every file of the transparency-dev/merkle vectors is one theory case, so none can be skipped silently.
public sealed class MerkleVectorTests
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "testdata", "merkle-testdata");

    public static TheoryData<string> InclusionFiles => Files("inclusion");

    public static TheoryData<string> ConsistencyFiles => Files("consistency");

    [Theory]
    [InlineData("inclusion", 98)]
    [InlineData("consistency", 98)]
    public void Every_vector_file_of_the_folder_is_a_test_case(string folder, int expected)
    {
        var onDisk = Directory.GetFiles(Path.Combine(Root, folder), "*", SearchOption.AllDirectories);
        Assert.Equal(expected, onDisk.Length);
        Assert.All(onDisk, file => Assert.EndsWith(".json", file, StringComparison.Ordinal));
        Assert.Equal(expected, Files(folder).Count);
        Assert.Contains(onDisk, file => ReadWantErr(file));
        Assert.Contains(onDisk, file => !ReadWantErr(file));
    }

    [Theory]
    [MemberData(nameof(InclusionFiles))]
    public void Inclusion_vector_verifies_exactly_when_expected(string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, file)));
        var v = json.RootElement;
        // Indexes are uint64 in the vectors; the API takes long, so 2^64-1 becomes -1 and must be rejected.
        var index = unchecked((long)v.GetProperty("leafIdx").GetUInt64());
        var size = unchecked((long)v.GetProperty("treeSize").GetUInt64());
        var ok = MerkleProof.VerifyInclusion(index, size, B64(v, "leafHash"), Proof(v), B64(v, "root"));
        Assert.Equal(!v.GetProperty("wantErr").GetBoolean(), ok);
    }

    [Theory]
    [MemberData(nameof(ConsistencyFiles))]
    public void Consistency_vector_verifies_exactly_when_expected(string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, file)));
        var v = json.RootElement;
        var size1 = unchecked((long)v.GetProperty("size1").GetUInt64());
        var size2 = unchecked((long)v.GetProperty("size2").GetUInt64());
        var ok = MerkleProof.VerifyConsistency(size1, size2, Proof(v), B64(v, "root1"), B64(v, "root2"));
        Assert.Equal(!v.GetProperty("wantErr").GetBoolean(), ok);
    }

    private static TheoryData<string> Files(string folder)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Root, folder), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Root, file).Replace('\\', '/'));
        }

        return data;
    }

    private static bool ReadWantErr(string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        return json.RootElement.GetProperty("wantErr").GetBoolean();
    }

    private static byte[] B64(JsonElement v, string name) => Convert.FromBase64String(v.GetProperty(name).GetString()!);

    private static byte[][] Proof(JsonElement v)
    {
        var proof = v.GetProperty("proof");
        return proof.ValueKind == JsonValueKind.Null
            ? []
            : [.. proof.EnumerateArray().Select(h => Convert.FromBase64String(h.GetString()!))];
    }
}
