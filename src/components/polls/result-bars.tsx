import { TONE_CLASSES, type Tone } from "@/components/polls/poll-text";
import { cn } from "@/components/ui/cn";

export type Bar = { id: string; label: string; detail: string; percent: number; tone?: Tone; badge?: string };

/** Horizontal bars drawn with boxes, each with its numbers in text, so every reader gets the same facts. */
export function ResultBars({ bars, label }: { bars: Bar[]; label: string }) {
  return (
    <ul aria-label={label} className="flex flex-col gap-3">
      {bars.map((bar) => (
        <li key={bar.id} className={cn("flex flex-col gap-1", bar.badge && "rounded-lg border-2 border-live bg-green-50 p-2")}>
          <div className="flex flex-wrap items-baseline justify-between gap-x-3">
            <span className="min-w-0 break-words font-semibold">
              {bar.label}
              {bar.badge && <span className="ml-2 rounded-full bg-live px-2 py-0.5 text-sm font-bold text-white">{bar.badge}</span>}
            </span>
            <span className="text-muted">{bar.detail}</span>
          </div>
          <Meter percent={bar.percent} tone={bar.tone} />
        </li>
      ))}
    </ul>
  );
}

/** A filled track; decorative, so whatever it shows must also be said in text beside it. */
export function Meter({ percent, tone = "neutral", className }: { percent: number; tone?: Tone; className?: string }) {
  return (
    <div aria-hidden="true" className={cn("h-3 overflow-hidden rounded-full bg-stone-200", className)}>
      <div className={cn("h-full rounded-full", TONE_CLASSES[tone].bar)} style={{ width: `${Math.min(100, Math.max(0, percent))}%` }} />
    </div>
  );
}

export const percentText = (percent: number) => `${Math.round(percent)}%`;
export const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
