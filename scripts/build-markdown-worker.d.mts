export const workerBundle: string;
export const previewBundle: string;
export function buildMarkdownWorker(options?: { force?: boolean }): Promise<boolean>;
