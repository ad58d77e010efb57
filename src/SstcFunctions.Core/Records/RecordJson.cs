using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace SstcFunctions.Core.Records;

/// <summary>The one JSON shape of records, shared by the CLI, the API and storage.</summary>
public static class RecordJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // Keep "Côte d'Ivoire" readable in output instead of \u00F4 escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // Records' metadata generated at compile time (a cold host reads 20,000 of them before its first answer, and
        // reflection-built accessors cost JIT there); any other type still goes by reflection.
        TypeInfoResolver = JsonTypeInfoResolver.Combine(RecordJsonContext.Default, new DefaultJsonTypeInfoResolver()),
    };

    public static readonly JsonSerializerOptions Indented = new(Options) { WriteIndented = true };
}

[JsonSerializable(typeof(ProjectRecord))]
[JsonSerializable(typeof(List<ProjectRecord>))]
[JsonSerializable(typeof(BrochureRecord))]
internal sealed partial class RecordJsonContext : JsonSerializerContext;
