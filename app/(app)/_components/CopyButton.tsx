"use client";
// Copies a value to the clipboard and says so for a moment.
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/Button";

export function CopyButton({ value, label = "Copy" }: { value: string; label?: string }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(null), 2000);
    return () => clearTimeout(timer);
  }, [copied]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied("yes");
    } catch {
      // Clipboard access needs a secure context (https or localhost); the value stays selectable.
      setCopied("failed");
    }
  }

  return (
    <Button type="button" size="sm" variant="secondary" onClick={copy} aria-live="polite">
      {copied === "yes" ? "Copied" : copied === "failed" ? "Select and copy" : label}
    </Button>
  );
}
