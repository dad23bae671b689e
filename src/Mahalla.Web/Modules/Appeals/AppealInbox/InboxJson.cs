using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mahalla.Web.Modules.Appeals.AppealInbox;

/// <summary>
/// The inbox page's JSON, written by generated code instead of reflection-based converters: a page is 50 summaries with
/// their triage notes, about 50 KB, and staff ask for it more than for anything else. The same names and values as the
/// API's other answers (the web defaults: camelCase).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(InboxResult))]
internal sealed partial class InboxJson : JsonSerializerContext;
