// Icons only the map's toolbar uses, made with the shared icon() helper (paths after Lucide, ISC).
import { icon } from "@/components/ui/icons";

export const IconChevronUp = icon(<path d="m18 15-6-6-6 6" />);
export const IconChevronDownSmall = icon(<path d="m6 9 6 6 6-6" />);
export const IconClose = icon(<path d="M18 6 6 18M6 6l12 12" />);
export const IconFilter = icon(<path d="M3 6h18M7 12h10M10 18h4" />);
export const IconLink = icon(
  <>
    <path d="M10 13a5 5 0 0 0 7.54.54l3-3a5 5 0 0 0-7.07-7.07l-1.72 1.71" />
    <path d="M14 11a5 5 0 0 0-7.54-.54l-3 3a5 5 0 0 0 7.07 7.07l1.71-1.71" />
  </>,
);
export const IconList = icon(<path d="M8 6h13M8 12h13M8 18h13M3 6h.01M3 12h.01M3 18h.01" />);
