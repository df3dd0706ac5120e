using Mla.Api.Infrastructure.Hosting;

// Verbs (migrate, ...) run a maintenance task and exit; without a verb the API is served.
var verb = CommandLineVerb.Parse(args);
var app = MlaApplication.Build(verb.HostArguments, serving: verb.Name is null);
return await verb.RunAsync(app);

/// <summary>Entry point, visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
