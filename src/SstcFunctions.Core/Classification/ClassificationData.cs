using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace SstcFunctions.Core.Classification;

/// <summary>Loads the domain data files embedded from Classification/Data.</summary>
internal static class ClassificationData
{
    public static bool Exists(string fileName) =>
        typeof(ClassificationData).Assembly.GetManifestResourceInfo("SstcFunctions.Core.Data." + fileName) is not null;

    /// <summary>
    /// A vocabulary in every language that has it: "{name}.json" (English, always there) first, then
    /// "{name}.{lang}.json" for each other language of Data/languages.json.
    /// </summary>
    public static IReadOnlyList<(string Language, T Data)> LoadLanguages<T>(string name)
    {
        var all = new List<(string, T)> { (ClassificationLanguages.English, Load<T>(name + ".json")) };
        foreach (var language in ClassificationLanguages.All)
        {
            if (language != ClassificationLanguages.English && Exists($"{name}.{language}.json"))
                all.Add((language, Load<T>($"{name}.{language}.json")));
        }
        return all;
    }

    public static T Load<T>(string fileName)
    {
        var name = "SstcFunctions.Core.Data." + fileName;
        using var stream = typeof(ClassificationData).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded data file {name} is missing.");
        // Source-generated metadata: loading keeps working in trimmed or AOT-published hosts.
        var typeInfo = (JsonTypeInfo<T>)ClassificationJsonContext.Default.GetTypeInfo(typeof(T))!;
        return JsonSerializer.Deserialize(stream, typeInfo)
            ?? throw new InvalidDataException($"Embedded data file {name} is empty.");
    }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(RegionCatalogue.RegionData))]
[JsonSerializable(typeof(OutcomeCatalogue.OutcomeData))]
[JsonSerializable(typeof(CountryMatcher.CountryAliasData))]
[JsonSerializable(typeof(CountryMatcher.CountryNameData))]
[JsonSerializable(typeof(TopicTaxonomy.TopicData))]
[JsonSerializable(typeof(LabelCatalogue.LabelData))]
[JsonSerializable(typeof(FieldLabels.FieldData))]
[JsonSerializable(typeof(LanguageDetector.LanguageData))]
internal sealed partial class ClassificationJsonContext : JsonSerializerContext;
