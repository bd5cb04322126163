using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Lifeline.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dispatcher.Working;

/// <summary>A worker process: a DEALER hosted on the generic host, which says hello with its capabilities.</summary>
public static class WorkerProgram
{
    /// <summary>worker NAME ENDPOINT CAPABILITY[,CAPABILITY...] JOB_MILLISECONDS</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length != 5)
        {
            Console.Error.WriteLine("usage: Dispatcher worker NAME ENDPOINT CAPABILITIES JOB_MS");
            return 2;
        }

        var settings = new WorkerSettings(args[1], args[2], args[3].Split(','), TimeSpan.FromMilliseconds(int.Parse(args[4], CultureInfo.InvariantCulture)));
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(options => options.SingleLine = true);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Services.AddSingleton(settings);
        builder.Services.AddLifelineDealer<WorkerHub>(options =>
        {
            options.Connect.Add(settings.Endpoint);
            options.SetHello(new WorkerHello(settings.Name, settings.Capabilities.ToList(), Environment.ProcessId));
            options.HeartbeatInterval = TimeSpan.FromSeconds(1);
            options.ConfigureSocket = socket => socket.Options.ReconnectInterval = TimeSpan.FromMilliseconds(100);
        });
        using var host = builder.Build();

        // The dispatcher holds this process's standard input: when the dispatcher goes, so does the worker.
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        _ = Task.Run(async () =>
        {
            while (await Console.In.ReadLineAsync() is not null)
            {
            }

            lifetime.StopApplication();
        });
        await host.RunAsync();
        Console.WriteLine($"[{settings.Name}] stopped");
        return 0;
    }
}
