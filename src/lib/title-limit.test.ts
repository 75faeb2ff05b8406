import { describe, expect, it } from "vitest";
import { titleLengthAnnouncement, titleTooLong } from "@/lib/title-limit";

describe("titleLengthAnnouncement", () => {
  it("stays quiet far from the limit, then says what is left or how far over", () => {
    expect(titleLengthAnnouncement(0)).toBe("");
    expect(titleLengthAnnouncement(179)).toBe("");
    expect(titleLengthAnnouncement(180)).toBe("20 characters left");
    expect(titleLengthAnnouncement(199)).toBe("1 character left");
    expect(titleLengthAnnouncement(200)).toBe("0 characters left");
    expect(titleLengthAnnouncement(205)).toBe("5 characters over the limit");
    expect(titleLengthAnnouncement(75, 80)).toBe("5 characters left");
  });

  it("names the field in the refusal", () => {
    expect(titleTooLong(80, "folder name")).toBe("Keep the folder name to 80 characters or fewer");
  });
});
