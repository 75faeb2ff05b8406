import { CopyField } from "@/components/ui/copy-field";

/** An anonymous voter's change code, to copy for changing the vote from another device. */
export function ChangeCodeField({ code }: { code: string }) {
  return (
    <CopyField
      value={code}
      label="Your change code"
      noun="code"
      testId="change-code"
      hint="To change your vote from another device, copy this code and keep it to yourself: your receipt alone cannot change your vote, but this code can."
    />
  );
}
