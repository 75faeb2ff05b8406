import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { call, expectHydrated, expectNoAxeViolations, query, secondPerson, signInAsAdmin, uniqueSuffix } from "./support";

type StakeholderMap = { stakeholders: { id: string; name: string; x: number; y: number }[]; links: { fromId: string; toId: string; kind: string }[] };

test("stakeholder map: an admin adds, links and drags stakeholders, filters by sector, exports PNG and SVG; a member reads it", async ({ page, browser }) => {
  test.slow();
  await signInAsAdmin(page);
  const group = await call<{ id: string; handle: string }>(page.request, "group.create", { name: `Riverside ${uniqueSuffix()}` });
  const member = await secondPerson(browser, page.request, group.id);

  await page.goto(`/groups/${group.handle}/stakeholders`);
  await expectHydrated(page);
  await expect(page.getByRole("link", { name: "Stakeholders", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("Nobody is on the map yet. Add the first stakeholder.")).toBeVisible();

  // Two stakeholders through the side form.
  for (const { name, sector, relationship } of [
    { name: "Riverside Council", sector: "Council", relationship: "Core" },
    { name: "Riverside Hospice", sector: "Health", relationship: "Partner" },
  ]) {
    await page.getByRole("button", { name: "Add a stakeholder" }).click();
    const form = page.getByRole("form", { name: "Add a stakeholder" });
    await form.getByLabel("Name", { exact: true }).fill(name);
    await form.getByLabel("Sector").selectOption({ label: sector });
    await form.getByLabel("Relationship").selectOption({ label: relationship });
    await form.getByRole("button", { name: "Add to the map" }).click();
    await expect(form).toBeHidden();
    await expect(page.getByTestId("stakeholder-node").filter({ hasText: name })).toBeVisible();
  }

  // Linked: the edge is labelled with its kind, and the list says it in words.
  await page.getByRole("button", { name: "Link two stakeholders" }).click();
  const linkForm = page.getByRole("form", { name: "Link two stakeholders" });
  await linkForm.getByLabel("From").selectOption({ label: "Riverside Council" });
  await linkForm.getByLabel("Kind of link").selectOption({ label: "funds" });
  await linkForm.getByLabel("To").selectOption({ label: "Riverside Hospice" });
  await linkForm.getByRole("button", { name: "Link them" }).click();
  await expect(linkForm).toBeHidden();
  await expect(page.getByTestId("stakeholder-diagram").getByText("funds", { exact: true })).toBeVisible();
  await expect(page.getByRole("list", { name: "Links from Riverside Council" })).toContainText("Riverside Council funds Riverside Hospice");
  await expectNoAxeViolations(page);

  // Dragged: the new position is saved and kept after a reload.
  const before = await query<StakeholderMap>(page.request, "stakeholder.list", { groupId: group.id });
  const hospice = before.stakeholders.find(({ name }) => name === "Riverside Hospice")!;
  const box = (await page.getByTestId("stakeholder-node").filter({ hasText: "Riverside Hospice" }).boundingBox())!;
  const saved = page.waitForResponse((response) => response.url().includes("stakeholder.layout") && response.ok());
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 + 40, { steps: 8 });
  await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2 + 80, { steps: 8 });
  await page.mouse.up();
  await saved;
  const after = await query<StakeholderMap>(page.request, "stakeholder.list", { groupId: group.id });
  const moved = after.stakeholders.find(({ id }) => id === hospice.id)!;
  expect(moved.x).toBeGreaterThan(hospice.x);
  expect(moved.y).toBeGreaterThan(hospice.y);
  await page.reload();
  await expectHydrated(page);
  await expect(page.getByTestId("stakeholder-node").filter({ hasText: "Riverside Hospice" })).toBeVisible();
  const reloaded = await query<StakeholderMap>(page.request, "stakeholder.list", { groupId: group.id });
  expect(reloaded.stakeholders.find(({ id }) => id === hospice.id)).toMatchObject({ x: moved.x, y: moved.y });

  // Filtered by sector: health goes from the diagram and the list, and comes back.
  await page.getByRole("checkbox", { name: "Health" }).uncheck();
  await expect(page.getByTestId("stakeholder-node").filter({ hasText: "Riverside Hospice" })).toHaveCount(0);
  await expect(page.getByTestId("stakeholder-row").filter({ hasText: "Riverside Hospice" })).toHaveCount(0);
  await expect(page.getByTestId("stakeholder-node").filter({ hasText: "Riverside Council" })).toBeVisible();
  await page.getByRole("checkbox", { name: "Health" }).check();
  await expect(page.getByTestId("stakeholder-node").filter({ hasText: "Riverside Hospice" })).toBeVisible();

  // Exported as PNG and SVG.
  const [png] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download PNG" }).click()]);
  expect(png.suggestedFilename()).toBe(`${group.handle}-stakeholders.png`);
  expect(readFileSync((await png.path())!).subarray(1, 4).toString()).toBe("PNG");
  const [svg] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download SVG" }).click()]);
  expect(svg.suggestedFilename()).toBe(`${group.handle}-stakeholders.svg`);
  const svgText = readFileSync((await svg.path())!, "utf8");
  expect(svgText).toContain("<svg");
  expect(svgText).toContain("Riverside Hospice");

  // A member reads the same map, without the tools to change it.
  await member.page.goto(`/groups/${group.handle}/stakeholders`);
  await expectHydrated(member.page);
  await expect(member.page.getByTestId("stakeholder-node")).toHaveCount(2);
  await expect(member.page.getByRole("list", { name: "Links from Riverside Council" })).toContainText("Riverside Council funds Riverside Hospice");
  await expect(member.page.getByRole("button", { name: "Add a stakeholder" })).toHaveCount(0);
  await expect(member.page.getByRole("button", { name: /^Edit / })).toHaveCount(0);
  await expect(member.page.locator(".react-flow__node.draggable")).toHaveCount(0);
  await expect(member.page.getByText("Only the group's admins change the map.")).toBeVisible();
  await expectNoAxeViolations(member.page);
  await member.context.close();
});
