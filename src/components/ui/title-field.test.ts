import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { TitleField } from "@/components/ui/title-field";

const render = (props: Parameters<typeof TitleField>[0]) => renderToString(createElement(TitleField, { onChange: () => {}, ...props }));

describe("TitleField", () => {
  it("counts what was typed against the limit, with nothing cut off and no maxlength", () => {
    const html = render({ value: "Garden rota" });
    expect(html).toContain("11 / 200");
    expect(html).not.toContain("maxlength");
    expect(html).not.toContain('aria-invalid="true"');
  });

  it("keeps text over the limit and says how to fix it, in the server's words", () => {
    const long = "x".repeat(205);
    const html = render({ value: long });
    expect(html).toContain(`value="${long}"`);
    expect(html).toContain("205 / 200");
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain("Keep the title to 200 characters or fewer");
    expect(html).toContain("5 characters over the limit");
  });

  it("takes another limit and name, as for folders", () => {
    const html = render({ label: "Folder name", value: "y".repeat(81), max: 80, noun: "folder name" });
    expect(html).toContain("81 / 80");
    expect(html).toContain("Keep the folder name to 80 characters or fewer");
  });

  it("drops the server's length refusal once the title is short enough, and keeps its other errors", () => {
    const tooLong = "Keep the title to 200 characters or fewer";
    expect(render({ value: "x".repeat(200), error: tooLong })).not.toContain(tooLong);
    expect(render({ value: "x".repeat(201), error: tooLong })).toContain(tooLong);
    expect(render({ value: "Garden rota", error: "This thread was moved" })).toContain("This thread was moved");
  });
});
