using System.Diagnostics;

namespace Mla.Api.Infrastructure.Behaviours;

/// <summary>
/// First in the pipeline: logs which message ran, how long it took and whether it failed. Only the
/// message's type name is logged, never its content, which may hold personal data.
/// </summary>
public sealed partial class LoggingBehaviour<TMessage, TResponse>(ILogger<LoggingBehaviour<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    // Computed once per closed generic type, not per message.
    private static readonly string MessageTypeName = typeof(TMessage).Name;

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogHandled(logger, MessageTypeName, elapsed);
            return response;
        }
        catch (Exception exception)
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var exceptionType = exception.GetType().Name;
            LogFailed(logger, MessageTypeName, elapsed, exceptionType);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Handled {MessageType} in {ElapsedMs:0.0} ms")]
    private static partial void LogHandled(ILogger logger, string messageType, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{MessageType} failed after {ElapsedMs:0.0} ms with {ExceptionType}")]
    private static partial void LogFailed(ILogger logger, string messageType, double elapsedMs, string exceptionType);
}
