// Preloaded (node --require) when AZURITE_EXIT_WITH_STDIN=1: Azurite exits when its standard input closes, which
// happens when the process that started it dies, even by kill -9. Without it an orphaned Azurite would keep its
// ports and memory until someone kills it by hand.
"use strict";
process.stdin.on("end", () => process.exit(0));
process.stdin.on("error", () => process.exit(0));
process.stdin.resume();
// On SIGTERM/SIGINT Azurite closes its servers and waits for the event loop to empty: let go of stdin, and do not
// wait more than 5 s for open connections.
const stop = () => {
  process.stdin.destroy();
  setTimeout(() => process.exit(0), 5000).unref();
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
