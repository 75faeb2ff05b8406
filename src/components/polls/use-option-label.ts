"use client";

import { useCallback } from "react";
import { formatSlot } from "@/components/polls/time-zone";
import { useViewerTimeZone } from "@/components/polls/use-clock";

type Option = { id: string; name: string; startsAt: Date | null };

/** Names options for display: meeting times in the viewer's zone (UTC until it is known), others by name. */
export function useOptionLabel(options: readonly Option[]): (optionId: string) => string {
  const zone = useViewerTimeZone();
  return useCallback(
    (optionId: string) => {
      const option = options.find(({ id }) => id === optionId);
      if (!option) return "An option no longer on the poll";
      return option.startsAt ? formatSlot(option.startsAt, zone ?? "UTC") : option.name;
    },
    [options, zone],
  );
}
