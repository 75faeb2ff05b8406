import { z } from "zod";

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

export const zPersonName = z.string().trim().min(1, "Enter a name").max(100, "Use at most 100 characters");

export const zCredentials = z.object({
  email: zEmail,
  password: z.string().min(1).max(200),
});

export const zMe = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  isAdmin: z.boolean(),
});
export type Me = z.infer<typeof zMe>;
