using Microsoft.AspNetCore.Http.Features;
using Mla.Api.Features.Audit;
using Mla.Api.Features.Auth;
using Mla.Api.Features.Documents;
using Mla.Api.Features.Notifications;
using Mla.Api.Features.Progress;
using Mla.Api.Features.Reports;
using Mla.Api.Infrastructure.Hosting;

namespace Mla.Api.Features;

/// <summary>
/// The services of every feature area, in one place, an area a section: what each area's handlers take beside
/// the session, its settings (bound by <see cref="BoundOptions.AddBoundOptions{TOptions}"/>), its background jobs,
/// and the small interfaces through which Requests reaches the areas that depend on it.
/// </summary>
public static class FeatureServiceCollectionExtensions
{
    public static IServiceCollection AddMlaFeatures(this IServiceCollection services)
    {
        // Requests: the request's store, access gate, steps and reader.
        services.AddScoped<RequestStore>();
        services.AddScoped<RequestAccess>();
        services.AddScoped<RequestTimeline>();
        services.AddScoped<RequestReader>();
        services.AddScoped<RequestSteps>();
        services.AddScoped<RequestContentValidator>();
        services.AddScoped<DraftContentValidator>();
        services.AddScoped<ReferenceCodes>();
        services.AddScoped<ReferenceNumbers>();
        services.AddSingleton<CounterTurns>();
        services.AddScoped<RecordVerifier>();
        // Resolved with each command's own validators; the constraint limits it to transitions.
        services.AddScoped(typeof(IValidator<>), typeof(TransitionCommandValidator<>));

        // Documents: the request document, its signature, the check of served bytes.
        services.AddBoundOptions<DocumentOptions>(DocumentOptions.SectionName);
        services.AddScoped<RequestDocuments>();
        services.AddScoped<ServedBytesCheck>();
        services.AddSingleton<SigningCertificates>();
        services.AddScoped<ITransmittedDocuments>(provider => provider.GetRequiredService<RequestDocuments>());
        // Let an oversize annex reach the handler, which answers with a clear 413 problem; a little slack
        // covers the multipart envelope.
        services.AddOptions<FormOptions>().Configure<DocumentOptions>((form, documents) =>
            form.MultipartBodyLengthLimit = documents.MaxAttachmentBytes + (1024 * 1024));

        // Audit: checkpoints, the job that writes them, and the verifier of every record.
        services.AddBoundOptions<AuditOptions>(AuditOptions.SectionName);
        services.AddSingleton<CheckpointKey>();
        services.AddSingleton<LatestCheckpoint>();
        services.AddSingleton<IChainAnchors>(provider => provider.GetRequiredService<LatestCheckpoint>());
        services.AddScoped<CheckpointWriter>();
        services.AddScoped<AuditVerifier>();
        services.AddHostedService<CheckpointJob>();

        // Progress: deadline figures, search settings, and the backfill of the stored schedule.
        services.AddBoundOptions<DeadlineOptions>(DeadlineOptions.SectionName);
        services.AddSingleton<IDeadlineFigures>(provider => provider.GetRequiredService<DeadlineOptions>());
        services.AddBoundOptions<SearchOptions>(SearchOptions.SectionName)
            .Validate(options => options.TotalCap >= 1, "Search:TotalCap must be at least 1.").ValidateOnStart();
        services.AddSingleton<ProgressBackfill>();
        services.AddHostedService<ProgressBackfillJob>();

        // Reports: the plenary figures and who may read them.
        services.AddScoped<PlenaryFigures>();
        services.AddScoped<PlenaryReportAccess>();

        // Notifications: the user's preferences, what moved, and e-mail notices.
        services.AddBoundOptions<NoticeOptions>(NoticeOptions.SectionName);
        services.AddScoped<MeReader>();
        services.AddScoped<UpdateFeed>();
        services.AddScoped<IUnreadUpdates>(provider => provider.GetRequiredService<UpdateFeed>());
        services.AddScoped<NoticeOutbox>();
        services.AddScoped<IRequestEventListener, RequestEventFollowUp>();
        services.AddSingleton<NoticeDispatcher>();
        services.AddSingleton<OverdueDigests>();
        services.AddHostedService<NoticeWorker>();
        return services;
    }
}
