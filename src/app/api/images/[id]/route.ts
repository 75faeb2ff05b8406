import { getSessionUserId } from "@/server/api/context";
import { getDb } from "@/server/db";
import { readImage } from "@/server/images/service";

/** Logos and avatars are for signed-in people only; the type was checked from the bytes at upload. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  if (!(await getSessionUserId())) return new Response("Please sign in first.", { status: 401 });
  const image = await readImage(getDb(), (await params).id);
  if (!image) return new Response("Image not found.", { status: 404 });
  return new Response(Buffer.from(image.bytes), {
    headers: {
      "content-type": image.contentType,
      "x-content-type-options": "nosniff",
      "cache-control": "private, max-age=86400, immutable",
      "content-disposition": "inline",
    },
  });
}
