import { createServer } from "node:http";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DOWNLOAD_LENGTH_HEADER, keepDownloadLength } from "@/server/files/download-length";

const server = createServer((request, response) => {
  keepDownloadLength(request, response);
  response.setHeader(DOWNLOAD_LENGTH_HEADER, "5");
  response.setHeader("content-type", "text/plain");
  response.end("hello");
});
let url = "";
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it("turns the download route's length header into Content-Length, for downloads only", async () => {
  const download = await fetch(`${url}/api/files/abc`);
  expect(download.headers.get("content-length")).toBe("5");
  expect(download.headers.get(DOWNLOAD_LENGTH_HEADER)).toBeNull();
  const other = await fetch(`${url}/api/other`);
  expect(other.headers.get(DOWNLOAD_LENGTH_HEADER)).toBe("5");
});
