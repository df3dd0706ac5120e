using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MailKit.Security;
using MimeKit;
using Mla.Api.Features.Notifications;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Mla.Api.Tests.Features.Notifications;

/// <summary>
/// A real SMTP server in the test process (the SmtpServer package) on a free local port, keeping every
/// message it accepted. It can be down (not yet started, or stopped) and come back on the same port.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly MessageKeeper _keeper = new();
    private CancellationTokenSource? _running;
    private Task? _serving;

    public TestSmtpServer() => Port = FreePort();

    public int Port { get; }

    /// <summary>Every message accepted, in order.</summary>
    public IReadOnlyList<MimeMessage> Received => [.. _keeper.Messages];

    /// <summary>The settings of a Mla instance sending through this server.</summary>
    public SmtpOptions Options => new()
    {
        Host = "127.0.0.1",
        Port = Port,
        Security = SecureSocketOptions.None,
        From = "mla@justice.example",
        Timeout = TimeSpan.FromSeconds(10),
    };

    public async Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_keeper);
        var server = new SmtpServer.SmtpServer(options, services);
        _running = new CancellationTokenSource();
        _serving = server.StartAsync(_running.Token);
        // Up once it accepts a connection.
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(20);
            }
        }

        throw new InvalidOperationException("The test SMTP server did not start.");
    }

    public async Task StopAsync()
    {
        if (_running is null)
        {
            return;
        }

        await _running.CancelAsync();
        try
        {
            await _serving!;
        }
        catch (OperationCanceledException)
        {
        }

        _running.Dispose();
        _running = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class MessageKeeper : IMessageStore
    {
        public ConcurrentQueue<MimeMessage> Messages { get; } = new();

        public async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            Messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
