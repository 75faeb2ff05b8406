import { readPublicLogo } from "@/server/charter/public";
import { getDb } from "@/server/db";

/**
 * A signatory's logo for the public charter page, for anyone: only while that organisation's
 * signature is approved and the charter public (see readPublicLogo). Every other image stays
 * behind sign-in at /api/images. A short shared cache, so a charter made private again stops
 * showing logos within minutes even from caches in between.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ handle: string; imageId: string }> }) {
  const { handle, imageId } = await params;
  const logo = await readPublicLogo(getDb(), handle, imageId);
  if (!logo) return new Response("Image not found.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(Buffer.from(logo.bytes), {
    headers: {
      "content-type": logo.contentType,
      "x-content-type-options": "nosniff",
      "cache-control": "public, max-age=300",
      "content-disposition": "inline",
    },
  });
}
