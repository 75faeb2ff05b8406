import { NotFoundPage } from "@/components/shell/not-found-page";

export const metadata = { title: "Page not found" };

export default function NotFound() {
  return <NotFoundPage title="Page not found" reason="There is nothing at this address, or it is no longer available." />;
}
