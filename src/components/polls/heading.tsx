import type { HTMLAttributes } from "react";

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

/** A heading whose level depends on where the poll is shown (its own page, or inside a thread). */
export function Heading({ level, ...props }: { level: number } & HTMLAttributes<HTMLHeadingElement>) {
  const Tag = `h${Math.min(Math.max(level, 1), 6) as HeadingLevel}` as const;
  return <Tag {...props} />;
}
