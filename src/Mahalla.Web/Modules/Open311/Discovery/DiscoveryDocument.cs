using Mahalla.Web.Modules.Open311.Protocol;

namespace Mahalla.Web.Modules.Open311.Discovery;

/// <summary>
/// The service discovery document: who runs the API, how to get a key, and the one GeoReport v2 endpoint of this
/// installation (its absolute address as the caller reached it) with both formats.
/// </summary>
internal static class DiscoveryDocument
{
    public const string Specification = "http://wiki.open311.org/GeoReport_v2";

    public static Node Build(HttpRequest request, Open311Options options) =>
        new Group("discovery",
            new Leaf("changeset", options.Changeset),
            new Leaf("contact", options.Contact),
            new Leaf("key_service", options.KeyService),
            new Many("endpoints", "endpoint",
            [
                new Group("endpoint",
                    new Leaf("specification", Specification),
                    new Leaf("url", $"{request.Scheme}://{request.Host}{request.PathBase}{Open311Module.Prefix}"),
                    new Leaf("changeset", options.Changeset),
                    new Leaf("type", options.EndpointType),
                    new Many("formats", "format", [new Leaf("format", "text/xml"), new Leaf("format", "application/json")])),
            ]));
}
