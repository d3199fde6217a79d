/** What the console's pages share: the officer's session, API calls with the token, SLA clocks, labels. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { categoryLabel, districtLabel, roleLabel, statusLabel } from '../../shared/chat/labels.ts';
import type { Status } from '../../shared/domain/vocabulary.ts';
import { api, type ApiRequest, type ApiResponse } from '../lib/api.ts';
import type { Session } from './auth.ts';

export const SessionContext = createContext<Session | undefined>(undefined);

export const useSession = (): Session => {
  const session = useContext(SessionContext);
  if (!session) throw new Error('not signed in');
  return session;
};

export const officerApi = <T,>(
  session: Session,
  path: string,
  request: ApiRequest = {},
): Promise<ApiResponse<T>> => api<T>(path, { ...request, token: session.token });

export const role = (session: Session): string => session.claims['custom:role'] ?? '';

export const en = {
  status: (s: string) => statusLabel(s as Status, 'en'),
  category: (c: string) => categoryLabel(c, 'en'),
  district: (d: string) => districtLabel(d, 'en'),
  role: (r: string) => roleLabel(r as never, 'en'),
};

export interface SlaView {
  readonly phase?: string;
  readonly level?: string;
  readonly dueAt?: string;
  readonly pausedAt?: string;
  readonly stoppedAt?: string;
  readonly firstActionAt?: string;
  readonly breaches?: readonly unknown[];
  readonly targets?: { firstActionMinutes: number; resolutionMinutes: number };
}

export const duration = (ms: number): string => {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  return days > 0 ? `${days} d ${hours} h` : hours > 0 ? `${hours} h ${mins} min` : `${mins} min`;
};

/** Milliseconds until due (negative: overdue); undefined when paused or stopped. */
export const dueInMs = (sla: SlaView | undefined, now: number): number | undefined =>
  sla?.dueAt && !sla.pausedAt && !sla.stoppedAt ? Date.parse(sla.dueAt) - now : undefined;

export const SlaClock = ({ sla, now }: { sla: SlaView | undefined; now: number }) => {
  if (!sla) return <span class="pill paused">no SLA</span>;
  if (sla.stoppedAt) return <span class="pill paused">stopped</span>;
  if (sla.pausedAt) return <span class="pill paused">paused (awaiting citizen)</span>;
  const left = dueInMs(sla, now);
  if (left === undefined) return <span class="pill paused">—</span>;
  const phase = sla.phase === 'first_action' ? 'first action' : 'resolution';
  return left >= 0 ? (
    <span class="pill due">{`${phase} due in ${duration(left)}`}</span>
  ) : (
    <span class="pill overdue">{`${phase} overdue by ${duration(left)}`}</span>
  );
};

export const localTime = (iso: string | undefined): string =>
  iso
    ? new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Asia/Karachi',
        dateStyle: 'medium',
        timeStyle: 'short',
      }).format(new Date(iso))
    : '—';
