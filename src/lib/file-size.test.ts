import { describe, expect, it } from "vitest";
import { formatFileSize } from "@/lib/file-size";

describe("formatFileSize", () => {
  it("reads naturally at each scale", () => {
    expect(formatFileSize(1)).toBe("1 byte");
    expect(formatFileSize(820)).toBe("820 bytes");
    expect(formatFileSize(12 * 1024 + 100)).toBe("12 KB");
    expect(formatFileSize(3.4 * 1024 * 1024)).toBe("3.4 MB");
    expect(formatFileSize(50 * 1024 * 1024)).toBe("50 MB");
    expect(formatFileSize(2 * 1024 * 1024 * 1024)).toBe("2 GB");
    expect(formatFileSize(1.5 * 1024 * 1024 * 1024)).toBe("1.5 GB");
  });
});
