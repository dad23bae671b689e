using System.Text;
using Mahalla.Tlog.Notes;
using Mahalla.Tlog.Witnessing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Mahalla.Cli;

/// <summary>The witness as an HTTP service speaking tlog-witness v1.0.0 (<c>POST /add-checkpoint</c>).</summary>
internal static class WitnessServer
{
    public static WebApplication Build(Witness witness, string listen)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls($"http://{listen}");
        // A request is a few proof lines and a note; anything much larger is not a witness request.
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = Note.MaxBytes + 4096);
        var app = builder.Build();
        app.MapPost("/add-checkpoint", async (HttpRequest request, CancellationToken cancellationToken) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, cancellationToken);
            string body;
            try
            {
                body = new UTF8Encoding(false, true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            }
            catch (DecoderFallbackException)
            {
                return Results.Text("malformed request: not UTF-8\n", "text/plain; charset=utf-8", statusCode: 400);
            }

            var response = witness.AddCheckpoint(body);
            return Results.Text(response.Body, response.ContentType, Encoding.UTF8, response.StatusCode);
        });
        return app;
    }
}
