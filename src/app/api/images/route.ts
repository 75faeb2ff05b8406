import { getSessionUserId } from "@/server/api/context";
import { getDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { storeImage } from "@/server/images/service";

/** Small images (logos, avatars) as multipart field `file`; answers `{ id }`. */
export async function POST(request: Request) {
  const userId = await getSessionUserId();
  if (!userId) return Response.json({ error: { message: "Please sign in first." } }, { status: 401 });
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return Response.json({ error: { message: "Send the image as multipart form data in a field named file." } }, { status: 400 });
  }
  const file = form.get("file");
  if (!(file instanceof File)) {
    return Response.json({ error: { message: "Send the image in a field named file." } }, { status: 400 });
  }
  try {
    const image = await storeImage(getDb(), userId, new Uint8Array(await file.arrayBuffer()));
    return Response.json(image, { status: 201 });
  } catch (error) {
    if (error instanceof AppError) return Response.json({ error: { message: error.message } }, { status: 400 });
    throw error;
  }
}
