using System.Runtime.InteropServices;

namespace Mahalla.Web.Platform.Process;

/// <summary>
/// The C heap of the process on a small machine (ADR 0013). glibc gives threads their own malloc arenas,
/// up to eight per core; every thread-pool thread that touches SQLite or the runtime's native parts can
/// end up with one, and memory freed in one arena is not reused by another. Two arenas are enough for a
/// 2-core node and keep the native heap from spreading under load.
/// </summary>
internal static partial class NativeHeap
{
    private const int ArenaMax = -8; // M_ARENA_MAX in glibc's malloc.h

    /// <summary>
    /// Caps glibc's malloc arenas at <c>Process:MallocArenas</c> (default 2) unless <c>MALLOC_ARENA_MAX</c>
    /// is set, which then wins. Does nothing off Linux or where the C library has no such setting.
    /// </summary>
    /// <returns>Whether the cap was set.</returns>
    public static bool LimitArenas(IConfiguration configuration)
    {
        var arenas = configuration.GetValue("Process:MallocArenas", 2);
        if (!OperatingSystem.IsLinux() || arenas <= 0 || Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null)
        {
            return false;
        }

        try
        {
            return MallOpt(ArenaMax, arenas) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // Not glibc (musl has no arenas to cap).
        }
    }

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int MallOpt(int parameter, int value);
}
