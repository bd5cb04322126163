using System.Globalization;
using NetMQ;

namespace Dispatcher.Dispatching;

/// <summary>A unit of work: a number to square, for a worker with the capability it needs.</summary>
public sealed record Job(int Id, string Capability, int Input)
{
    /// <summary>The application message that hands the job to a worker: "job", id, input.</summary>
    public NetMQMessage ToMessage()
    {
        var message = new NetMQMessage(3);
        message.Append("job");
        message.Append(Id.ToString(CultureInfo.InvariantCulture));
        message.Append(Input.ToString(CultureInfo.InvariantCulture));
        return message;
    }
}
