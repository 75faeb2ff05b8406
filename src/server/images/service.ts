import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { imageTypeOf } from "@/server/files/file-types";

export const MAX_IMAGE_BYTES = 1_000_000;

export async function storeImage(db: Db, uploadedById: string, bytes: Uint8Array): Promise<{ id: string }> {
  if (bytes.byteLength === 0) throw new AppError("BAD_REQUEST", "The file is empty.");
  if (bytes.byteLength > MAX_IMAGE_BYTES) {
    throw new AppError("BAD_REQUEST", `Images can be at most ${MAX_IMAGE_BYTES / 1_000_000} MB.`);
  }
  const contentType = imageTypeOf(bytes);
  if (!contentType) throw new AppError("BAD_REQUEST", "Use a PNG, JPEG, GIF or WebP image.");
  return db.image.create({
    data: { uploadedById, contentType, bytes: Uint8Array.from(bytes) },
    select: { id: true },
  });
}

export async function readImage(db: Db, id: string): Promise<{ contentType: string; bytes: Uint8Array } | null> {
  return db.image.findUnique({ where: { id }, select: { contentType: true, bytes: true } });
}

/**
 * Checks that an image id taken from input was uploaded by the caller before it is attached
 * to a group, account or organisation, so nobody can reuse someone else's upload by id.
 */
export async function assertOwnImage(db: Db, userId: string, imageId: string): Promise<void> {
  const image = await db.image.findUnique({ where: { id: imageId }, select: { uploadedById: true } });
  if (!image || image.uploadedById !== userId) throw new AppError("NOT_FOUND", "That image was not found. Upload it again.");
}

/** The address the browser loads an image from. */
export function imageUrl(imageId: string | null): string | null {
  return imageId ? `/api/images/${imageId}` : null;
}
