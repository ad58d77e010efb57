using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace SstcFunctions.LocalHost.Http;

/// <summary>
/// Maps each HTTP-triggered function to an ASP.NET Core endpoint that creates the function class through DI,
/// binds its parameters the way the isolated worker's ASP.NET Core integration does, and executes its
/// <see cref="IActionResult"/> through MVC so status codes, headers and ProblemDetails are the ones Azure sends.
/// </summary>
public static class HttpFunctionEndpoints
{
    public const string FunctionKeyHeader = "x-functions-key";

    public static IEndpointRouteBuilder MapHttpFunctions(
        this IEndpointRouteBuilder endpoints, IReadOnlyList<HttpFunctionRoute> routes, string routePrefix)
    {
        foreach (var route in routes)
        {
            var binders = route.Method.GetParameters().Select(p => ParameterBinder(route, p)).ToArray();
            var template = string.IsNullOrEmpty(routePrefix) ? route.Route : $"{routePrefix.Trim('/')}/{route.Route.TrimStart('/')}";
            endpoints.MapMethods(template, route.Methods, context => InvokeAsync(context, route, binders))
                .WithDisplayName($"Functions.{route.FunctionName}")
                .WithMetadata(route);
        }
        return endpoints;
    }

    private static async Task InvokeAsync(HttpContext context, HttpFunctionRoute route, Func<HttpContext, object?>[] binders)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<LocalHostOptions>>().Value;
        if (route.AuthLevel != AuthorizationLevel.Anonymous && !HasValidKey(context.Request, options.FunctionKey))
        {
            await ExecuteAsync(context, Unauthorized());
            return;
        }

        context.RequestServices.GetRequiredService<FunctionInvocationLog>().Record(route.FunctionName);
        var method = route.Method;
        var target = method.IsStatic ? null : ActivatorUtilities.CreateInstance(context.RequestServices, method.DeclaringType!);
        object? returned;
        try
        {
            returned = method.Invoke(target, binders.Select(bind => bind(context)).ToArray());
            returned = await UnwrapAsync(returned);
        }
        catch (TargetInvocationException invocation) when (invocation.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(invocation.InnerException).Throw();
            throw;
        }
        finally
        {
            if (target is IAsyncDisposable asyncDisposable) await asyncDisposable.DisposeAsync();
            else if (target is IDisposable disposable) disposable.Dispose();
        }

        switch (returned)
        {
            case IActionResult actionResult:
                await ExecuteAsync(context, actionResult);
                break;
            case IResult result:
                await result.ExecuteAsync(context);
                break;
            case null:
                break;
            default:
                await ExecuteAsync(context, new OkObjectResult(returned));
                break;
        }
    }

    private static Task ExecuteAsync(HttpContext context, IActionResult result) =>
        result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));

    private static IActionResult Unauthorized() =>
        SstcFunctions.FunctionApp.Http.ApiResults.Problem(StatusCodes.Status401Unauthorized, "A function key is required",
            $"Send the function key in the {FunctionKeyHeader} header or the code query parameter.");

    /// <summary>No key configured means open, like <c>func start</c>; otherwise the header or <c>?code=</c> must match.</summary>
    internal static bool HasValidKey(HttpRequest request, string? functionKey)
    {
        if (string.IsNullOrEmpty(functionKey)) return true;
        string? presented = request.Headers[FunctionKeyHeader].FirstOrDefault() ?? request.Query["code"].FirstOrDefault();
        return presented is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(functionKey));
    }

    private static async Task<object?> UnwrapAsync(object? returned)
    {
        switch (returned)
        {
            case Task task:
                await task;
                var type = task.GetType();
                return type.IsGenericType && type.GetProperty(nameof(Task<object>.Result)) is { } result && result.PropertyType.Name != "VoidTaskResult"
                    ? result.GetValue(task)
                    : null;
            case ValueTask valueTask:
                await valueTask;
                return null;
            default:
                if (returned?.GetType() is { IsGenericType: true } valueTaskType && valueTaskType.GetGenericTypeDefinition() == typeof(ValueTask<>))
                {
                    var asTask = (Task)valueTaskType.GetMethod(nameof(ValueTask<object>.AsTask))!.Invoke(returned, null)!;
                    return await UnwrapAsync(asTask);
                }
                return returned;
        }
    }

    /// <summary>What the isolated worker binds for an HTTP function: the request, route values by name, the abort token.</summary>
    private static Func<HttpContext, object?> ParameterBinder(HttpFunctionRoute route, ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        if (parameter.GetCustomAttribute<HttpTriggerAttribute>() is not null)
        {
            if (type != typeof(HttpRequest))
            {
                throw new NotSupportedException($"Function {route.FunctionName}: the local host binds [HttpTrigger] to HttpRequest only, not {type.Name}.");
            }
            return context => context.Request;
        }
        if (type == typeof(CancellationToken)) return context => context.RequestAborted;
        if (type == typeof(HttpContext)) return context => context;

        var name = parameter.Name!;
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target != typeof(string) && !target.IsPrimitive && target != typeof(Guid))
        {
            throw new NotSupportedException($"Function {route.FunctionName}: the local host cannot bind parameter '{name}' of type {type.Name}.");
        }
        return context =>
        {
            var value = context.GetRouteValue(name)?.ToString();
            if (value is null) return parameter.HasDefaultValue ? parameter.DefaultValue : null;
            if (target == typeof(string)) return value;
            if (target == typeof(Guid)) return Guid.Parse(value);
            return Convert.ChangeType(value, target, System.Globalization.CultureInfo.InvariantCulture);
        };
    }
}
