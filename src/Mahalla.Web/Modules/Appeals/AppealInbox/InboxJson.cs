using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mahalla.Web.Modules.Appeals.AppealInbox;

/// <summary>
/// The inbox page's JSON: a page is 50 summaries with their triage notes, about 50 KB, and staff ask for it more than for
/// anything else. The page is written by the code generated here (<c>GeneratedJson</c>, the serializer's fast path), with
/// the same names and values as the API's other answers (the web defaults: camelCase). The context is also first in the
/// app's JSON options, where it gives the metadata of the same types to the other answers that carry them.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(InboxResult))]
internal sealed partial class InboxJson : JsonSerializerContext;
