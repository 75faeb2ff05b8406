import type { Db } from "@/server/db";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
type Signatory = { organisationId: string; signedOn: Date | null };

const CHARTER = `# Compassionate City Charter for Bath & North East Somerset

We commit to working together so that nobody in our communities faces dying, caring or loss alone.

1. **Schools** will have policies and guidance on dying, death, loss and care.
2. **Workplaces** will have policies and guidance on dying, death, loss and care.
3. **Faith groups** will have at least one dedicated group offering end-of-life support.
4. **Care homes, hospices and hospitals** will encourage and support community involvement.
5. **Museums, galleries and libraries** will hold events that explore experiences of ageing, dying and loss.
6. **Local government** will keep these commitments in its plans and review them each year.`;

/**
 * The demo group's charter, signed by the organisations the directory already marks as
 * signatories and asked for by one more, so the Charter tab shows each state.
 */
export async function seedDemoCharter(tx: Tx, groupId: string, people: { alex: string; tom: string }, signatories: Signatory[], pendingOrganisationId: string): Promise<void> {
  const charter = await tx.charter.create({ data: { groupId, body: CHARTER }, select: { id: true } });
  await tx.charterVersion.create({ data: { charterId: charter.id, number: 1, body: CHARTER, createdById: people.alex } });
  await tx.charterSignature.createMany({
    data: signatories.map(({ organisationId, signedOn }) => ({
      charterId: charter.id,
      organisationId,
      status: "approved" as const,
      requestedById: people.alex,
      decidedById: people.alex,
      signedOn,
      decidedAt: signedOn,
    })),
  });
  await tx.charterSignature.create({ data: { charterId: charter.id, organisationId: pendingOrganisationId, requestedById: people.tom } });
}
