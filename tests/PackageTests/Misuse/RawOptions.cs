using NetMQ.Sockets;

namespace Misuse;

public static class RawOptions
{
    // NetMQ would throw at run time; the package's analyzer makes it LFL0201 at compile time.
    public static void Configure(PushSocket push) => push.Options.DisconnectMessage = [1, 2, 3];
}
