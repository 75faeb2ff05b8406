import { createServer } from "node:http";
import { isSupervisor, processNumber, superviseProcesses } from "@/server/cluster/processes";

/**
 * What processes.test.ts supervises: a server answering which process it is, on the shared port.
 * FIXTURE_FAIL_AT_START=<n> makes process n stop during start-up.
 */
const count = Number(process.env.FIXTURE_PROCESSES);
if (isSupervisor(count)) {
  superviseProcesses(count, new URL(import.meta.url));
} else {
  const number = processNumber();
  if (process.env.FIXTURE_FAIL_AT_START === String(number)) process.exit(3);
  const server = createServer((_request, response) => response.end(JSON.stringify({ number, pid: process.pid })));
  server.listen(Number(process.env.PORT), "127.0.0.1");
  process.once("SIGTERM", () => server.close(() => process.exit(0)));
}
