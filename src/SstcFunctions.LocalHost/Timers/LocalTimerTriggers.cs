using System.Reflection;
using System.Runtime.ExceptionServices;
using Cronos;
using Microsoft.Azure.Functions.Worker;

namespace SstcFunctions.LocalHost.Timers;

/// <summary>One <c>[TimerTrigger]</c> function of the app: its name, NCRONTAB schedule (with seconds) and method.</summary>
public sealed record TimerTriggerFunction(string FunctionName, CronExpression Schedule, MethodInfo Method)
{
    public static IReadOnlyList<TimerTriggerFunction> ReadFrom(Assembly functionApp) =>
        functionApp.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Function: m.GetCustomAttribute<FunctionAttribute>(),
                Trigger: m.GetParameters().Select(p => p.GetCustomAttribute<TimerTriggerAttribute>()).FirstOrDefault(a => a is not null)))
            .Where(f => f.Function is not null && f.Trigger is not null)
            .Select(f => new TimerTriggerFunction(f.Function!.Name, CronExpression.Parse(f.Trigger!.Schedule, CronFormat.IncludeSeconds), f.Method))
            .ToList();
}

/// <summary>
/// Runs the app's timer-triggered functions on their schedules, as the Functions host does (UTC, one run at a time per
/// function, a failed run logged and the schedule kept). Time comes from a <see cref="TimeProvider"/>.
/// </summary>
public sealed class LocalTimerTriggers(IReadOnlyList<TimerTriggerFunction> functions, IServiceProvider services, TimeProvider time,
    ILogger<LocalTimerTriggers> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(functions.Select(f => RunScheduleAsync(f, stoppingToken)));

    private async Task RunScheduleAsync(TimerTriggerFunction function, CancellationToken stoppingToken)
    {
        logger.LogInformation("Timer trigger {Function}: {Schedule}", function.FunctionName, function.Schedule);
        try
        {
            while (function.Schedule.GetNextOccurrence(time.GetUtcNow(), TimeZoneInfo.Utc) is { } next)
            {
                var delay = next - time.GetUtcNow();
                if (delay > TimeSpan.Zero) await Task.Delay(delay, time, stoppingToken);
                try
                {
                    await InvokeAsync(function, stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(e, "Timer trigger {Function} failed; next run as scheduled", function.FunctionName);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Runs the function once now, as its schedule would.</summary>
    public async Task InvokeAsync(TimerTriggerFunction function, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var method = function.Method;
        var target = method.IsStatic ? null : ActivatorUtilities.CreateInstance(scope.ServiceProvider, method.DeclaringType!);
        var arguments = method.GetParameters().Select<ParameterInfo, object>(p =>
            p.ParameterType == typeof(CancellationToken) ? cancellationToken
            : p.ParameterType == typeof(TimerInfo) ? new TimerInfo()
            : throw new NotSupportedException($"The local host cannot bind parameter '{p.Name}' of timer function {function.FunctionName}.")).ToArray();
        try
        {
            if (method.Invoke(target, arguments) is Task task) await task;
        }
        catch (TargetInvocationException invocation) when (invocation.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(invocation.InnerException).Throw();
        }
    }
}
