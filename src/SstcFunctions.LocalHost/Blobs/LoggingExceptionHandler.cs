using System.Runtime.ExceptionServices;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Host.Timers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SstcFunctions.LocalHost.Blobs;

/// <summary>
/// What the WebJobs SDK does with an exception no listener caught. Its default rethrows it on a new thread, which
/// ends the process: the Functions host then restarts the worker, but the local host (and a test process hosting it)
/// would simply die, for instance when storage goes away while a queue message is being deleted. Here the exception
/// is logged and the listeners go on; the message whose completion failed reappears after its visibility timeout and
/// is processed again, so nothing is lost.
/// </summary>
internal sealed class LoggingExceptionHandlerFactory(ILoggerFactory loggers) : IWebJobsExceptionHandlerFactory
{
    public IWebJobsExceptionHandler Create(IHost jobHost) => new Handler(loggers.CreateLogger("SstcFunctions.LocalHost.WebJobs"));

    private sealed class Handler(ILogger logger) : IWebJobsExceptionHandler
    {
        public void Initialize(JobHost host) { }

        public Task OnTimeoutExceptionAsync(ExceptionDispatchInfo exceptionInfo, TimeSpan timeoutGracePeriod)
        {
            logger.LogError(exceptionInfo.SourceException, "A function timed out; its message will be delivered again.");
            return Task.CompletedTask;
        }

        public Task OnUnhandledExceptionAsync(ExceptionDispatchInfo exceptionInfo)
        {
            logger.LogError(exceptionInfo.SourceException, "Unhandled exception in the blob listener; it goes on listening.");
            return Task.CompletedTask;
        }
    }
}
