using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Mla.Api.Features;
using Mla.Api.Features.Admin;
using Mla.Api.Features.Audit;
using Mla.Api.Features.Auth;
using Mla.Api.Features.Directory;
using Mla.Api.Features.Documents;
using Mla.Api.Features.Notifications;
using Mla.Api.Features.Progress;
using Mla.Api.Features.Reference;
using Mla.Api.Features.Reports;
using Mla.Api.Infrastructure.Audit;
using Mla.Api.Infrastructure.Behaviours;
using Mla.Api.Infrastructure.Health;
using Mla.Api.Infrastructure.Http;
using Mla.Api.Infrastructure.OpenApi;

namespace Mla.Api.Infrastructure.Hosting;

/// <summary>Composition of the service: registrations and the HTTP pipeline, in one readable place.</summary>
public static class MlaApplication
{
    /// <summary>Seeds the demo accounts outside Development (never in Production).</summary>
    public const string SeedDemoFlag = "--seed-demo";

    /// <param name="args">Host arguments.</param>
    /// <param name="serving">False when a maintenance verb runs instead: nothing is migrated behind its back.</param>
    public static WebApplication Build(string[] args, bool serving = true)
    {
        var seedDemo = args.Contains(SeedDemoFlag);
        var builder = WebApplication.CreateBuilder(args.Where(arg => arg != SeedDemoFlag).ToArray());
        if (seedDemo)
        {
            builder.Configuration["Demo:Seed"] = "true";
        }

        builder.Services.AddMlaData();

        builder.Services.AddMediator((Mediator.MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors =
            [
                typeof(LoggingBehaviour<,>),
                typeof(ValidationBehaviour<,>),
                typeof(TransactionBehaviour<,>),
                typeof(IdempotencyBehaviour<,>),
            ];
        });
        builder.Services.AddValidatorsFromAssemblyContaining<MlaApiAssembly>(ServiceLifetime.Scoped, includeInternalTypes: true);
        // Beside each message's own validators: every string it carries is text (no control or bidi characters).
        builder.Services.AddScoped(typeof(IValidator<>), typeof(TextInputValidator<>));

        builder.Services.AddMlaAuth(builder.Configuration);
        builder.Services.AddScoped<AuditTrail>();
        builder.Services.AddSingleton<DemoAccounts>();
        builder.Services.AddSingleton<DemoRequests>();
        builder.Services.AddMlaFeatures();
        builder.Services.AddMlaPages();

        ConfigureJson(builder.Services);
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
        });
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        // Malformed JSON and wrong content types reach the exception handler, which answers with a problem.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

        builder.Services.AddMlaOpenApi();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<AppendOnlyHealthCheck>("append-only", tags: ["ready"]);
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(30));

        var app = builder.Build();

        // Resolved now so that a missing or malformed signing key (or checkpoint key) stops the start, not
        // the first sign-in or timeline. Maintenance verbs sign no tokens and run without a key.
        if (serving)
        {
            _ = app.Services.GetRequiredService<SigningKeyProvider>();
            _ = app.Services.GetRequiredService<CheckpointKey>();
        }

        if (serving && app.Services.GetRequiredService<DatabaseOptions>().MigrateAtStartup)
        {
            app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None).GetAwaiter().GetResult();
            var demo = app.Services.GetRequiredService<DemoAccounts>();
            if (demo.ShouldSeed)
            {
                demo.SeedAsync(CancellationToken.None).GetAwaiter().GetResult();
                app.Services.GetRequiredService<DemoRequests>().SeedAsync(CancellationToken.None).GetAwaiter().GetResult();
            }
        }

        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestTargetCheck();
        app.UseMlaPages();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();

        app.MapOpenApi().AllowAnonymous();
        app.MapMlaApiReference();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();

        app.MapAuthEndpoints();
        app.MapDirectoryEndpoints();
        app.MapAdminEndpoints();
        app.MapReferenceEndpoints();
        app.MapRequestEndpoints();
        app.MapDocumentsEndpoints();
        app.MapProgressEndpoints();
        app.MapReportsEndpoints();
        app.MapNotificationsEndpoints();
        app.MapMlaPages();

        return app;
    }

    // The JSON of minimal APIs (MVC's JsonOptions, imported with the pages' namespaces, is another type).
    private static void ConfigureJson(IServiceCollection services) =>
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(options => MlaJson.ApplyInputRules(MlaJson.ApplyConventions(options.SerializerOptions)));
}

/// <summary>Marker for assembly scanning.</summary>
public sealed class MlaApiAssembly;
