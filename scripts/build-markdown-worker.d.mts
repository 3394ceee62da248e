export const workerBundle: string;
export function buildMarkdownWorker(options?: { force?: boolean }): Promise<boolean>;
