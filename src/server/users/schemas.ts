import { z } from "zod";
import { zText } from "@/server/validation";

/** Emails are compared case-insensitively, so they are stored trimmed and lower-cased. */
export const zEmail = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid email address").max(254, "Use at most 254 characters"));

export const zNewPassword = z
  .string()
  .min(10, "Use at least 10 characters")
  .max(200, "Use at most 200 characters");

export const zPersonName = zText().trim().min(1, "Enter a name").max(100, "Use at most 100 characters");

export const zCredentials = z.object({
  email: zEmail,
  password: z.string().min(1).max(200),
});

export const zMe = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  isAdmin: z.boolean(),
  bio: z.string(),
  avatarUrl: z.string().nullable(),
  organisation: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** False for people who are guests everywhere: they see only what they were invited to. */
  canViewOrganisations: z.boolean(),
});
export type Me = z.infer<typeof zMe>;

export const MAX_BIO_LENGTH = 1_000;

export const zUpdateProfileInput = z.object({
  name: zPersonName,
  bio: zText().trim().max(MAX_BIO_LENGTH, `Keep it to ${MAX_BIO_LENGTH.toLocaleString("en-GB")} characters`),
  /** An image the caller uploaded to /api/images; null removes the avatar, absent leaves it as it is. */
  avatarId: z.string().min(1).max(100).nullable().optional(),
});
export type UpdateProfileInput = z.infer<typeof zUpdateProfileInput>;

export const zChangePasswordInput = z.object({
  currentPassword: z.string().min(1, "Enter your current password").max(200),
  newPassword: zNewPassword,
});
export type ChangePasswordInput = z.infer<typeof zChangePasswordInput>;

export const zPasswordResetRequestInput = z.object({ email: zEmail });

export const zPasswordResetCompleteInput = z.object({
  token: z.string().min(1).max(200),
  password: zNewPassword,
});
export type PasswordResetCompleteInput = z.infer<typeof zPasswordResetCompleteInput>;

export const zOk = z.object({ ok: z.literal(true) });
