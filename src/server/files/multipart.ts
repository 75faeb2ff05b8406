import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import busboy from "busboy";
import { AppError } from "@/server/errors";

type Upload = { filename: string; stream: Readable };

/**
 * Streams the multipart field `file` of a request into `handle`, never holding the whole file in
 * memory. A refusal from `handle` answers at once; the rest of the body is read and discarded.
 */
export function receiveFile<T>(request: Request, handle: (upload: Upload) => Promise<T>): Promise<T> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!request.body || !contentType.toLowerCase().startsWith("multipart/form-data")) {
    return Promise.reject(new AppError("BAD_REQUEST", "Send the file as multipart form data in a field named file."));
  }
  const body = Readable.fromWeb(request.body as unknown as NodeReadableStream<Uint8Array>);
  return new Promise<T>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      // Browsers send UTF-8 file names; busboy would otherwise read them as Latin-1.
      parser = busboy({ headers: { "content-type": contentType }, defParamCharset: "utf8", limits: { files: 1, fields: 0 } });
    } catch {
      reject(new AppError("BAD_REQUEST", "Send the file as multipart form data in a field named file."));
      return;
    }
    let result: Promise<T> | null = null;
    parser.on("file", (field, stream, info) => {
      if (field !== "file" || result) {
        stream.resume();
        return;
      }
      result = handle({ filename: info.filename ?? "", stream });
      result.catch(reject);
    });
    parser.on("error", () => reject(new AppError("BAD_REQUEST", "The upload was cut off. Please try again.")));
    parser.on("close", () => {
      if (result) result.then(resolve, reject);
      else reject(new AppError("BAD_REQUEST", "Choose a file to upload (send it in a field named file)."));
    });
    body.on("error", () => {
      parser.destroy();
      reject(new AppError("BAD_REQUEST", "The upload was cut off. Please try again."));
    });
    body.pipe(parser);
  });
}
