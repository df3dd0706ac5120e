using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Mla.Api.Features.Reference;
using Mla.Api.Infrastructure.Behaviours;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Infrastructure.Errors;
using Mla.Api.Infrastructure.Health;
using Scalar.AspNetCore;

namespace Mla.Api.Infrastructure.Hosting;

/// <summary>Composition of the service: registrations and the HTTP pipeline, in one readable place.</summary>
public static class MlaApplication
{
    /// <param name="args">Host arguments.</param>
    /// <param name="serving">False when a maintenance verb runs instead: nothing is migrated behind its back.</param>
    public static WebApplication Build(string[] args, bool serving = true)
    {
        var builder = WebApplication.CreateBuilder(args);

        builder.Services.AddMlaData();

        builder.Services.AddMediator((Mediator.MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors =
            [
                typeof(LoggingBehaviour<,>),
                typeof(ValidationBehaviour<,>),
                typeof(TransactionBehaviour<,>),
            ];
        });
        builder.Services.AddValidatorsFromAssemblyContaining<MlaApiAssembly>(ServiceLifetime.Scoped, includeInternalTypes: true);

        ConfigureJson(builder.Services);
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
        });
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        // Malformed JSON and wrong content types reach the exception handler, which answers with a problem.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(30));

        var app = builder.Build();

        if (serving && app.Services.GetRequiredService<DatabaseOptions>().MigrateAtStartup)
        {
            app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None).GetAwaiter().GetResult();
        }

        app.UseExceptionHandler();
        app.UseStatusCodePages();

        app.MapOpenApi();
        app.MapScalarApiReference();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });

        app.MapReferenceEndpoints();

        return app;
    }

    private static void ConfigureJson(IServiceCollection services) =>
        services.Configure<JsonOptions>(options =>
        {
            // Codes travel as kebab-case strings ("provisional-arrest"), never as numbers.
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
            options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        });
}

/// <summary>Marker for assembly scanning.</summary>
public sealed class MlaApiAssembly;
