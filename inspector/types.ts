/** What the page reads from the server (the control plane's and the index's JSON). */

interface HostInfo {
  host: string;
  real: string;
  local: string;
}
export interface ProviderInfo {
  id: string;
  title: string;
  hosts: HostInfo[];
}
export interface ClockState {
  now: string;
  offsetSeconds: number;
}
export interface Fault {
  id: string;
  provider: string | null;
  operationId: string | null;
  remaining: number;
  status: number | null;
  delayMs: number;
  drop: boolean;
}
export interface OperationInfo {
  operationId: string;
  method: string;
  path: string;
  summary: string;
}
