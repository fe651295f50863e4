export function buildBundle(): Promise<void>;
export function buildTypes(): void;
