import Image from "next/image";
import { cn } from "@/components/ui/cn";

const SIZES = { md: { pixels: 56, className: "size-14 rounded-lg" }, lg: { pixels: 64, className: "size-16 rounded-xl" } } as const;

/** A group's or organisation's logo, if it has one. Decorative: the name is always written beside it. */
export function Logo({ url, size = "md" }: { url: string | null; size?: keyof typeof SIZES }) {
  if (!url) return null;
  const { pixels, className } = SIZES[size];
  return <Image src={url} alt="" width={pixels} height={pixels} unoptimized className={cn("shrink-0 border border-line object-cover", className)} />;
}
