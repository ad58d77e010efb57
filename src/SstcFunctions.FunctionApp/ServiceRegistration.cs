using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SstcFunctions.FunctionApp;

/// <summary>Everything the function classes need, registered once for the Functions host and the local host alike.</summary>
public static class ServiceRegistration
{
    public static IServiceCollection AddSstcCatalogue(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }
}
