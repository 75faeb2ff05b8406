import { describe, expect, it } from "vitest";
import { downloadHeaders } from "@/server/files/download-headers";

describe("downloadHeaders", () => {
  it("sandboxes a PDF opened in the browser, so it runs with no access to the reader's session", () => {
    const headers = downloadHeaders({ contentType: "application/pdf", originalName: "Minutes – März.pdf" }, false);
    expect(headers.get("content-security-policy")).toBe("sandbox");
    expect(headers.get("x-content-type-options")).toBe("nosniff");
    expect(headers.get("content-disposition")).toBe(`inline; filename="Minutes _ M_rz.pdf"; filename*=UTF-8''Minutes%20%E2%80%93%20M%C3%A4rz.pdf`);
  });

  it("sandboxes downloads too, and asks for a download when told to", () => {
    const headers = downloadHeaders({ contentType: "application/pdf", originalName: "plan.pdf" }, true);
    expect(headers.get("content-security-policy")).toBe("sandbox");
    expect(headers.get("content-disposition")).toMatch(/^attachment; /);
  });
});
