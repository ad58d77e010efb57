using System.Text.Json;

namespace SstcFunctions.LocalHost;

/// <summary>Reads the same local.settings.json Core Tools reads, so both local hosts share one set of settings.</summary>
internal static class LocalSettings
{
    public static Dictionary<string, string?> Read(string path)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (!File.Exists(path)) return settings;
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (document.RootElement.TryGetProperty("Values", out var values) && values.ValueKind == JsonValueKind.Object)
        {
            foreach (var value in values.EnumerateObject())
            {
                settings[value.Name.Replace("__", ":")] = value.Value.ValueKind == JsonValueKind.String ? value.Value.GetString() : value.Value.GetRawText();
            }
        }
        if (document.RootElement.TryGetProperty("Host", out var host) && host.TryGetProperty("LocalHttpPort", out var port))
        {
            settings[$"{LocalHostOptions.Section}:Port"] = port.GetRawText();
        }
        return settings;
    }
}
