using Microsoft.Extensions.DependencyInjection;
using Mla.Api.Features.Documents;
using Mla.Api.Features.Requests;
using Mla.Domain.Requests;

namespace Mla.Benchmarks.Load;

/// <summary>
/// Counts the transmission PDFs the API renders: one per transmission when the peeked reference number
/// was still free at commit, two when another transmission took it meanwhile (the second one rendered
/// while holding the write lock).
/// </summary>
public sealed class RenderCounter
{
    private long _count;

    /// <summary>False when this build of the API gives the harness no seam to count renderings.</summary>
    public static bool Available => true;

    public long Count => Interlocked.Read(ref _count);

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    /// <summary>Wraps the API's transmitted documents with a counting decorator.</summary>
    public void Register(IServiceCollection services) =>
        services.AddScoped<ITransmittedDocuments>(provider => new Counting(provider.GetRequiredService<RequestDocuments>(), this));

    private sealed class Counting(ITransmittedDocuments inner, RenderCounter counter) : ITransmittedDocuments
    {
        public Task<RenderedDocument> RenderAsync(AccessibleRequest request, RequestContent content, DateOnly transmittedOn, ReferenceNumber number, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref counter._count);
            return inner.RenderAsync(request, content, transmittedOn, number, cancellationToken);
        }

        public Task FreezeAsync(Guid requestId, RenderedDocument document, int requestVersion, CancellationToken cancellationToken) =>
            inner.FreezeAsync(requestId, document, requestVersion, cancellationToken);
    }
}
