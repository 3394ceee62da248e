"use client";
// Opens the browser's print dialog; the page's print stylesheet leaves only the document.
import { Button } from "@/components/ui/Button";
import { IconPrinter } from "./icons";

export function PrintButton() {
  return (
    <Button type="button" variant="secondary" icon={<IconPrinter size={15} />} onClick={() => window.print()}>
      Print
    </Button>
  );
}
