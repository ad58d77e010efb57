using System.Reflection;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using SstcFunctions.FunctionApp.Functions;
using SstcFunctions.TestSupport;

namespace SstcFunctions.Infra.Tests;

/// <summary>
/// What Azure would receive from infra/: Flex Consumption running .NET 10 isolated, storage reached only through the
/// user-assigned identity with the least data roles, and Event Grid feeding IngestBrochure's blob webhook.
/// Values are read, not just looked for: a wrong SKU, runtime, role or filter fails here.
/// </summary>
[Collection(CompiledInfrastructureCollection.Name)]
public sealed class InfrastructureTests(CompiledInfrastructure infra)
{
    private static class Roles
    {
        public const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
        public const string StorageBlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
        public const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
        public const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
        public const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    }

    private const string AppIdentityPrincipal = "[parameters('identityPrincipalId')]";

    /// <summary>IngestBrochure's [Function] name and [BlobTrigger] container, as the app declares them.</summary>
    private static readonly (string FunctionName, string Container) BlobFunction = ReadBlobFunction();

    [Fact]
    public void Every_bicep_file_compiles_and_lints_without_a_warning()
    {
        var sources = Directory.GetFiles(Path.Combine(SharedFixtures.RepositoryRoot, "infra"), "*.bicep", SearchOption.AllDirectories);
        Assert.NotEmpty(sources);
        foreach (var source in sources)
        {
            var relative = Path.GetRelativePath(Path.Combine(SharedFixtures.RepositoryRoot, "infra"), source);
            Assert.True(File.Exists(Path.Combine(infra.OutputDirectory, Path.ChangeExtension(relative, ".json"))), $"{relative} was not compiled");
        }
        Assert.DoesNotContain("Warning", infra.BuildOutput);
        Assert.DoesNotContain("Error", infra.BuildOutput);
    }

    [Fact]
    public void The_plan_is_flex_consumption_FC1()
    {
        var plan = Arm.Single(infra.Main, "Microsoft.Web/serverfarms");
        Assert.Equal("FC1", Arm.At(plan, "sku.name").GetString());
        Assert.Equal("FlexConsumption", Arm.At(plan, "sku.tier").GetString());
        Assert.True(Arm.At(plan, "properties.reserved").GetBoolean(), "Flex Consumption runs on Linux");
    }

    [Fact]
    public void The_app_runs_dotnet_isolated_10_as_the_user_assigned_identity()
    {
        var site = Arm.Single(infra.Main, "Microsoft.Web/sites");
        Assert.Equal("dotnet-isolated", Arm.At(site, "properties.functionAppConfig.runtime.name").GetString());
        Assert.Equal("10.0", Arm.At(site, "properties.functionAppConfig.runtime.version").GetString());
        Assert.Equal("functionapp,linux", site.GetProperty("kind").GetString());
        Assert.Equal("UserAssigned", Arm.At(site, "identity.type").GetString());
        Assert.Equal("UserAssignedIdentity", Arm.At(site, "properties.functionAppConfig.deployment.storage.authentication.type").GetString());
        Assert.True(Arm.At(site, "properties.httpsOnly").GetBoolean());
    }

    [Fact]
    public void The_storage_account_refuses_shared_keys_and_anonymous_reads()
    {
        var account = Arm.Single(infra.Main, "Microsoft.Storage/storageAccounts");
        Assert.Equal(JsonValueKind.False, Arm.At(account, "properties.allowSharedKeyAccess").ValueKind);
        Assert.Equal(JsonValueKind.False, Arm.At(account, "properties.allowBlobPublicAccess").ValueKind);
    }

    [Fact]
    public void No_app_setting_holds_a_storage_connection_string_or_key_and_storage_is_reached_by_identity()
    {
        var settings = Arm.Single(infra.Main, "Microsoft.Web/sites/config");
        Assert.EndsWith("'appsettings')]", settings.GetProperty("name").GetString());
        var values = settings.GetProperty("properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString());
        Assert.NotEmpty(values);
        foreach (var (name, value) in values)
        {
            foreach (var secret in new[] { "AccountKey=", "DefaultEndpointsProtocol", "SharedAccessSignature", "SharedAccessKey", "listKeys(", "UseDevelopmentStorage" })
            {
                Assert.False(value.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{name} contains {secret}: {value}");
            }
            Assert.False(name is "AzureWebJobsStorage" or "CatalogueStorage", $"{name} is a connection-string setting");
            if (name != "APPLICATIONINSIGHTS_CONNECTION_STRING") Assert.False(name.EndsWith("ConnectionString", StringComparison.OrdinalIgnoreCase), name);
        }
        foreach (var connection in new[] { "AzureWebJobsStorage", "CatalogueStorage" })
        {
            Assert.Equal("managedidentity", values[$"{connection}__credential"]);
            Assert.Equal("[parameters('identityClientId')]", values[$"{connection}__clientId"]);
            Assert.Contains("primaryEndpoints.blob", values[$"{connection}__blobServiceUri"]);
            Assert.Contains("primaryEndpoints.table", values[$"{connection}__tableServiceUri"]);
        }
        Assert.Contains("primaryEndpoints.queue", values["AzureWebJobsStorage__queueServiceUri"]);
        Assert.Equal("[format('ClientId={0};Authorization=AAD', parameters('identityClientId'))]", values["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
        // Nothing in the main deployment reads any key.
        Assert.DoesNotContain("listKeys", infra.Main.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_host_home_page_is_disabled_because_a_function_serves_the_site_root()
    {
        // The app declares a function on "/" (the dashboard) with no route prefix; the Functions host would otherwise
        // answer / with its own home page.
        var rootRoutes = FunctionRoutes().Where(route => route.Trim('/').Length == 0).ToList();
        Assert.NotEmpty(rootRoutes);
        var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedFixtures.RepositoryRoot, "host.json"))).RootElement;
        Assert.Equal("", hostJson.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());

        var settings = Arm.Single(infra.Main, "Microsoft.Web/sites/config");
        var values = settings.GetProperty("properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        Assert.True(values.TryGetValue("AzureWebJobsDisableHomepage", out var disabled), "AzureWebJobsDisableHomepage is not set");
        // App settings are strings: a Bicep bool would deploy as "True", which the host reads too, but keep it exact.
        Assert.Equal(JsonValueKind.String, disabled.ValueKind);
        Assert.Equal("true", disabled.GetString());
    }

    [Fact]
    public void The_worker_limits_malloc_arenas_as_the_benchmark_measured_it()
    {
        // scripts/bench-catalogue.sh starts the host with the same setting; the RSS figure holds only with it.
        var settings = Arm.Single(infra.Main, "Microsoft.Web/sites/config");
        var values = settings.GetProperty("properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        Assert.True(values.TryGetValue("MALLOC_ARENA_MAX", out var arenas), "MALLOC_ARENA_MAX is not set");
        Assert.Equal("2", arenas.GetString());
        var bench = File.ReadAllText(Path.Combine(SharedFixtures.RepositoryRoot, "scripts", "bench-catalogue.sh"));
        Assert.Contains("MALLOC_ARENA_MAX=2", bench);
    }

    private static IEnumerable<string> FunctionRoutes() =>
        typeof(IngestBrochureFunction).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods())
            .Where(method => method.GetCustomAttribute<FunctionAttribute>() is not null)
            .SelectMany(method => method.GetParameters())
            .Select(parameter => parameter.GetCustomAttribute<HttpTriggerAttribute>()?.Route)
            .OfType<string>();

    [Fact]
    public void The_app_identity_gets_blob_queue_and_table_data_roles_on_the_storage_account_and_nothing_broader()
    {
        var rbac = Arm.Module(infra.Main, "rbac");
        var assignments = Arm.OfType(rbac, "Microsoft.Authorization/roleAssignments")
            .Select(a => (Role: RoleId(a), Principal: Arm.At(a, "properties.principalId").GetString(), Type: Arm.At(a, "properties.principalType").GetString(), Scope: a.GetProperty("scope").GetString()))
            .ToList();
        var app = assignments.Where(a => a.Principal == AppIdentityPrincipal).ToList();

        Assert.Equal(
            new[] { Roles.StorageBlobDataOwner, Roles.StorageQueueDataContributor, Roles.StorageTableDataContributor, Roles.MonitoringMetricsPublisher }.Order(),
            app.Select(a => a.Role).Order());
        Assert.All(app, a => Assert.Equal("ServicePrincipal", a.Type));
        Assert.All(app.Where(a => a.Role != Roles.MonitoringMetricsPublisher), a =>
            Assert.Equal("[resourceId('Microsoft.Storage/storageAccounts', parameters('storageAccountName'))]", a.Scope));

        // The principal is the user-assigned identity the app runs as.
        var principal = Arm.At(Arm.Deployment(infra.Main, "rbac"), "properties.parameters.identityPrincipalId.value").GetString()!;
        Assert.Contains("'Microsoft.Resources/deployments', 'identity')", principal);
        Assert.EndsWith(".outputs.principalId.value]", principal);
        var identityOutput = Arm.At(Arm.Module(infra.Main, "identity"), "outputs.principalId.value").GetString()!;
        Assert.Contains("Microsoft.ManagedIdentity/userAssignedIdentities", identityOutput);

        // The deploying user may upload brochures, no more.
        var user = Assert.Single(assignments, a => a.Principal == "[parameters('userPrincipalId')]");
        Assert.Equal(Roles.StorageBlobDataContributor, user.Role);
    }

    [Fact]
    public void Event_grid_watches_the_storage_account_and_may_write_only_its_dead_letters()
    {
        var events = Arm.Module(infra.Main, "events");
        var topic = Arm.Single(events, "Microsoft.EventGrid/systemTopics");
        Assert.Equal("Microsoft.Storage.StorageAccounts", Arm.At(topic, "properties.topicType").GetString());
        Assert.Equal("[resourceId('Microsoft.Storage/storageAccounts', parameters('storageAccountName'))]", Arm.At(topic, "properties.source").GetString());

        var deadLetterRole = Arm.Single(events, "Microsoft.Authorization/roleAssignments");
        Assert.Equal(Roles.StorageBlobDataContributor, RoleId(deadLetterRole));
        Assert.Equal("[resourceId('Microsoft.Storage/storageAccounts/blobServices/containers', parameters('storageAccountName'), 'default', parameters('deadLetterContainer'))]",
            deadLetterRole.GetProperty("scope").GetString());
        Assert.Contains("Microsoft.EventGrid/systemTopics", Arm.At(deadLetterRole, "properties.principalId").GetString());
    }

    [Fact]
    public void The_subscription_sends_BlobCreated_events_of_the_trigger_container_to_the_functions_blob_webhook()
    {
        var subscription = Arm.OfType(infra.BlobEvents, "Microsoft.EventGrid/systemTopics/eventSubscriptions")
            .Single(s => Arm.At(s, "properties.destination.properties.endpointUrl").GetString()!.Contains("runtime/webhooks/blobs"));

        Assert.Equal($"/blobServices/default/containers/{BlobFunction.Container}/", Arm.At(subscription, "properties.filter.subjectBeginsWith").GetString());
        Assert.Equal("/blobServices/default/containers/brochures/", Arm.At(subscription, "properties.filter.subjectBeginsWith").GetString());
        Assert.Equal(["Microsoft.Storage.BlobCreated"], Arm.At(subscription, "properties.filter.includedEventTypes").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("EventGridSchema", Arm.At(subscription, "properties.eventDeliverySchema").GetString());

        Assert.Equal("WebHook", Arm.At(subscription, "properties.destination.endpointType").GetString());
        var endpoint = Arm.At(subscription, "properties.destination.properties.endpointUrl").GetString()!;
        Assert.StartsWith("[format('https://{0}/runtime/webhooks/blobs?", endpoint);
        Assert.Contains($"?functionName=Host.Functions.{BlobFunction.FunctionName}&code={{1}}'", endpoint);
        Assert.Equal("IngestBrochure", BlobFunction.FunctionName);
        // The key is the blob extension's system key, read by the deployment itself.
        Assert.Contains("listKeys(format('{0}/host/default', resourceId('Microsoft.Web/sites', parameters('functionAppName'))), '2023-12-01').systemKeys.blobs_extension", endpoint);

        Assert.Equal(30, Arm.At(infra.BlobEvents, "parameters.maxDeliveryAttempts.defaultValue").GetInt32());
        Assert.Equal("[parameters('maxDeliveryAttempts')]", Arm.At(subscription, "properties.retryPolicy.maxDeliveryAttempts").GetString());
        Assert.Equal("StorageBlob", Arm.At(subscription, "properties.deadLetterWithResourceIdentity.deadLetterDestination.endpointType").GetString());
    }

    [Fact]
    public void A_second_subscription_sends_BlobDeleted_events_of_the_trigger_container_to_the_BlobDeleted_function()
    {
        var subscription = Arm.OfType(infra.BlobEvents, "Microsoft.EventGrid/systemTopics/eventSubscriptions")
            .Single(s => Arm.At(s, "properties.destination.properties.endpointUrl").GetString()!.Contains("api/events/blob-deleted"));

        Assert.Equal(["Microsoft.Storage.BlobDeleted"], Arm.At(subscription, "properties.filter.includedEventTypes").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal($"/blobServices/default/containers/{BlobFunction.Container}/", Arm.At(subscription, "properties.filter.subjectBeginsWith").GetString());
        var endpoint = Arm.At(subscription, "properties.destination.properties.endpointUrl").GetString()!;
        Assert.StartsWith("[format('https://{0}/api/events/blob-deleted?code={1}'", endpoint);
        Assert.Contains("functionKeys.default", endpoint);
        // The route the subscription calls is the BlobDeleted function's own route.
        var function = typeof(SstcFunctions.FunctionApp.Functions.BlobDeletedFunction).GetMethod("Run")!.GetParameters()
            .Select(p => p.GetCustomAttributes(typeof(Microsoft.Azure.Functions.Worker.HttpTriggerAttribute), false).OfType<Microsoft.Azure.Functions.Worker.HttpTriggerAttribute>().FirstOrDefault())
            .First(a => a is not null)!;
        Assert.Equal("api/events/blob-deleted", function.Route);
        Assert.Equal("StorageBlob", Arm.At(subscription, "properties.deadLetterWithResourceIdentity.deadLetterDestination.endpointType").GetString());
    }

    [Fact]
    public void Outputs_give_the_api_url_and_what_the_postdeploy_hook_needs()
    {
        var outputs = infra.Main.GetProperty("outputs");
        Assert.Equal("[format('{0}/api', reference(extensionResourceId(format('/subscriptions/{0}/resourceGroups/{1}', subscription().subscriptionId, if(not(empty(parameters('resourceGroupName'))), parameters('resourceGroupName'), format('rg-{0}', parameters('environmentName')))), 'Microsoft.Resources/deployments', 'app'), '2025-04-01').outputs.uri.value)]",
            Arm.At(outputs, "API_URL.value").GetString());
        Assert.Equal("[format('https://{0}', reference(resourceId('Microsoft.Web/sites', parameters('name')), '2024-04-01').defaultHostName)]",
            Arm.At(Arm.Module(infra.Main, "app"), "outputs.uri.value").GetString());

        // Every required parameter of the subscription template is passed by both hook scripts, from an azd output.
        var required = infra.BlobEvents.GetProperty("parameters").EnumerateObject().Where(p => !p.Value.TryGetProperty("defaultValue", out _)).Select(p => p.Name).ToList();
        Assert.Equal(["functionAppName", "systemTopicName", "storageAccountName"], required);
        foreach (var script in new[] { "postdeploy.sh", "postdeploy.ps1" })
        {
            var text = File.ReadAllText(Path.Combine(SharedFixtures.RepositoryRoot, "infra", "hooks", script));
            Assert.Contains("infra/hooks/blob-events.bicep", text);
            foreach (var parameter in required) Assert.Contains($"{parameter}=", text);
        }
        foreach (var output in new[] { "AZURE_RESOURCE_GROUP", "AZURE_FUNCTION_APP_NAME", "AZURE_STORAGE_ACCOUNT_NAME", "AZURE_EVENTGRID_SYSTEM_TOPIC_NAME", "SERVICE_API_URI" })
        {
            Assert.True(outputs.TryGetProperty(output, out _), $"main.bicep does not output {output}");
        }
        var azureYaml = File.ReadAllText(Path.Combine(SharedFixtures.RepositoryRoot, "azure.yaml"));
        Assert.Contains("run: infra/hooks/postdeploy.sh", azureYaml);
        Assert.Contains("run: infra/hooks/postdeploy.ps1", azureYaml);
    }

    private static string RoleId(JsonElement assignment)
    {
        var expression = Arm.At(assignment, "properties.roleDefinitionId").GetString()!;
        const string prefix = "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '";
        Assert.StartsWith(prefix, expression);
        return expression[prefix.Length..expression.IndexOf('\'', prefix.Length)];
    }

    private static (string, string) ReadBlobFunction()
    {
        var method = typeof(IngestBrochureFunction).GetMethod(nameof(IngestBrochureFunction.Run))!;
        var trigger = method.GetParameters().Select(p => p.GetCustomAttribute<BlobTriggerAttribute>()).Single(a => a is not null)!;
        return (method.GetCustomAttribute<FunctionAttribute>()!.Name, trigger.BlobPath.Split('/')[0]);
    }
}
