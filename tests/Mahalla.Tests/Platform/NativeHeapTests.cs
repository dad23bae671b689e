using Mahalla.Web.Platform.Process;
using Microsoft.Extensions.Configuration;

namespace Mahalla.Tests.Platform;

/// <summary>The malloc arena cap of ADR 0013 reaches glibc, and configuration can turn it off.</summary>
public sealed class NativeHeapTests
{
    [Fact]
    public void The_arena_cap_is_set_on_linux_and_zero_turns_it_off()
    {
        Assert.Equal(OperatingSystem.IsLinux() && Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is null,
            NativeHeap.LimitArenas(Configuration("2")));
        Assert.False(NativeHeap.LimitArenas(Configuration("0")));
    }

    private static IConfiguration Configuration(string arenas) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Process:MallocArenas"] = arenas }).Build();
}
