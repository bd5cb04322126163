using System;
using Dispatcher;
using Dispatcher.Working;

// A job dispatcher (a ROUTER on the generic host) and worker processes (DEALERs on the generic host), started by
// this program: "dotnet run --project samples/Dispatcher". Exits 0 only when the whole scenario happened.
if (args.Length > 0 && args[0] == "worker")
{
    return await WorkerProgram.RunAsync(args);
}

await using var scenario = new Scenario();
try
{
    return await scenario.RunAsync();
}
catch (ScenarioFailedException failed)
{
    Console.Error.WriteLine(failed.Message);
    return 1;
}
