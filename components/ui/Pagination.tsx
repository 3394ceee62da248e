// Previous / next links for a list shown a page at a time (lib/plan/paging.ts), with "Showing
// 201–400 of 1,234". Rendered only when there is more than one page; the links keep the view's
// other parameters (the caller builds them with `hrefFor`).
import { Button } from "./Button";
import { showingText, type PageSlice } from "@/lib/plan/paging";
import { formatCount } from "@/lib/validation/limits";
import styles from "./Pagination.module.css";

export function Pagination({ slice, hrefFor, label, noun }: { slice: PageSlice; hrefFor: (page: number) => string; label: string; noun: string }) {
  if (slice.pageCount <= 1) return null;
  return (
    <nav className={styles.pager} aria-label={label}>
      <span>
        {showingText(slice)} {noun} · page {formatCount(slice.page)} of {formatCount(slice.pageCount)}
      </span>
      <span className={styles.buttons}>
        {slice.page > 1 && (
          <Button href={hrefFor(slice.page - 1)} size="sm" variant="secondary" rel="prev">
            Previous
          </Button>
        )}
        {slice.page < slice.pageCount && (
          <Button href={hrefFor(slice.page + 1)} size="sm" variant="secondary" rel="next">
            Next
          </Button>
        )}
      </span>
    </nav>
  );
}
