import { z } from "zod";
import { zText } from "@/server/validation";

const zId = z.string().min(1).max(100);
const zNote = zText().trim().max(2_000, "Keep it to 2,000 characters");

export const zRequestStatus = z.enum(["pending", "approved", "declined"]);

export const zCreateRequestInput = z.object({ groupId: zId, introduction: zNote.optional() });
export type CreateRequestInput = z.infer<typeof zCreateRequestInput>;

export const zListRequestsInput = z.object({
  groupId: zId,
  /** "decided" means approved or declined. */
  status: z.enum(["pending", "decided"]).optional(),
  cursor: zId.optional(),
});
export type ListRequestsInput = z.infer<typeof zListRequestsInput>;

export const zDecideRequestInput = z.object({ id: zId, message: zNote.optional() });
export type DecideRequestInput = z.infer<typeof zDecideRequestInput>;

export const zGroupIdInput = z.object({ groupId: zId });

const zPerson = z.object({ id: z.string(), name: z.string() });

export const zMembershipRequest = z.object({
  id: z.string(),
  /** The address is shown because only the group's admins can list requests. */
  person: zPerson.extend({ email: z.string() }),
  introduction: z.string(),
  status: zRequestStatus,
  createdAt: z.date(),
  response: z.string(),
  decidedBy: zPerson.nullable(),
  decidedAt: z.date().nullable(),
});
export type MembershipRequestItem = z.infer<typeof zMembershipRequest>;

export const zRequestPage = z.object({ items: z.array(zMembershipRequest), nextCursor: z.string().nullable() });

/** The caller's own request, for the Ask-to-join panel. */
export const zMyRequest = z.object({
  id: z.string(),
  status: zRequestStatus,
  introduction: z.string(),
  response: z.string(),
  createdAt: z.date(),
  decidedAt: z.date().nullable(),
});
export type MyRequest = z.infer<typeof zMyRequest>;
