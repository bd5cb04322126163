// A libzmq peer (npm zeromq 6.8.0, libzmq 4.3.5 with the draft API) that reads and writes Lifeline frames using
// nothing but docs/wire-format.md and the schema file the build writes (docs/schema.md): it knows no record. Driven
// by tests/RuntimeTests/Interop as a child process, with the schema's path in LIFELINE_SCHEMA and each message to
// send as {"record": name or schema record, "body": {...}}: it prints one line per event on stdout and exits when
// its mode is done (or when killed).
"use strict";
process.removeAllListeners("warning"); // the draft API warns on stderr at load; the tests read stdout only
const zmq = require("zeromq");
const draft = require("zeromq/draft");
const codec = require("./schema");

const ZMQ_HELLO_MSG = 110;
const ZMQ_DISCONNECT_MSG = 111;
const ZMQ_HICCUP_MSG = 114;

if (!process.env.LIFELINE_SCHEMA) {
  process.stderr.write("LIFELINE_SCHEMA must name the schema file (<assembly>.lifeline.json)\n");
  process.exit(2);
}
const schema = codec.load(process.env.LIFELINE_SCHEMA);
const frame = (json) => { const { record, body } = JSON.parse(json); return codec.encode(schema, record, body); };
const parse = (bytes) => codec.decode(schema, bytes);
const say = (event, detail) => process.stdout.write(JSON.stringify({ event, ...detail }) + "\n");
const hex = (bytes) => Buffer.from(bytes).toString("hex").toUpperCase();

const modes = {
  // A libzmq DEALER whose native hello is the given message.
  async "dealer-hello"(endpoint, hello) {
    const dealer = new zmq.Dealer();
    dealer.setStringOption(ZMQ_HELLO_MSG, frame(hello));
    dealer.connect(endpoint);
    await dealer.send("from-node");
    say("ready");
    for await (const [message] of dealer) {
      say("received", parse(message));
    }
  },

  // One libzmq DEALER per message, each with that message as its native hello (its first message), then "done".
  // A message may name a record as another version of the schema has it: bodies of other record versions.
  async "send-frames"(endpoint, json) {
    const dealers = [];
    for (const message of JSON.parse(json)) {
      const dealer = new zmq.Dealer();
      dealer.setStringOption(ZMQ_HELLO_MSG, codec.encode(schema, message.record, message.body));
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

  // A libzmq ROUTER whose native hello and disconnect messages are the given ones; reports what it receives.
  async "router-disconnect"(count, hello, gone) {
    const router = new zmq.Router();
    router.setStringOption(ZMQ_HELLO_MSG, frame(hello));
    router.setStringOption(ZMQ_DISCONNECT_MSG, frame(gone));
    await router.bind("tcp://127.0.0.1:*");
    say("bound", { endpoint: router.lastEndpoint });
    for (let i = 0; i < Number(count); i++) {
      const frames = await router.receive();
      say("received", { frames: frames.map(hex), lifecycle: parse(frames[frames.length - 1]) });
    }
    router.close();
  },

  // No socket: the frame of one message, in hex.
  async encode(message) {
    say("encoded", { hex: hex(frame(message)) });
  },

  // No socket: what a frame given in hex holds.
  async decode(frameHex) {
    say("decoded", parse(Buffer.from(frameHex, "hex")));
  },

  // A libzmq CLIENT with the given hello and a native hiccup message: reports hellos and hiccups it receives.
  async "client-hiccup"(endpoint, hello) {
    const client = new draft.Client();
    const hiccup = Buffer.from("HICCUP");
    client.setStringOption(ZMQ_HELLO_MSG, frame(hello));
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
