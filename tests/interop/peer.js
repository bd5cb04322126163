// A libzmq peer (npm zeromq 6.8.0, libzmq 4.3.5 with the draft API) that reads and writes Lifeline frames
// using nothing but docs/wire-format.md. Driven by tests/RuntimeTests/Interop as a child process: it prints
// one line per event on stdout and exits when its mode is done (or when killed).
"use strict";
process.removeAllListeners("warning"); // the draft API warns on stderr at load; the tests read stdout only
const zmq = require("zeromq");
const draft = require("zeromq/draft");
const { encode, decode } = require("@msgpack/msgpack");

const ZMQ_HELLO_MSG = 110;
const ZMQ_DISCONNECT_MSG = 111;
const ZMQ_HICCUP_MSG = 114;
const MAGIC = [0xc1, 0x4c, 0x46, 0x4c];
const HELLO = 1;
const DISCONNECT = 2;

// Frame layout (wire-format.md): magic, version 1, kind, big-endian uint32 id, then a MessagePack map.
function frame(kind, id, body) {
  const header = Buffer.alloc(10);
  Buffer.from(MAGIC).copy(header, 0);
  header[4] = 1;
  header[5] = kind;
  header.writeUInt32BE(id, 6);
  return Buffer.concat([header, Buffer.from(encode(body))]);
}

function parse(bytes) {
  const buffer = Buffer.from(bytes);
  if (buffer.length < 10 || !MAGIC.every((b, i) => buffer[i] === b)) {
    return { lifecycle: false, text: buffer.toString("utf8") };
  }
  // Version 2 is a sealed disconnect: a 16-byte seal sits between the header and the body (which a host's own
  // disconnect leaves empty). A peer only ever sees one through NetMQ's leak of a closing socket's disconnect.
  const offset = buffer[4] === 2 ? 26 : 10;
  return {
    lifecycle: true,
    version: buffer[4],
    kind: buffer[5],
    id: "0x" + buffer.readUInt32BE(6).toString(16).toUpperCase().padStart(8, "0"),
    body: buffer.length > offset ? decode(buffer.subarray(offset)) : null,
  };
}

const say = (event, detail) => process.stdout.write(JSON.stringify({ event, ...detail }) + "\n");
const hex = (bytes) => Buffer.from(bytes).toString("hex").toUpperCase();

const modes = {
  // A libzmq DEALER whose native hello is a Lifeline ClientHello (id 0x1001).
  async "dealer-hello"(endpoint, name) {
    const dealer = new zmq.Dealer();
    dealer.setStringOption(ZMQ_HELLO_MSG, frame(HELLO, 0x1001, { Name: name, Version: 20 }));
    dealer.connect(endpoint);
    await dealer.send("from-node");
    say("ready");
    for await (const [message] of dealer) {
      say("received", parse(message));
    }
  },

  // A libzmq DEALER that sends Lifeline frames built here as ordinary messages: bodies of other record versions.
  // One connection per frame, each frame as that connection's native hello (its first message), then "done".
  async "send-frames"(endpoint, json) {
    const dealers = [];
    for (const { kind, id, body } of JSON.parse(json)) {
      const dealer = new zmq.Dealer();
      dealer.setStringOption(ZMQ_HELLO_MSG, frame(kind, id, body));
      dealer.connect(endpoint);
      await dealer.send("done");
      dealers.push(dealer);
    }
    say("sent");
    // Stay connected until killed, so nothing is lost in flight.
    await Promise.all(dealers.map(async (dealer) => { for await (const _ of dealer) { } }));
  },

  // A libzmq DEALER that decodes the Lifeline hello a server sends it first.
  async "read-hello"(endpoint) {
    const dealer = new zmq.Dealer();
    dealer.connect(endpoint);
    const [first] = await dealer.receive();
    say("hello", parse(first));
    dealer.close();
  },

  // A libzmq ROUTER whose native hello and disconnect messages are Lifeline frames; reports what it receives.
  async "router-disconnect"(count) {
    const router = new zmq.Router();
    router.setStringOption(ZMQ_HELLO_MSG, frame(HELLO, 0x1002, { Server: "libzmq", StartedAtUnixMs: 1700000000000 }));
    router.setStringOption(ZMQ_DISCONNECT_MSG, frame(DISCONNECT, 0x2001, { Reason: "libzmq saw you leave" }));
    await router.bind("tcp://127.0.0.1:*");
    say("bound", { endpoint: router.lastEndpoint });
    for (let i = 0; i < Number(count); i++) {
      const frames = await router.receive();
      say("received", { frames: frames.map(hex) });
    }
    router.close();
  },

  // A libzmq CLIENT with a Lifeline hello and a native hiccup message: reports hellos and hiccups it receives.
  async "client-hiccup"(endpoint) {
    const client = new draft.Client();
    const hiccup = Buffer.from("HICCUP");
    client.setStringOption(ZMQ_HELLO_MSG, frame(HELLO, 0x1001, { Name: "node-client", Version: 3 }));
    client.setStringOption(ZMQ_HICCUP_MSG, hiccup);
    client.reconnectInterval = 50;
    client.connect(endpoint);
    say("ready");
    for await (const [message] of client) {
      const parsed = parse(message);
      const event = Buffer.compare(Buffer.from(message), hiccup) === 0 ? "hiccup"
        : parsed.lifecycle && parsed.version === 2 ? "leaked" : "received";
      say(event, parsed);
    }
  },
};

const [mode, ...args] = process.argv.slice(2);
if (!modes[mode]) {
  process.stderr.write(`usage: node peer.js <${Object.keys(modes).join("|")}> args...\n`);
  process.exit(2);
}
modes[mode](...args).then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(String(error && error.stack || error) + "\n");
    process.exit(1);
  });
