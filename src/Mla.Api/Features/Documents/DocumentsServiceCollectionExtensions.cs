using Microsoft.AspNetCore.Http.Features;
using Mla.Api.Infrastructure.Hosting;

namespace Mla.Api.Features.Documents;

/// <summary>Registrations of the documents area.</summary>
public static class DocumentsServiceCollectionExtensions
{
    public static IServiceCollection AddMlaDocuments(this IServiceCollection services)
    {
        services.AddBoundOptions<DocumentOptions>(DocumentOptions.SectionName);
        services.AddScoped<RequestDocuments>();
        services.AddScoped<ServedBytesCheck>();
        services.AddSingleton<SigningCertificates>();
        services.AddScoped<ITransmittedDocuments>(provider => provider.GetRequiredService<RequestDocuments>());
        // Let an oversize annex reach the handler, which answers with a clear 413 problem; a little slack
        // covers the multipart envelope.
        services.AddOptions<FormOptions>().Configure<DocumentOptions>((form, documents) =>
            form.MultipartBodyLengthLimit = documents.MaxAttachmentBytes + (1024 * 1024));
        return services;
    }
}
