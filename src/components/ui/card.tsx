import type { HTMLAttributes } from "react";
import { cn } from "@/components/ui/cn";

export function Card({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return <div className={cn("rounded-xl border border-line bg-card p-5 shadow-sm", className)} {...props} />;
}
