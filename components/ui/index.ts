// Barrel for the UI primitives: import { Button, Card, StatusBadge } from "@/components/ui".
export { Alert, type AlertProps, type AlertTone } from "./Alert";
export { Avatar, avatarTone, initials, type AvatarProps } from "./Avatar";
export { Badge, StatusBadge, StatusDot, type BadgeProps, type StatusBadgeProps } from "./Badge";
export { Button, buttonClassName, type ButtonProps, type ButtonSize, type ButtonVariant } from "./Button";
export { Card, type CardProps } from "./Card";
export { EmptyState, type EmptyStateProps } from "./EmptyState";
export { Field, type FieldProps } from "./Field";
export { formatDate, formatDateTime, formatRelative, toDate, type DateInput } from "./format";
export * from "./icons";
export { Input, Select, Textarea, type InputProps, type SelectProps, type TextareaProps } from "./Input";
export { Kbd } from "./Kbd";
export { PageContainer, Stack } from "./PageContainer";
export { PageHeader, type Breadcrumb, type PageHeaderProps } from "./PageHeader";
export { ProgressBar, SegmentedProgressBar, type ProgressBarProps, type SegmentedProgressBarProps } from "./ProgressBar";
export { RelativeTime, type RelativeTimeProps } from "./RelativeTime";
export { humanize, statusLabel, statusTone, statusValues, toneColor, type StatusKind, type Tone } from "./status";
export { SubNav, type SubNavItem, type SubNavProps } from "./SubNav";
export { Table, type TableProps } from "./Table";
