using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Mahalla.Tests.Infrastructure;

/// <summary>A host environment for the code that reads configuration outside an app (e.g. <c>DatabaseConnections.From</c>).</summary>
internal sealed class TestEnvironment : IHostEnvironment
{
    public string EnvironmentName { get; set; } = "Test";

    public string ApplicationName { get; set; } = "Mahalla.Tests";

    public string ContentRootPath { get; set; } = Path.GetTempPath();

    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
